import type { Driver } from '../../contract/driver.ts';
import { DriverError } from '../../contract/driver.ts';
import type { Capability, Hello, Method, Params, Result } from '../../contract/methods.ts';
import { PROTOCOL_VERSION } from '../../contract/methods.ts';
import type { Handler } from './handlers.ts';
import { labelsHandlers, selectorsHandlers } from './labels.ts';
import { createObjectsHandlers } from './objects.ts';
import { schedulingHandlers } from './scheduling.ts';
import { endpointsHandlers, portsHandlers } from './services.ts';
import { memoryStore } from '../../../impl/store/index.ts';
import { createApiHandler, type ApiHandler } from '../../../impl/apiserver/index.ts';

type AnyHandler = (params: unknown) => unknown;

/** Every capability the reference implements, with its handlers. `objects` gets a fresh API server and store. */
function capabilityTable(): Partial<Record<Capability, Record<string, AnyHandler>>> {
  let api: Promise<ApiHandler> | undefined;
  const table = {
    labels: labelsHandlers,
    selectors: selectorsHandlers,
    objects: createObjectsHandlers(() => (api ??= createApiHandler(memoryStore()))),
    scheduling: schedulingHandlers,
    endpoints: endpointsHandlers,
    ports: portsHandlers,
  };
  return table as unknown as Partial<Record<Capability, Record<string, AnyHandler>>>;
}

/** The reference implementation, in process. */
export async function createReferenceDriver(): Promise<Driver> {
  const table = capabilityTable();
  const handlers = new Map<string, AnyHandler>();
  for (const group of Object.values(table)) for (const [method, h] of Object.entries(group)) handlers.set(method, h);
  const hello: Hello = {
    protocol: PROTOCOL_VERSION,
    implementation: { name: 'kconform-reference', version: '0.1.0', description: 'the kconform reference control plane, in process' },
    capabilities: Object.keys(table) as Capability[],
  };
  return {
    name: 'reference',
    hello,
    has: (c) => hello.capabilities.includes(c),
    async call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> {
      if (method === 'hello') return hello as Result<M>;
      if (method === 'shutdown') return {} as Result<M>;
      const h = handlers.get(method) as Handler<M> | undefined;
      if (!h) throw new DriverError({ code: 'MethodNotFound', message: `method ${method} is not implemented by the reference` });
      return (await h(params)) as Result<M>;
    },
    async close() {},
  };
}
