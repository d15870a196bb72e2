// Pod IPs from the node's pod CIDR, the way the host-local IPAM plugin hands them out: the network
// address, the gateway (first host) and the broadcast address are never given; allocation goes
// round-robin from the last address given, so a freed address is not reused at once.

/** What the runtime asks for when it sets up a sandbox's network. */
export interface PodIpAllocator {
  /** An address for `owner` (a sandbox id); throws IpamError when the range is full. */
  allocate(owner: string): string;
  /** Frees the address held by `owner`; unknown owners are ignored. */
  release(owner: string): void;
}

export class IpamError extends Error {
  override name = 'IpamError';
}

const toInt = (ip: string): number => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
const toIp = (n: number): string => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');

/** An IPv4 pod CIDR such as `10.244.1.0/24`; throws IpamError for anything else. */
export class CidrIpAllocator implements PodIpAllocator {
  readonly first: number;
  readonly last: number;
  private cursor: number;
  private readonly byOwner = new Map<string, number>();
  private readonly used = new Set<number>();

  constructor(readonly cidr: string) {
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
    const bits = m ? Number(m[5]) : NaN;
    if (!m || m.slice(1, 5).some((p) => Number(p) > 255) || !(bits >= 1 && bits <= 30)) throw new IpamError(`invalid pod CIDR ${JSON.stringify(cidr)}: want an IPv4 CIDR with a prefix of 1 to 30 bits`);
    const size = 2 ** (32 - bits);
    const network = toInt(m.slice(1, 5).join('.')) - (toInt(m.slice(1, 5).join('.')) % size);
    this.first = network + 2;
    this.last = network + size - 2;
    this.cursor = this.last;
  }

  /** The gateway address (the range's first host), which pods never get. */
  get gateway(): string {
    return toIp(this.first - 1);
  }

  allocate(owner: string): string {
    const held = this.byOwner.get(owner);
    if (held !== undefined) return toIp(held);
    const span = this.last - this.first + 1;
    for (let step = 1; step <= span; step++) {
      const candidate = this.first + ((this.cursor - this.first + step) % span);
      if (this.used.has(candidate)) continue;
      this.used.add(candidate);
      this.byOwner.set(owner, candidate);
      this.cursor = candidate;
      return toIp(candidate);
    }
    throw new IpamError(`failed to allocate for range 0: no IP addresses available in range set: ${toIp(this.first)}-${toIp(this.last)}`);
  }

  release(owner: string): void {
    const held = this.byOwner.get(owner);
    if (held === undefined) return;
    this.byOwner.delete(owner);
    this.used.delete(held);
  }
}
