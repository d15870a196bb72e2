// Upstream's NodeTree: nodes grouped by zone (region + zone labels), listed round-robin across
// zones so that the first nodes a cycle examines come from every zone.
import type { Labels } from '../framework/labelSelector.ts';

export function zoneKey(labels: Labels): string {
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\x00:${zone}`;
}

export class NodeTree {
  private readonly zones = new Map<string, string[]>();
  private readonly zoneOf = new Map<string, string>();

  get size(): number {
    return this.zoneOf.size;
  }

  /** Adds or moves `name`; returns whether the listing changed. */
  set(name: string, labels: Labels): boolean {
    const zone = zoneKey(labels);
    const old = this.zoneOf.get(name);
    if (old === zone) return false;
    if (old !== undefined) this.remove(name);
    this.zoneOf.set(name, zone);
    let list = this.zones.get(zone);
    if (!list) this.zones.set(zone, (list = []));
    list.push(name);
    return true;
  }

  remove(name: string): boolean {
    const zone = this.zoneOf.get(name);
    if (zone === undefined) return false;
    this.zoneOf.delete(name);
    const list = this.zones.get(zone)!;
    list.splice(list.indexOf(name), 1);
    if (list.length === 0) this.zones.delete(zone);
    return true;
  }

  /** Node names: the first of every zone, then the second of every zone, and so on. */
  list(): string[] {
    const lists = [...this.zones.values()];
    const out: string[] = [];
    for (let i = 0; out.length < this.zoneOf.size; i++) {
      for (const l of lists) if (i < l.length) out.push(l[i]);
    }
    return out;
  }
}
