import fc from 'fast-check';
import { cluster } from '../arbitraries/scheduling.ts';
import { defineProperty } from '../support/defineProperty.ts';
import { expectEqual, Mismatch } from '../support/expect.ts';
import { schedule } from './model.ts';

/** Upstream's message for the per-node reasons: counts per reason, `count reason` parts sorted byte-wise. */
function expectedMessage(total: number, reasons: Record<string, string[]>): string {
  const counts = new Map<string, number>();
  for (const list of Object.values(reasons)) for (const reason of list) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const parts = [...counts].map(([reason, n]) => `${n} ${reason}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `0/${total} nodes are available: ${parts.join(', ')}.`;
}

export default defineProperty({
  id: 'scheduling/unschedulable-only-when-every-node-fails',
  name: 'a pod is unschedulable only when every node fails a filter: the reasons name each node, the message counts them, and each node pinned alone is rejected too',
  claims: ['SCH-2'],
  needs: ['scheduling'],
  numRuns: 150,
  build: ({ driver }) =>
    fc.asyncProperty(cluster({ maxNodes: 10 }), async (c) => {
      const r = await schedule(driver, c);
      if (r.scheduled) return;
      const names = c.nodes.map((n) => n.metadata.name!).sort();
      expectEqual('nodes with reasons', Object.keys(r.reasons).sort(), names);
      const empty = names.filter((n) => r.reasons[n].length === 0);
      if (empty.length) throw new Mismatch('nodes rejected without a reason', [], empty);
      // Pre-filter verdicts (e.g. a conflict between terms) name no per-node filter; the histogram applies otherwise.
      if (!/ didn't satisfy plugin/.test(r.message)) expectEqual('message', r.message, expectedMessage(names.length, r.reasons));
      for (const name of names) {
        const pinned = await schedule(driver, { ...c, pod: { ...c.pod, spec: { ...(c.pod.spec as object), nodeName: name } } });
        if (pinned.scheduled) throw new Mismatch(`node ${name} was reported failing (${r.reasons[name].join('; ')}) yet takes the pod when pinned`, 'unschedulable', pinned.node);
      }
    }),
});
