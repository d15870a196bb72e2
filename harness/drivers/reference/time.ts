// Capability `time` of the reference driver: the in-process control plane's virtual clock and
// flow trace.
import type { Handlers } from './handlers.ts';
import { DriverError } from '../../contract/driver.ts';
import type { TraceEntry } from '../../contract/methods.ts';
import { LivelockError } from '../../../impl/clock/index.ts';
import type { ControlPlane, TraceEntry as ImplEntry } from '../../../impl/controlplane/index.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** The protocol's shape of a trace entry: `at` as RFC 3339, only the fields the kind has. */
export function protocolEntry(e: ImplEntry): TraceEntry {
  return { ...e, at: iso(e.at) } as TraceEntry;
}

/** A livelock as a protocol error; anything else is rethrown. */
export async function settled<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof LivelockError) throw new DriverError({ code: 'Timeout', message: error.message });
    throw error;
  }
}

export function createTimeHandlers(plane: () => ControlPlane): Handlers<'time'> {
  const now = () => ({ now: iso(plane().clock.now()) });
  return {
    'time.advance': async ({ ms }) => {
      if (!(typeof ms === 'number' && ms >= 0 && Number.isFinite(ms))) throw new DriverError({ code: 'InvalidParams', message: 'must be a finite number ≥ 0', field: 'ms' });
      await settled(plane().advance(ms));
      return now();
    },
    'time.now': async () => now(),
    'time.settle': async () => {
      await settled(plane().settle());
      return now();
    },
    'time.trace': async ({ since }) => ({ entries: plane().trace.since(since ?? 0).map(protocolEntry) }),
  };
}
