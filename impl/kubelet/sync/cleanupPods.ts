// Upstream's HandlePodCleanups, reduced: sandboxes the kubelet created for pods it should no
// longer run are removed with their containers. Only objects carrying the kubelet's pod-UID label
// are considered, and the CRI lists only what the runtime created for the kubelet, so containers
// started on the node by anything else are never touched (NODE-2).
import { LABEL_POD_UID, type KubeletCore } from './KubeletCore.ts';

/** Removes every kubelet-made sandbox whose pod UID is not in `desired`; returns the UIDs removed. */
export function cleanupPods(kubelet: KubeletCore, desired: ReadonlySet<string>, now: number): string[] {
  const removed = new Set<string>();
  for (const sandbox of kubelet.runtime.listPodSandbox()) {
    const uid = sandbox.labels[LABEL_POD_UID];
    if (uid === undefined || desired.has(uid)) continue;
    kubelet.runtime.removePodSandbox(sandbox.id, now);
    removed.add(uid);
  }
  for (const uid of kubelet.pods.keys()) if (!desired.has(uid)) {
    kubelet.pods.delete(uid);
    removed.add(uid);
  }
  kubelet.restartBackoff.gc(now);
  kubelet.pullBackoff.gc(now);
  return [...removed];
}
