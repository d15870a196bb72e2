// The addresses offering one endpoint port of one service, kept sorted and hashed so that a
// change costs a binary search and an array splice, never a re-sort.
import { compareAddresses } from './repackSubsets.ts';
import type { EndpointAddress, EndpointPort } from './types.ts';

export interface AddressEntry {
  address: EndpointAddress;
  ready: boolean;
}

/** 32-bit FNV-1a of a string, from a chosen offset basis. */
function fnv1a(text: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function insertSorted(list: EndpointAddress[], address: EndpointAddress): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAddresses(list[mid], address) < 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, address);
}

function removeSorted(list: EndpointAddress[], address: EndpointAddress): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAddresses(list[mid], address) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] === address) list.splice(lo, 1);
  else throw new Error(`PortAddressSet: address ${address.ip} was not in its list`);
}

/**
 * One port's address set. `signature` is equal for two ports exactly when they hold the same
 * address keys with the same readiness (up to a 64-bit hash collision), which is upstream's rule
 * for packing ports into one subset. It is an order-free sum, so it updates in O(1).
 */
export class PortAddressSet {
  readonly port: EndpointPort | null;
  readonly ready: EndpointAddress[] = [];
  readonly notReady: EndpointAddress[] = [];
  private readonly entries = new Map<string, AddressEntry>();
  private h1 = 0;
  private h2 = 0;

  constructor(port: EndpointPort | null) {
    this.port = port;
  }

  get size(): number {
    return this.entries.size;
  }

  get signature(): string {
    return `${this.h1}:${this.h2}:${this.entries.size}`;
  }

  get(addrKey: string): AddressEntry | undefined {
    return this.entries.get(addrKey);
  }

  /** Sets (or, with undefined, removes) the entry for an address key. */
  set(addrKey: string, entry: AddressEntry | undefined): void {
    const old = this.entries.get(addrKey);
    if (old && entry && old.address === entry.address && old.ready === entry.ready) return;
    if (old) {
      removeSorted(old.ready ? this.ready : this.notReady, old.address);
      this.hash(addrKey, old.ready, -1);
      this.entries.delete(addrKey);
    }
    if (entry) {
      insertSorted(entry.ready ? this.ready : this.notReady, entry.address);
      this.hash(addrKey, entry.ready, 1);
      this.entries.set(addrKey, entry);
    }
  }

  private hash(addrKey: string, ready: boolean, sign: 1 | -1): void {
    const text = `${addrKey}\u0000${ready ? 1 : 0}`;
    this.h1 = (this.h1 + sign * fnv1a(text, 0x811c9dc5)) >>> 0;
    this.h2 = (this.h2 + sign * fnv1a(text, 0x050c5d1f)) >>> 0;
  }
}
