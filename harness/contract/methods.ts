// The driver protocol's methods, typed. This file (with capabilities/*.ts) and
// spec/protocol/kconform-protocol.schema.json describe the same contract; harness/protocol's
// schema test keeps them in step.
//
// A method belongs to the capability named by its prefix (`selectors.match` → `selectors`).
// An implementation lists the capabilities it has in its `hello` answer; the suite never calls a
// method whose capability was not listed.
import type { LabelsMethods, SelectorsMethods } from './capabilities/selectors.ts';
import type { ObjectsMethods } from './capabilities/objects.ts';
import type { SchedulingMethods } from './capabilities/scheduling.ts';
import type { EndpointsMethods, PortsMethods } from './capabilities/services.ts';
import type { TimeMethods } from './capabilities/time.ts';
import type { FaultsMethods } from './capabilities/faults.ts';
import type { PodsMethods } from './capabilities/pods.ts';

export type * from './capabilities/selectors.ts';
export type * from './capabilities/objects.ts';
export type * from './capabilities/scheduling.ts';
export type * from './capabilities/services.ts';
export type * from './capabilities/time.ts';
export type * from './capabilities/faults.ts';
export type * from './capabilities/pods.ts';

/** The protocol's version: major.minor. A major change breaks old implementations. */
export const PROTOCOL_VERSION = '1.0';

export const CAPABILITIES = [
  'labels',
  'selectors',
  'objects',
  'scheduling',
  'endpoints',
  'ports',
  'time',
  'faults',
  'pods',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface Hello {
  protocol: string;
  implementation: { name: string; version?: string; description?: string };
  capabilities: Capability[];
}

export interface CoreMethods {
  hello: { params: { protocol: string; client?: string }; result: Hello };
  shutdown: { params: Record<string, never>; result: Record<string, never> };
}

/** Method name → params and result. */
export interface Methods
  extends CoreMethods,
    LabelsMethods,
    SelectorsMethods,
    ObjectsMethods,
    SchedulingMethods,
    EndpointsMethods,
    PortsMethods,
    TimeMethods,
    FaultsMethods,
    PodsMethods {}

export type Method = keyof Methods;
export type Params<M extends Method> = Methods[M]['params'];
export type Result<M extends Method> = Methods[M]['result'];

/** The capability a method needs, or undefined for the always-present ones (hello, shutdown). */
export function capabilityOf(method: string): Capability | undefined {
  const prefix = method.split('.')[0];
  return (CAPABILITIES as readonly string[]).includes(prefix) ? (prefix as Capability) : undefined;
}
