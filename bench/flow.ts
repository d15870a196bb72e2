// Benchmark of the control plane as running components (impl/controlplane): the pod creation flow
// up to the binding (no kubelet yet).
//   1. Virtual time, in process: 100 nodes, then 2,000 pods created by the admin client, then
//      settle: wall time until every pod is bound, tasks run, tasks/s, trace entries.
//   2. Real time over HTTP (components over HTTP too): 20 nodes, 300 pods: wall time to all bound.
// Run: node --import tsx bench/flow.ts  (writes reports/bench/flow.json)
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ControlPlane } from '../impl/controlplane/index.ts';
import { node, pod } from '../impl/controlplane/testing/fixturePlane.ts';
import { SeededScheduler } from '../impl/clock/index.ts';

const round = (x: number) => Math.round(x * 10) / 10;

async function boundCount(plane: ControlPlane): Promise<number> {
  return (await plane.client.list('Pod', { namespace: 'default' })).items.filter((p) => p.spec.nodeName).length;
}

async function virtualFlow(nodes: number, pods: number) {
  const plane = await ControlPlane.start({ clock: 'virtual', seed: 1, trace: { store: false } });
  for (let i = 0; i < nodes; i++) await plane.client.create(node(`n${i}`, '64'));
  await plane.settle();
  const tasksBefore = (plane.tasks as SeededScheduler).tasksRun;
  const start = performance.now();
  for (let i = 0; i < pods; i++) await plane.client.create(pod(`p${i}`, 'default', { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '100m' } } }] }));
  await plane.settle();
  const ms = performance.now() - start;
  const tasks = (plane.tasks as SeededScheduler).tasksRun - tasksBefore;
  const bound = await boundCount(plane);
  const entries = plane.trace.last;
  await plane.stop();
  return { nodes, pods, bound, wallMs: round(ms), podsPerSecond: round((pods / ms) * 1000), tasks, tasksPerSecond: round((tasks / ms) * 1000), traceEntries: entries };
}

async function httpFlow(nodes: number, pods: number) {
  const plane = await ControlPlane.start({ clock: 'real', http: { port: 0 }, componentsOverHttp: true, trace: { store: false } });
  for (let i = 0; i < nodes; i++) await plane.client.create(node(`n${i}`, '64'));
  await plane.settle();
  const start = performance.now();
  for (let i = 0; i < pods; i++) await plane.client.create(pod(`p${i}`));
  let bound = 0;
  for (let attempt = 0; attempt < 600 && bound < pods; attempt++) {
    await new Promise((r) => setTimeout(r, 50));
    bound = await boundCount(plane);
  }
  const ms = performance.now() - start;
  await plane.stop();
  return { nodes, pods, bound, wallMs: round(ms), podsPerSecond: round((pods / ms) * 1000) };
}

const figures = { virtual: await virtualFlow(100, 2000), http: await httpFlow(20, 300) };
console.log(JSON.stringify(figures, null, 2));
mkdirSync('reports/bench', { recursive: true });
writeFileSync('reports/bench/flow.json', JSON.stringify(figures, null, 2) + '\n');
