import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProbeTracker, probeSettings, type ProbeKind } from './ProbeTracker.ts';
import { parseSimProgram } from '../program/parseSimProgram.ts';
import type { Probe } from '../types.ts';

const program = (script: string) => {
  const r = parseSimProgram({ command: ['sim', script] }, 'c');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.program;
};
const S = 1000;
/** The tracker's result at each time in `times` (seconds after a start at 0). */
function results(kind: ProbeKind, probe: Probe, script: string, times: number[], gateAt?: number) {
  const t = new ProbeTracker(kind, probeSettings(probe), program(script), 0);
  return times.map((s) => (t.advance(s * S, gateAt), t.result));
}

test('probe settings take upstream defaults for missing or non-positive fields', () => {
  assert.deepEqual(probeSettings({}), { initialDelayMs: 0, periodMs: 10_000, successThreshold: 1, failureThreshold: 3 });
  assert.deepEqual(probeSettings({ initialDelaySeconds: 5, periodSeconds: 0, successThreshold: 2, failureThreshold: -1 }), { initialDelayMs: 5000, periodMs: 10_000, successThreshold: 2, failureThreshold: 3 });
});

const cases: { name: string; kind: ProbeKind; probe: Probe; script: string; times: number[]; want: string[]; gateAt?: number }[] = [
  { name: 'readiness starts Failure and passes at the first tick the program is ready', kind: 'readiness', probe: { periodSeconds: 5 }, script: 'ready after 12s', times: [0, 10, 14, 15], want: ['Failure', 'Failure', 'Failure', 'Success'] },
  { name: 'readiness waits for initialDelaySeconds', kind: 'readiness', probe: { initialDelaySeconds: 7, periodSeconds: 5 }, script: 'run', times: [0, 6, 7], want: ['Failure', 'Failure', 'Success'] },
  { name: 'readiness needs successThreshold successes in a row', kind: 'readiness', probe: { periodSeconds: 1, successThreshold: 3 }, script: 'run', times: [0, 1, 2], want: ['Failure', 'Failure', 'Success'] },
  { name: 'readiness turns Failure after failureThreshold failures', kind: 'readiness', probe: { periodSeconds: 10 }, script: 'unready after 25s', times: [20, 30, 40, 49, 50], want: ['Success', 'Success', 'Success', 'Success', 'Failure'] },
  { name: 'liveness starts Success and fails after three failures', kind: 'liveness', probe: {}, script: 'unhealthy after 60s', times: [0, 60, 70, 80], want: ['Success', 'Success', 'Success', 'Failure'] },
  { name: 'liveness stays on hold after failing even if the program recovers', kind: 'liveness', probe: { periodSeconds: 1, failureThreshold: 1 }, script: 'unhealthy after 2s; healthy after 5s', times: [2, 6], want: ['Failure', 'Failure'] },
  { name: 'startup stays Unknown through failures below the threshold and stops once it passed', kind: 'startup', probe: { periodSeconds: 5, failureThreshold: 30 }, script: 'started after 12s', times: [0, 5, 15, 100], want: ['Unknown', 'Unknown', 'Success', 'Success'] },
  { name: 'startup fails after failureThreshold failures', kind: 'startup', probe: { periodSeconds: 5 }, script: 'started after 12s', times: [5, 10, 15], want: ['Unknown', 'Failure', 'Failure'] },
  { name: 'readiness skips ticks before the startup gate', kind: 'readiness', probe: { periodSeconds: 10 }, script: 'run', times: [0, 10, 30], want: ['Failure', 'Failure', 'Success'], gateAt: 25 * S },
];
for (const c of cases) test(`the probe tracker: ${c.name}`, () => assert.deepEqual(results(c.kind, c.probe, c.script, c.times, c.gateAt), c.want));

test('a startup probe is Unknown before its first tick', () => {
  const t = new ProbeTracker('startup', probeSettings({ initialDelaySeconds: 3 }), program('run'), 0);
  t.advance(2 * S);
  assert.equal(t.result, 'Unknown');
});

test('nextChangeAt names the tick where the result will change, and Infinity when none will', () => {
  const t = new ProbeTracker('liveness', probeSettings({ periodSeconds: 10 }), program('unhealthy after 3600s'), 0);
  assert.equal(t.nextChangeAt(), 3620 * S);
  t.advance(3620 * S);
  assert.equal(t.result, 'Failure');
  assert.equal(t.changedAt, 3620 * S);
  assert.equal(t.nextChangeAt(), Infinity);
  const steady = new ProbeTracker('readiness', probeSettings({}), program('run'), 0);
  assert.equal(steady.nextChangeAt(), 0);
  steady.advance(0);
  assert.equal(steady.nextChangeAt(), Infinity);
});

test('advancing to the same time twice changes nothing', () => {
  const t = new ProbeTracker('readiness', probeSettings({ periodSeconds: 1, failureThreshold: 2 }), program('unready after 3s'), 0);
  t.advance(3.5 * S);
  t.advance(3.5 * S);
  assert.equal(t.result, 'Success');
  t.advance(4 * S);
  t.advance(4 * S);
  assert.equal(t.result, 'Failure');
  assert.equal(t.changedAt, 4 * S);
});
