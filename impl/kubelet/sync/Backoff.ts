// client-go's flowcontrol.Backoff without jitter, on explicit time: per-key windows that start at
// `initialMs`, double on each Next up to `maxMs`, and reset when a key was last updated more than
// 2 × maxMs before the event. The kubelet keeps one for container restarts and one for image pulls,
// both 10 s doubling to 5 min (upstream backOffPeriod / MaxContainerBackOff).

export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;

interface Entry {
  backoffMs: number;
  lastUpdate: number;
}

export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly initialMs = INITIAL_BACKOFF_MS, readonly maxMs = MAX_BACKOFF_MS) {}

  /** The current window of `key` (0 when unknown). */
  get(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0;
  }

  /** Opens the first window, or doubles the current one; `now` becomes the key's last update. */
  next(key: string, eventTime: number, now: number): void {
    const e = this.entries.get(key);
    if (!e || this.expired(e, eventTime)) this.entries.set(key, { backoffMs: this.initialMs, lastUpdate: now });
    else {
      e.backoffMs = Math.min(e.backoffMs * 2, this.maxMs);
      e.lastUpdate = now;
    }
  }

  /** True while less than the window has passed since `eventTime` (container restarts). */
  isInBackOffSince(key: string, eventTime: number, now: number): boolean {
    const e = this.entries.get(key);
    return !!e && !this.expired(e, eventTime) && now - eventTime < e.backoffMs;
  }

  /** True while less than the window has passed between the last update and `eventTime` (image pulls). */
  isInBackOffSinceUpdate(key: string, eventTime: number): boolean {
    const e = this.entries.get(key);
    return !!e && !this.expired(e, eventTime) && eventTime - e.lastUpdate < e.backoffMs;
  }

  /** When a window measured from `since` closes (since + window); undefined for an unknown key. */
  windowEnd(key: string, since: number): number | undefined {
    const e = this.entries.get(key);
    return e && since + e.backoffMs;
  }

  /** The last update of `key`, if any. */
  lastUpdate(key: string): number | undefined {
    return this.entries.get(key)?.lastUpdate;
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  /** Drops keys not updated for 2 × maxMs. */
  gc(now: number): void {
    for (const [key, e] of this.entries) if (now - e.lastUpdate > 2 * this.maxMs) this.entries.delete(key);
  }

  private expired(e: Entry, eventTime: number): boolean {
    return eventTime - e.lastUpdate > 2 * this.maxMs;
  }
}
