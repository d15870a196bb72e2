// The fuzz test's fixture: a server with seeded objects, and a byte-exact dump of everything
// stored, to compare before and after.
import type { Store } from '../store/index.ts';
import type { ApiHandler } from './apiHandler.ts';
import { SEEDED } from './fuzzRequests.ts';

/** Creates the objects the fuzz requests aim at, through the handler (as a client would). */
export async function seedFuzzState(handler: ApiHandler): Promise<void> {
  const post = async (url: string, object: unknown) => {
    const response = await handler.handle({ method: 'POST', url, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(object)) });
    if (response.status !== 201) throw new Error(`seedFuzzState: POST ${url} answered ${response.status}`);
  };
  await post('/api/v1/namespaces', { metadata: { name: SEEDED.namespace } });
  for (const [ns, name] of SEEDED.pods) {
    await post(`/api/v1/namespaces/${ns}/pods`, { metadata: { name, labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }] } });
  }
  await post('/api/v1/nodes', { metadata: { name: SEEDED.node, labels: { 'kubernetes.io/hostname': SEEDED.node } } });
  await post(`/api/v1/namespaces/${SEEDED.namespace}/configmaps`, { metadata: { name: 'settings' }, data: { a: 'b' } });
  await post(`/api/v1/namespaces/${SEEDED.namespace}/services`, { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
}

/** Every stored key, value and revision, plus the current revision, as one string. */
export async function dumpState(store: Store): Promise<string> {
  const all = await store.list('/');
  return JSON.stringify({ revision: await store.currentRevision(), records: all.items.map((r) => [r.key, r.revision, r.value]) });
}
