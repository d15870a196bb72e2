import type { Driver } from '../../contract/driver.ts';
import { DriverError } from '../../contract/driver.ts';
import type { Capability, Hello, Method, Params, Result } from '../../contract/methods.ts';
import { PROTOCOL_VERSION } from '../../contract/methods.ts';
import type { Handler } from './handlers.ts';
import { labelsHandlers, selectorsHandlers } from './labels.ts';
import { createObjectsHandlers } from './objects.ts';
import { schedulingHandlers } from './scheduling.ts';
import { createEndpointsHandlers, createPortsHandlers } from './services.ts';
import { createTimeHandlers, settled } from './time.ts';
import { createFaultsHandlers } from './faults.ts';
import { createPodsHandlers } from './pods.ts';
import { ControlPlane } from '../../../impl/controlplane/index.ts';

type AnyHandler = (params: unknown) => unknown;

/** The User-Agent of the driver's own API requests (as the flow trace shows them). */
export const DRIVER_USER_AGENT = 'kconform-driver';

/** The control plane's seed: $KCONFORM_SEED, or 1. */
export function referenceSeed(): number {
  const seed = Number(process.env.KCONFORM_SEED);
  return Number.isInteger(seed) ? seed : 1;
}

/** Every capability the reference implements, with its handlers, over one control plane. */
function capabilityTable(plane: ControlPlane, closers: (() => Promise<void>)[]): Partial<Record<Capability, Record<string, AnyHandler>>> {
  const { close: closePorts, ...ports } = createPortsHandlers();
  closers.push(closePorts);
  const table = {
    labels: labelsHandlers,
    selectors: selectorsHandlers,
    objects: createObjectsHandlers(() => plane.handler, { settle: () => settled(plane.settle()), userAgent: DRIVER_USER_AGENT }),
    scheduling: schedulingHandlers,
    endpoints: createEndpointsHandlers(() => plane),
    ports,
    time: createTimeHandlers(() => plane),
    faults: createFaultsHandlers(() => plane),
    pods: createPodsHandlers(() => plane.handler, DRIVER_USER_AGENT),
  };
  return table as unknown as Partial<Record<Capability, Record<string, AnyHandler>>>;
}

/**
 * The reference implementation, in process: a control plane with every component on virtual time
 * (seed from $KCONFORM_SEED, default 1), anonymous requests acting as the admin.
 */
export async function createReferenceDriver(): Promise<Driver> {
  const plane = await ControlPlane.start({ clock: 'virtual', seed: referenceSeed() });
  const closers: (() => Promise<void>)[] = [];
  const table = capabilityTable(plane, closers);
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
    close: async () => {
      for (const close of closers) await close();
      await plane.stop();
    },
  };
}
