import type { KubeObject } from '../../harness/contract/methods.ts';
import type { Mutant } from './mutant.ts';

const AREA = '@scheduling and not @oracle';

const untainted = (n: KubeObject): KubeObject => ({ ...n, spec: { ...(n.spec as object), taints: [] } });

export const schedulingMutants: Mutant[] = [
  {
    name: 'ignores-taints',
    mistake: 'the scheduler does not look at node taints',
    area: AREA,
    caughtBy: ['the only node is tainted and the pod does not tolerate it', 'scheduling/no-schedule-taints-are-respected'],
    intercept: { 'scheduling.schedule': (p, next) => next({ ...p, nodes: p.nodes.map(untainted) }) },
  },
  {
    name: 'ignores-running-pods',
    mistake: "what running pods request is not subtracted from a node's free resources",
    area: AREA,
    caughtBy: ['what running pods request is no longer free', 'scheduling/a-workload-never-over-commits'],
    intercept: { 'scheduling.schedule': (p, next) => next({ ...p, pods: [] }) },
  },
  {
    name: 'scores-without-filtering',
    mistake: 'nodes are scored without filtering: a pod that fits nowhere still goes to a node',
    area: AREA,
    caughtBy: ['the only node is tainted and the pod does not tolerate it', 'scheduling/no-schedule-taints-are-respected'],
    intercept: {
      'scheduling.schedule': async (p, next) => {
        const r = await next(p);
        const first = p.nodes[0]?.metadata.name;
        return r.scheduled || !first ? r : { scheduled: true, node: first, feasible: [first] };
      },
    },
  },
  {
    name: 'unsorted-reasons',
    mistake: 'the unschedulable message lists its reasons in the order the nodes were seen, not sorted',
    area: AREA,
    caughtBy: ['resources and a taint, counted per reason'],
    intercept: {
      'scheduling.schedule': async (p, next) => {
        const r = await next(p);
        if (r.scheduled) return r;
        const m = /^(\d+\/\d+ nodes are available: )(.*)\.$/.exec(r.message);
        return m ? { ...r, message: `${m[1]}${m[2].split(', ').reverse().join(', ')}.` } : r;
      },
    },
  },
];
