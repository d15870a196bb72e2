// Which REST resource serves a kind, learnt from the server's discovery documents: the core
// group first, then every group's preferred version. Cached per driver.
import { DriverError } from '../../contract/driver.ts';
import type { RawApi } from './rawApi.ts';
import { okBody } from './statusError.ts';

export interface KindInfo {
  kind: string;
  /** `v1` or `apps/v1`. */
  apiVersion: string;
  /** Plural REST name, e.g. `pods`. */
  resource: string;
  namespaced: boolean;
}

type ResourceList = { resources: { name: string; kind: string; namespaced: boolean }[] };

export class KindIndex {
  private known = new Map<string, KindInfo>();
  private pending?: Promise<void>;
  private groupsRead = false;

  constructor(private readonly api: RawApi) {}

  /** The resource serving `kind`; NotFound (kubectl's wording) when the server has none. */
  async lookup(kind: string): Promise<KindInfo> {
    if (!this.known.has(kind) && !this.groupsRead) await (this.pending ??= this.discover().finally(() => (this.pending = undefined)));
    const info = this.known.get(kind);
    if (!info) throw new DriverError({ code: 'NotFound', message: `the server doesn't have a resource type "${kind}"` });
    return info;
  }

  private async discover(): Promise<void> {
    if (this.known.size === 0) this.add('v1', okBody(await this.api.send({ method: 'GET', path: '/api/v1' })));
    if (this.groupsRead) return;
    const groups = okBody(await this.api.send({ method: 'GET', path: '/apis' })) as { groups: { preferredVersion?: { groupVersion: string } }[] };
    const versions = groups.groups.map((g) => g.preferredVersion?.groupVersion).filter((gv): gv is string => !!gv);
    const lists = await Promise.all(versions.map((gv) => this.api.send({ method: 'GET', path: `/apis/${gv}` })));
    lists.forEach((r, i) => r.status === 200 && this.add(versions[i], r.body));
    this.groupsRead = true;
  }

  private add(apiVersion: string, list: ResourceList): void {
    for (const r of list.resources ?? []) {
      if (r.name.includes('/') || this.known.has(r.kind)) continue;
      this.known.set(r.kind, { kind: r.kind, apiVersion, resource: r.name, namespaced: r.namespaced });
    }
  }
}

/** The REST path of a collection (name undefined) or object, optionally a subresource. */
export function resourcePath(info: KindInfo, namespace: string | undefined, name?: string, subresource?: string): string {
  const base = info.apiVersion.includes('/') ? `/apis/${info.apiVersion}` : `/api/${info.apiVersion}`;
  const ns = info.namespaced && namespace !== undefined ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  const tail = name !== undefined ? `/${encodeURIComponent(name)}${subresource ? `/${subresource}` : ''}` : '';
  return `${base}${ns}/${info.resource}${tail}`;
}
