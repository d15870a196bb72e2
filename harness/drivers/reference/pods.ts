// Capability `pods` of the reference driver: pods/log and pods/exec requests through the API
// server's own request handling, which calls the pod's kubelet (NODE-4).
import type { Handlers } from './handlers.ts';
import { DriverError } from '../../contract/driver.ts';
import type { ApiHandler, StatusBody } from '../../../impl/apiserver/index.ts';

const path = (namespace: string | undefined, name: string, sub: string, q: URLSearchParams) =>
  `/api/v1/namespaces/${encodeURIComponent(namespace || 'default')}/pods/${encodeURIComponent(name)}/${sub}${q.size ? `?${q}` : ''}`;

export function createPodsHandlers(api: () => ApiHandler, userAgent: string): Handlers<'pods'> {
  const get = async (url: string) => {
    const response = await api().handle({ method: 'GET', url, headers: { 'user-agent': userAgent } });
    if ('watch' in response) throw new DriverError({ code: 'Internal', message: 'unexpected watch response' }, 'protocol');
    if (response.status >= 400) {
      const status = JSON.parse(response.body) as StatusBody;
      throw new DriverError({ code: status.reason, message: status.message });
    }
    return response.body;
  };
  return {
    'pods.log': async ({ namespace, name, container, previous, tailLines }) => {
      const q = new URLSearchParams();
      if (container) q.set('container', container);
      if (previous) q.set('previous', 'true');
      if (tailLines !== undefined) q.set('tailLines', String(tailLines));
      return { text: await get(path(namespace, name, 'log', q)) };
    },
    'pods.exec': async ({ namespace, name, container, command }) => {
      const q = new URLSearchParams([['stdout', 'true'], ['stderr', 'true']]);
      if (container) q.set('container', container);
      for (const c of command) q.append('command', c);
      return JSON.parse(await get(path(namespace, name, 'exec', q)));
    },
  };
}
