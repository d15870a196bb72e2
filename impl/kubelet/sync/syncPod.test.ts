import { test } from 'node:test';
import assert from 'node:assert/strict';
import { condition, drive, makePod, newKubelet, S, statusAt, T0, waitingReason } from './_fixtures.ts';
import { syncPod } from './syncPod.ts';
import { cleanupPods } from './cleanupPods.ts';
import { execInPod, readPodLogs } from './containerIO.ts';

const web = (s: ReturnType<typeof statusAt>) => s.containerStatuses!.find((c) => c.name === 'web')!;

test('a pod goes from ContainerCreating (pulling) to Running and Ready', () => {
  const k = newKubelet();
  const trace = drive(k, makePod('p'), 60 * S);
  const first = trace[0].result;
  assert.equal(first.status.phase, 'Pending');
  assert.equal(waitingReason(first.status), 'ContainerCreating');
  assert.equal(first.status.podIP, '10.244.1.2');
  assert.equal(first.status.hostIP, '192.168.0.11');
  assert.deepEqual(condition(first.status, 'Ready'), { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:00Z' });
  assert.equal(condition(first.status, 'PodReadyToStartContainers')?.status, 'True');
  assert.equal(first.nextWakeUp, T0 + 1 * S);
  assert.deepEqual(first.events.map((e) => e.reason), ['Pulling']);
  const running = statusAt(trace, 1 * S);
  assert.equal(running.phase, 'Running');
  assert.deepEqual(running.conditions!.map((c) => `${c.type}=${c.status}`), ['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
  assert.equal(condition(running, 'Ready')!.lastTransitionTime, '2025-01-01T00:00:01Z');
  assert.equal(condition(running, 'Initialized')!.lastTransitionTime, '2025-01-01T00:00:00Z');
  assert.match(web(running).containerID!, /^containerd:\/\/[0-9a-f]{64}$/);
  assert.match(web(running).imageID, /^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  assert.equal(web(running).image, 'docker.io/library/nginx:1.25');
  assert.deepEqual([web(running).ready, web(running).started, web(running).restartCount], [true, true, 0]);
  assert.equal(running.startTime, '2025-01-01T00:00:00Z');
  assert.equal(running.qosClass, 'BestEffort');
  assert.equal(trace.at(-1)!.result.nextWakeUp, undefined, 'a steady pod asks for no wake-up');
});

test('syncing twice at the same instant changes nothing', () => {
  const k = newKubelet({ images: { 'nginx:nonexistent': {} } });
  for (const pod of [makePod('a'), makePod('b', { containers: [{ name: 'web', image: 'nginx:nonexistent' }] })])
    for (const t of [0, 1 * S, 11 * S, 12 * S]) {
      const once = syncPod(pod, k, T0 + t);
      const twice = syncPod(pod, k, T0 + t);
      assert.deepEqual(twice.status, once.status, `${pod.metadata.name} at ${t}`);
      assert.equal(twice.nextWakeUp, once.nextWakeUp);
      assert.deepEqual(twice.events, []);
    }
});

const phaseCases: { name: string; policy: string; command: string[]; at: number; phase: string; reason?: string }[] = [
  { name: 'Never and exit 0 gives Succeeded', policy: 'Never', command: ['sim', 'exit 0 after 30s'], at: 31 * S, phase: 'Succeeded' },
  { name: 'Never and a crash gives Failed', policy: 'Never', command: ['sim', 'crash after 5s'], at: 6 * S, phase: 'Failed' },
  { name: 'OnFailure and exit 0 gives Succeeded', policy: 'OnFailure', command: ['sleep', '5'], at: 6 * S, phase: 'Succeeded' },
  { name: 'OnFailure and a crash keeps restarting', policy: 'OnFailure', command: ['sim', 'crash after 5s'], at: 120 * S, phase: 'Running' },
  { name: 'Always and exit 0 keeps restarting', policy: 'Always', command: ['true'], at: 120 * S, phase: 'Running' },
];
for (const c of phaseCases)
  test(`phase: ${c.name}`, () => {
    const k = newKubelet();
    const s = statusAt(drive(k, makePod('p', { restartPolicy: c.policy, command: c.command }), c.at), c.at);
    assert.equal(s.phase, c.phase);
  });

test('a finished pod releases its IP but keeps it in status, and reports PodCompleted', () => {
  const k = newKubelet();
  const s = statusAt(drive(k, makePod('p', { restartPolicy: 'Never', command: ['sim', 'exit 0 after 30s'] }), 40 * S), 40 * S);
  assert.equal(s.podIP, '10.244.1.2');
  assert.deepEqual(condition(s, 'Ready'), { type: 'Ready', status: 'False', reason: 'PodCompleted', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:31Z' });
  assert.equal(condition(s, 'PodReadyToStartContainers')?.status, 'False');
  assert.deepEqual(web(s).state.terminated && { ...web(s).state.terminated, containerID: 'x' }, { exitCode: 0, reason: 'Completed', startedAt: '2025-01-01T00:00:01Z', finishedAt: '2025-01-01T00:00:31Z', containerID: 'x' });
  assert.equal(k.runtime.listPodSandbox()[0].state, 'SANDBOX_NOTREADY');
});

test('a crashing container restarts at once, then after 10 s, 20 s, 40 s of CrashLoopBackOff', () => {
  const k = newKubelet();
  const trace = drive(k, makePod('p', { command: ['sim', 'crash after 5s'] }), 200 * S);
  const starts = trace.filter((x) => x.result.events.some((e) => e.reason === 'Started')).map((x) => x.at / S);
  // pulled at 1; exits at 6 (restart at once), 11 (+10 s), 26 (+20 s), 51 (+40 s), 96 (+80 s)
  assert.deepEqual(starts, [1, 6, 21, 46, 91, 176]);
  const looping = statusAt(trace, 12 * S);
  assert.equal(looping.phase, 'Running');
  assert.deepEqual(web(looping).state.waiting, { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container=web pod=p_default(uid-p)' });
  assert.equal(web(looping).lastState.terminated?.reason, 'Error');
  assert.equal(web(looping).lastState.terminated?.exitCode, 1);
  assert.equal(web(looping).restartCount, 1);
  assert.equal(web(statusAt(trace, 60 * S)).state.waiting?.message, 'back-off 40s restarting failed container=web pod=p_default(uid-p)');
  const counts = trace.map((x) => web(x.result.status).restartCount);
  assert.ok(counts.every((n, i) => i === 0 || n >= counts[i - 1]), 'restartCount never decreases');
  assert.equal(counts.at(-1), 5);
});

test('the back-off is capped at 5m0s', () => {
  const k = newKubelet();
  const trace = drive(k, makePod('p', { command: ['false'] }), 3600 * S);
  const messages = new Set(trace.map((x) => web(x.result.status).state.waiting?.message).filter(Boolean));
  assert.ok(messages.has('back-off 5m0s restarting failed container=web pod=p_default(uid-p)'));
  assert.ok(![...messages].some((m) => m!.includes('10m')));
});

test('a readiness probe holds Ready False until the program is ready, at a probe tick', () => {
  const k = newKubelet({ preloaded: ['nginx:1.25'] });
  const pod = makePod('p', { containers: [{ name: 'web', image: 'nginx:1.25', command: ['sim', 'ready after 12s'], readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 } }] });
  const trace = drive(k, pod, 60 * S);
  assert.equal(statusAt(trace, 14 * S).phase, 'Running');
  assert.equal(web(statusAt(trace, 14 * S)).ready, false);
  assert.equal(condition(statusAt(trace, 14 * S), 'ContainersReady')?.message, 'containers with unready status: [web]');
  assert.equal(web(statusAt(trace, 15 * S)).ready, true);
  assert.deepEqual(trace.map((x) => x.at / S), [0, 15]);
});

test('a readiness probe that passes at its first tick makes the pod Ready in the sync that started it', () => {
  const k = newKubelet({ preloaded: ['nginx:1.25'] });
  const pod = makePod('p', { containers: [{ name: 'web', image: 'nginx:1.25', readinessProbe: { tcpSocket: { port: 80 } } }] });
  const first = syncPod(pod, k, T0);
  assert.equal(condition(first.status, 'Ready')?.status, 'True');
  assert.equal(first.nextWakeUp, undefined);
});

test('a liveness probe failing at its first tick restarts the container within the same sync, then backs off', () => {
  const k = newKubelet({ preloaded: ['nginx:1.25'] });
  const pod = makePod('p', { containers: [{ name: 'web', image: 'nginx:1.25', command: ['sim', 'unhealthy'], livenessProbe: { failureThreshold: 1 } }] });
  const first = syncPod(pod, k, T0);
  assert.equal(web(first.status).restartCount, 1);
  assert.equal(web(first.status).state.waiting?.reason, 'CrashLoopBackOff');
  assert.equal(first.nextWakeUp, T0 + 10 * S);
});

test('a failing liveness probe restarts the container, even under OnFailure with exit 0', () => {
  const k = newKubelet({ preloaded: ['nginx:1.25'] });
  const pod = makePod('p', { restartPolicy: 'OnFailure', containers: [{ name: 'web', image: 'nginx:1.25', command: ['sim', 'unhealthy after 30s'], livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] } } }] });
  const trace = drive(k, pod, 55 * S);
  const killed = trace.find((x) => x.result.events.some((e) => e.reason === 'Killing'))!;
  assert.equal(killed.at, 50 * S, 'ticks at 30, 40, 50 fail (failureThreshold 3)');
  assert.deepEqual(killed.result.events.map((e) => e.message), ['Liveness probe failed: the sim program is unhealthy', 'Container web failed liveness probe, will be restarted', 'Container image "nginx:1.25" already present on machine', 'Created container web', 'Started container web']);
  const s = statusAt(trace, 50 * S);
  assert.equal(web(s).restartCount, 1);
  assert.equal(web(s).lastState.terminated?.reason, 'Completed');
});

test('an image that cannot be pulled shows ErrImagePull, then ImagePullBackOff, retried with back-off', () => {
  const k = newKubelet();
  const trace = drive(k, makePod('p', { containers: [{ name: 'web', image: 'nginx:nonexistent' }] }), 60 * S);
  assert.equal(waitingReason(statusAt(trace, 0)), 'ContainerCreating');
  const failed = web(statusAt(trace, 1 * S)).state.waiting!;
  assert.equal(failed.reason, 'ErrImagePull');
  assert.match(failed.message!, /not found$/);
  assert.deepEqual(web(statusAt(trace, 11 * S)).state.waiting, { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:nonexistent"' });
  const pulls = trace.filter((x) => x.result.events.some((e) => e.reason === 'Pulling')).map((x) => x.at / S);
  assert.deepEqual(pulls, [0, 11, 32]);
  assert.equal(statusAt(trace, 60 * S).phase, 'Pending');
});

test('imagePullPolicy Never without the image gives ErrImageNeverPull', () => {
  const k = newKubelet();
  const s = syncPod(makePod('p', { containers: [{ name: 'web', image: 'nginx:1.25', imagePullPolicy: 'Never' }] }), k, T0).status;
  assert.deepEqual(web(s).state.waiting, { reason: 'ErrImageNeverPull', message: 'Container image "nginx:1.25" is not present with pull policy of Never' });
});

test('a bad sim program is a CreateContainerError naming the field', () => {
  const k = newKubelet({ preloaded: ['nginx:1.25'] });
  const s = syncPod(makePod('p', { command: ['sim', 'crash', 'after', 'soon'] }), k, T0).status;
  assert.deepEqual(web(s).state.waiting, { reason: 'CreateContainerError', message: 'spec.containers[0].command[3]: Invalid value: "soon": must be a duration such as 500ms, 30s or 1m30s' });
});

test('init containers run first, in order; the pod is Pending and PodInitializing meanwhile', () => {
  const k = newKubelet({ preloaded: ['nginx:1.25', 'busybox:1.36'] });
  const pod = makePod('p', { initContainers: [{ name: 'a', image: 'busybox:1.36', command: ['sleep', '5'] }, { name: 'b', image: 'busybox:1.36', command: ['sleep', '3'] }] });
  const trace = drive(k, pod, 30 * S);
  const early = statusAt(trace, 1 * S);
  assert.equal(early.phase, 'Pending');
  assert.deepEqual(condition(early, 'Initialized'), { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [a b]', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:00Z' });
  assert.equal(waitingReason(early), 'PodInitializing');
  assert.equal(waitingReason(early, 'b'), 'PodInitializing');
  assert.deepEqual(trace.map((x) => x.at / S), [0, 5, 8]);
  const done = statusAt(trace, 8 * S);
  assert.equal(done.phase, 'Running');
  assert.deepEqual(done.initContainerStatuses!.map((s) => [s.name, s.ready, s.state.terminated?.reason]), [['a', true, 'Completed'], ['b', true, 'Completed']]);
});

test('a failed init container fails a Never pod and is retried under OnFailure', () => {
  const init = [{ name: 'setup', image: 'busybox:1.36', command: ['false'] }];
  const never = statusAt(drive(newKubelet({ preloaded: ['nginx:1.25', 'busybox:1.36'] }), makePod('p', { restartPolicy: 'Never', initContainers: init }), 5 * S), 5 * S);
  assert.equal(never.phase, 'Failed');
  const retried = statusAt(drive(newKubelet({ preloaded: ['nginx:1.25', 'busybox:1.36'] }), makePod('p', { restartPolicy: 'OnFailure', initContainers: init }), 30 * S), 30 * S);
  assert.equal(retried.phase, 'Pending');
  assert.equal(waitingReason(retried, 'setup'), 'CrashLoopBackOff');
});

test('a deleted pod has its containers stopped, then reports terminated', () => {
  const k = newKubelet({ preloaded: ['nginx:1.25'] });
  const pod = makePod('p', { command: ['sim', 'on-term exit 0 after 3s'] });
  drive(k, pod, 10 * S);
  const deleted = { ...pod, metadata: { ...pod.metadata, deletionTimestamp: '2025-01-01T00:00:10Z', deletionGracePeriodSeconds: 30 } };
  const trace = drive(k, deleted, 60 * S, 10 * S);
  assert.deepEqual(trace.map((x) => [x.at / S, x.result.terminated]), [[10, false], [13, true]]);
  assert.equal(trace[0].result.events[0].message, 'Stopping container web');
  assert.equal(trace.at(-1)!.result.status.phase, 'Succeeded');
  assert.equal(k.runtime.listPodSandbox()[0].state, 'SANDBOX_NOTREADY');
});

test('containers of a pod share the sandbox network namespace and IP (POD-1)', () => {
  const k = newKubelet({ preloaded: ['nginx:1.25', 'busybox:1.36'] });
  const pod = makePod('p', { containers: [{ name: 'web', image: 'nginx:1.25' }, { name: 'side', image: 'busybox:1.36', command: ['sleep', '3600'] }] });
  const s = syncPod(pod, k, T0).status;
  const ips = ['web', 'side'].map((c) => execInPod(k, pod, c, ['hostname', '-i'], T0));
  assert.deepEqual(ips, [{ ok: true, value: { stdout: '10.244.1.2\n', stderr: '', exitCode: 0 } }, { ok: true, value: { stdout: '10.244.1.2\n', stderr: '', exitCode: 0 } }]);
  assert.equal(s.podIP, '10.244.1.2');
  const [a, b] = k.runtime.listContainers({}, T0);
  const sandbox = k.runtime.listPodSandbox()[0];
  assert.deepEqual([a.namespaces.network, b.namespaces.network, a.namespaces.ipc, a.namespaces.uts], [sandbox.namespaces.network, sandbox.namespaces.network, sandbox.namespaces.ipc, sandbox.namespaces.uts]);
  assert.notEqual(a.namespaces.pid, b.namespaces.pid, 'PID namespaces are shared only with shareProcessNamespace');
  const resolv = execInPod(k, pod, 'web', ['cat', '/etc/resolv.conf'], T0);
  assert.deepEqual(resolv, { ok: true, value: { stdout: 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n', stderr: '', exitCode: 0 } });
});

test('cleanup removes pods the kubelet no longer runs and never touches foreign containers (NODE-2)', () => {
  const k = newKubelet({ preloaded: ['nginx:1.25'] });
  const foreign = k.runtime.addForeignContainer('registry-mirror', 'registry:2', T0);
  syncPod(makePod('gone'), k, T0);
  syncPod(makePod('kept'), k, T0);
  assert.ok(!k.runtime.listContainers({}, T0).some((c) => c.id === foreign), 'the CRI never lists a foreign container');
  assert.deepEqual(cleanupPods(k, new Set(['uid-kept']), T0 + S), ['uid-gone']);
  const host = k.runtime.hostContainers(T0 + S);
  assert.deepEqual(host.filter((c) => c.managedBy === 'foreign'), [{ id: foreign, name: 'registry-mirror', image: 'registry:2', state: 'CONTAINER_RUNNING', managedBy: 'foreign' }]);
  assert.deepEqual(k.runtime.listContainers({}, T0 + S).map((c) => c.labels['io.kubernetes.pod.uid']), ['uid-kept']);
});

test('a node out of pod IPs cannot create the sandbox and retries', () => {
  const k = newKubelet({ cidr: '10.244.9.0/30', preloaded: ['nginx:1.25'] });
  assert.equal(syncPod(makePod('a'), k, T0).status.podIP, '10.244.9.2');
  const b = syncPod(makePod('b'), k, T0);
  assert.equal(b.status.podIP, undefined);
  assert.equal(waitingReason(b.status), 'ContainerCreating');
  assert.equal(b.events[0].reason, 'FailedCreatePodSandBox');
  assert.match(b.events[0].message, /no IP addresses available in range set: 10\.244\.9\.2-10\.244\.9\.2$/);
  assert.equal(b.nextWakeUp, T0 + 10 * S);
});

test('logs come from the current or previous instance, with upstream error texts', () => {
  const k = newKubelet({ preloaded: ['nginx:1.25'] });
  const pod = makePod('p', { command: ['sim', 'log "starting"; log tick after 1s every 1s; crash after 3s'] });
  assert.deepEqual(readPodLogs(k, pod, 'web', {}, T0), { ok: false, message: 'container "web" in pod "p" is not available' });
  drive(k, pod, 4 * S);
  assert.deepEqual(readPodLogs(k, pod, 'web', {}, T0 + 4 * S), { ok: true, value: 'starting\ntick\n' });
  assert.deepEqual(readPodLogs(k, pod, undefined, { previous: true, timestamps: true, tailLines: 2 }, T0 + 4 * S), { ok: true, value: '2025-01-01T00:00:02.000000000Z tick\n2025-01-01T00:00:03.000000000Z tick\n' });
  assert.deepEqual(readPodLogs(k, makePod('p', { containers: [{ name: 'a' }, { name: 'b' }] }), undefined, {}, T0), { ok: false, message: 'a container name must be specified for pod p, choose one of: [a b]' });
  const fresh = newKubelet({ preloaded: ['nginx:1.25'] });
  syncPod(pod, fresh, T0);
  assert.deepEqual(readPodLogs(fresh, pod, 'web', { previous: true }, T0), { ok: false, message: 'previous terminated container "web" in pod "p" not found' });
});
