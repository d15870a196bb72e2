// Upstream's FitError message: `0/N nodes are available: <PreFilterMsg>.` or, when PreFilter
// passed, `0/N nodes are available: <count> <reason>, ... .` with the "count reason" strings
// sorted bytewise. Upstream appends ` <PostFilterMsg>` (`preemption: ...`) only when a PostFilter
// plugin (preemption) ran; this scheduler has none, so the message ends after the histogram.
import type { Status } from './status.ts';

export function noNodesAvailableMessage(numAllNodes: number): string {
  return `0/${numAllNodes} nodes are available:`;
}

export function fitErrorMessage(
  numAllNodes: number,
  preFilterMsg: string,
  statuses: ReadonlyMap<string, Status>,
  absent: Status | null,
): string {
  let msg = noNodesAvailableMessage(numAllNodes);
  if (preFilterMsg !== '') return `${msg} ${preFilterMsg}.`;
  const histogram = new Map<string, number>();
  for (const s of statuses.values()) for (const r of s.reasons) histogram.set(r, (histogram.get(r) ?? 0) + 1);
  if (absent && statuses.size < numAllNodes) {
    for (const r of absent.reasons) histogram.set(r, (histogram.get(r) ?? 0) + numAllNodes - statuses.size);
  }
  const parts = [...histogram].map(([reason, n]) => `${n} ${reason}`);
  parts.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (parts.length > 0) msg += ` ${parts.join(', ')}.`;
  return msg;
}
