// What a simulated container does, as a timeline relative to its start. Produced by
// parseSimProgram from the container's command/args; read by the runtime (exits, logs, exec) and
// by the prober (readiness, liveness, startup outcomes).

export interface SimExit {
  /** Milliseconds after the container started. */
  afterMs: number;
  exitCode: number;
  /** `OOMKilled` for `oom`; otherwise the runtime derives Completed/Error from the code. */
  reason?: string;
  /** Only runs (attempts) numbered below this exit; undefined: every run. */
  times?: number;
}

/** A probe-visible flag flipping at a time: ready/unready, healthy/unhealthy, started. */
export interface SimFlip {
  afterMs: number;
  value: boolean;
}

export interface SimLog {
  text: string;
  afterMs: number;
  /** Repeats every so many ms after the first line; undefined: once. */
  everyMs?: number;
}

export interface SimTermination {
  /** `ignore`: SIGTERM does nothing, the runtime kills the process at the grace deadline (137). */
  ignore: boolean;
  exitCode: number;
  afterMs: number;
}

export interface SimProgram {
  /** A run ends at the earliest exit whose `times` admits it. Empty: runs until stopped. */
  exits: SimExit[];
  readiness: SimFlip[];
  liveness: SimFlip[];
  startup: SimFlip[];
  logs: SimLog[];
  onTerm: SimTermination;
}

/** The program of a container that states none: runs until stopped, ready, healthy, exits 0 on SIGTERM. */
export const DEFAULT_PROGRAM: SimProgram = Object.freeze({
  exits: [],
  readiness: [],
  liveness: [],
  startup: [],
  logs: [],
  onTerm: { ignore: false, exitCode: 0, afterMs: 0 },
}) as SimProgram;

/** When run number `attempt` (0 = first) exits by itself, if ever. */
export function exitOf(program: SimProgram, attempt: number): SimExit | undefined {
  let first: SimExit | undefined;
  for (const e of program.exits) if ((e.times === undefined || attempt < e.times) && (!first || e.afterMs < first.afterMs)) first = e;
  return first;
}

/**
 * A flag's value `elapsedMs` after start: the latest flip at or before then, else the initial value,
 * which is the opposite of the earliest flip (`ready after 10s` starts unready) or true without flips.
 */
export function flagAt(flips: readonly SimFlip[], elapsedMs: number): boolean {
  let value = flips.length ? !flips[0].value : true;
  for (const f of flips) if (f.afterMs <= elapsedMs) value = f.value;
  return value;
}

/** The first flip strictly after `elapsedMs`, as elapsed ms; Infinity if the flag never changes again. */
export function nextFlipAfter(flips: readonly SimFlip[], elapsedMs: number): number {
  for (const f of flips) if (f.afterMs > elapsedMs) return f.afterMs;
  return Infinity;
}
