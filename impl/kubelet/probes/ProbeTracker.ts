// One probe of one container instance, as upstream's prober worker runs it, on explicit time.
// Ticks fall at start + initialDelaySeconds + k × periodSeconds; a tick before `gateAt` (for
// readiness and liveness: until the startup probe has passed) is skipped. Each tick's outcome is
// the sim program's flag at that moment (readiness: ready, liveness: healthy, startup: started),
// whatever the handler (exec, httpGet, tcpSocket, grpc). The result changes only after
// failureThreshold consecutive failures or successThreshold consecutive successes. A liveness or
// startup failure puts the tracker on hold (the kubelet restarts the container, which gets a new
// tracker); a startup success stops it.
import type { Probe } from '../types.ts';
import { flagAt, nextFlipAfter, type SimFlip, type SimProgram } from '../program/SimProgram.ts';

export type ProbeKind = 'readiness' | 'liveness' | 'startup';
export type ProbeResult = 'Success' | 'Failure' | 'Unknown';

export interface ProbeSettings {
  initialDelayMs: number;
  periodMs: number;
  successThreshold: number;
  failureThreshold: number;
}

/** Upstream's defaults: no delay, every 10 s, 1 success, 3 failures; non-positive values take the default. */
export function probeSettings(probe: Probe): ProbeSettings {
  const pos = (v: number | undefined, d: number) => (typeof v === 'number' && v > 0 ? v : d);
  return {
    initialDelayMs: Math.max(0, probe.initialDelaySeconds ?? 0) * 1000,
    periodMs: pos(probe.periodSeconds, 10) * 1000,
    successThreshold: pos(probe.successThreshold, 1),
    failureThreshold: pos(probe.failureThreshold, 3),
  };
}

const INITIAL: Record<ProbeKind, ProbeResult> = { readiness: 'Failure', liveness: 'Success', startup: 'Unknown' };

interface State {
  nextTick: number;
  lastOutcome?: ProbeResult;
  run: number;
  result: ProbeResult;
  onHold: boolean;
  /** When `result` last changed (ms), or undefined while it is the initial value. */
  changedAt?: number;
}

export class ProbeTracker {
  private state: State;
  private readonly flips: readonly SimFlip[];

  constructor(readonly kind: ProbeKind, readonly settings: ProbeSettings, program: SimProgram, readonly startedAt: number) {
    this.flips = kind === 'readiness' ? program.readiness : kind === 'liveness' ? program.liveness : program.startup;
    this.state = { nextTick: startedAt + settings.initialDelayMs, run: 0, result: INITIAL[kind], onHold: false };
  }

  get result(): ProbeResult {
    return this.state.result;
  }

  /** When the result last changed (a failure's time is when the kubelet acts on it). */
  get changedAt(): number | undefined {
    return this.state.changedAt;
  }

  /** Runs every tick at or before `now`. Idempotent for a given now. */
  advance(now: number, gateAt = this.startedAt): void {
    while (this.state.nextTick <= now && this.step(this.state, gateAt)) {}
  }

  /** The first tick after the ticks already run at which the result will change; Infinity if none is due. */
  nextChangeAt(gateAt = this.startedAt): number {
    if (gateAt === Infinity) return Infinity;
    const s = { ...this.state };
    for (let guard = 0; guard < 10_000; guard++) {
      const before = s.result;
      const tick = s.nextTick;
      if (!this.step(s, gateAt)) return Infinity;
      if (s.result !== before) return tick;
    }
    return Infinity;
  }

  /** Runs the tick at s.nextTick and moves to the next useful one; false when no tick will run again. */
  private step(s: State, gateAt: number): boolean {
    const { periodMs, successThreshold, failureThreshold } = this.settings;
    const first = this.startedAt + this.settings.initialDelayMs;
    const tickAtOrAfter = (t: number) => first + Math.ceil(Math.max(0, t - first) / periodMs) * periodMs;
    if (s.onHold || s.nextTick === Infinity || (this.kind === 'startup' && s.result === 'Success')) return false;
    const t = s.nextTick;
    if (t < gateAt) {
      s.nextTick = tickAtOrAfter(gateAt);
      return true;
    }
    const outcome: ProbeResult = flagAt(this.flips, t - this.startedAt) ? 'Success' : 'Failure';
    s.run = outcome === s.lastOutcome ? s.run + 1 : 1;
    s.lastOutcome = outcome;
    const settled = s.run >= (outcome === 'Failure' ? failureThreshold : successThreshold);
    if (settled && s.result !== outcome) {
      s.result = outcome;
      s.changedAt = t;
    }
    if (settled && outcome === 'Failure' && this.kind !== 'readiness') {
      s.onHold = true;
      s.run = 0;
    }
    s.nextTick = t + periodMs;
    if (settled && s.result === outcome) {
      // Nothing changes until the program's flag flips: jump to the first tick at or after it.
      const flip = nextFlipAfter(this.flips, t - this.startedAt);
      s.nextTick = flip === Infinity ? Infinity : Math.max(s.nextTick, tickAtOrAfter(this.startedAt + flip));
    }
    return true;
  }
}
