// Laws of the generated pod phase and container statuses over random scripted pods, driven the
// way the kubelet component drives syncPod (at every wake-up).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { drive, makePod, newKubelet, S } from './_fixtures.ts';
import type { Container, Probe } from '../types.ts';

interface Script {
  kind: 'forever' | 'exit' | 'crash' | 'ready' | 'unhealthy';
  code: number;
  after: number;
}

const script: fc.Arbitrary<Script> = fc.record({
  kind: fc.constantFrom('forever', 'exit', 'crash', 'ready', 'unhealthy'),
  code: fc.constantFrom(0, 0, 1, 2),
  after: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 90 })),
});

function container(name: string, s: Script): Container {
  const probe: Probe = { periodSeconds: 5, failureThreshold: 2 };
  const c: Container = { name, image: 'busybox:1.36' };
  if (s.kind === 'exit') c.command = ['sim', `exit ${s.code} after ${s.after}s`];
  if (s.kind === 'crash') c.command = ['sim', `crash after ${s.after}s`];
  if (s.kind === 'ready') Object.assign(c, { command: ['sim', `ready after ${s.after}s`], readinessProbe: probe });
  if (s.kind === 'unhealthy') Object.assign(c, { command: ['sim', `unhealthy after ${s.after}s`], livenessProbe: probe });
  return c;
}

const podArb = fc.record({
  policy: fc.constantFrom('Always', 'OnFailure', 'Never'),
  scripts: fc.array(script, { minLength: 1, maxLength: 3 }),
});

test('generated phases and container statuses follow upstream rules', () => {
  fc.assert(
    fc.property(podArb, ({ policy, scripts }) => {
      const containers = scripts.map((s, i) => container(`c${i}`, s));
      const pod = makePod('p', { restartPolicy: policy, containers });
      const trace = drive(newKubelet({ preloaded: ['busybox:1.36'] }), pod, 600 * S);
      let terminal: string | undefined;
      const lastRestarts = new Map<string, number>();
      for (const { at, result } of trace) {
        const { phase, containerStatuses = [] } = result.status;
        if (policy === 'Always') assert.ok(phase !== 'Succeeded' && phase !== 'Failed', `Always is never terminal (${phase} at ${at})`);
        if (terminal) assert.equal(phase, terminal, 'a terminal phase is never left');
        if (phase === 'Succeeded' || phase === 'Failed') terminal = phase;
        for (const cs of containerStatuses) {
          assert.ok(cs.restartCount >= (lastRestarts.get(cs.name) ?? 0), 'restartCount only grows');
          lastRestarts.set(cs.name, cs.restartCount);
          if (policy === 'Never') assert.equal(cs.restartCount, 0, 'Never restarts nothing');
          if (cs.ready) {
            assert.ok(cs.state.running && cs.started, 'ready only while running and started');
            const s = scripts[Number(cs.name.slice(1))];
            if (s.kind === 'ready') assert.ok(at - Date.parse(cs.state.running.startedAt!) + Date.UTC(2025, 0, 1) >= s.after * S, 'ready only after the readiness probe passed');
          }
        }
        const ready = result.status.conditions!.find((c) => c.type === 'Ready')!;
        assert.equal(ready.status === 'True', containerStatuses.every((c) => c.ready), 'Ready is True exactly when every container is ready');
      }
      const final = trace.at(-1)!.result.status.phase;
      const exitsZero = scripts.every((s) => s.kind === 'exit' && s.code === 0);
      const someFail = scripts.every((s) => s.kind === 'exit' || s.kind === 'crash') && scripts.some((s) => s.kind === 'crash' || s.code !== 0);
      if (policy !== 'Always' && exitsZero) assert.equal(final, 'Succeeded', 'all exited 0 without Always: Succeeded');
      if (policy === 'Never' && someFail) assert.equal(final, 'Failed', 'Never with a failure: Failed');
      if (policy === 'OnFailure' && scripts.some((s) => s.kind === 'crash')) assert.equal(final, 'Running', 'OnFailure keeps restarting a crashing container');
      if (scripts.every((s) => s.kind === 'forever' || s.kind === 'ready'))
        assert.equal(trace.at(-1)!.result.status.conditions!.find((c) => c.type === 'Ready')!.status, 'True', 'containers that run and turn ready make the pod Ready');
    }),
    { numRuns: 150 },
  );
});
