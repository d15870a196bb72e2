// Cluster IPs from an IPv4 service CIDR (upstream pkg/registry/core/service/ipallocator).
// The network and broadcast addresses are never handed out.
import { fieldErrors, IpamConfigError, type Allocation } from './fieldError.ts';
import { RangeBitmap, staticBandSize } from './RangeBitmap.ts';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** The IPv4 address as an unsigned 32-bit number, or undefined when it is not one. */
export function parseIPv4(ip: string): number | undefined {
  if (!IPV4.test(ip)) return undefined;
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function formatIPv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export class ClusterIPAllocator {
  readonly cidr: string;
  /** The first address handed out (network + 1). */
  private readonly base: number;
  private readonly bitmap: RangeBitmap;

  /** Throws IpamConfigError unless `cidr` is an IPv4 CIDR with a prefix of /8 to /30. */
  constructor(cidr = '10.0.0.0/24') {
    const [ip, bitsText] = cidr.split('/');
    const bits = Number(bitsText);
    const network = parseIPv4(ip ?? '');
    if (network === undefined || !/^\d+$/.test(bitsText ?? '') || bits < 8 || bits > 30) {
      throw new IpamConfigError(`ClusterIPAllocator: ${JSON.stringify(cidr)} is not an IPv4 CIDR from /8 to /30`);
    }
    const total = 2 ** (32 - bits);
    const start = network - (network % total);
    this.cidr = `${formatIPv4(start)}/${bits}`;
    this.base = start + 1;
    this.bitmap = new RangeBitmap(total - 2, staticBandSize(total, { min: 16, max: 256, step: 16 }));
  }

  get used(): number {
    return this.bitmap.used;
  }

  get free(): number {
    return this.bitmap.size - this.bitmap.used;
  }

  has(ip: string): boolean {
    const offset = this.offsetOf(ip);
    return offset !== undefined && this.bitmap.has(offset);
  }

  /**
   * Takes a requested IP. Errors read as upstream's, on `spec.clusterIPs` with the service's
   * clusterIPs as value (default: just this IP):
   * `failed to allocate IP 1.1.1.1: the provided IP (1.1.1.1) is not in the valid range. The range of valid IPs is 10.0.0.0/24`
   * (the text of Kubernetes 1.27 and later; earlier releases said `provided IP is not in the valid range. ...`),
   * `failed to allocate IP 10.0.0.5: provided IP is already allocated`.
   */
  allocate(ip: string, clusterIPs: string[] = [ip]): Allocation<string> {
    const offset = this.offsetOf(ip);
    const fail = (why: string) => ({ ok: false as const, error: fieldErrors.invalid('spec.clusterIPs', clusterIPs, `failed to allocate IP ${ip}: ${why}`) });
    if (offset === undefined) return fail(`the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.cidr}`);
    if (!this.bitmap.take(offset)) return fail('provided IP is already allocated');
    return { ok: true, value: ip };
  }

  /** Takes the next free IP; when none is left, upstream's internal error `failed to allocate a serviceIP: range is full`. */
  allocateNext(): Allocation<string> {
    const offset = this.bitmap.takeNext();
    if (offset === undefined) return { ok: false, error: fieldErrors.internal('failed to allocate a serviceIP: range is full') };
    return { ok: true, value: formatIPv4(this.base + offset) };
  }

  /** Frees the IP; false when it was not allocated (or not in the range). Never throws. */
  release(ip: string): boolean {
    const offset = this.offsetOf(ip);
    return offset !== undefined && this.bitmap.free(offset);
  }

  private offsetOf(ip: string): number | undefined {
    const n = parseIPv4(ip);
    if (n === undefined) return undefined;
    const offset = n - this.base;
    return offset >= 0 && offset < this.bitmap.size ? offset : undefined;
  }
}
