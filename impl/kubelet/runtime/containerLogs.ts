// A simulated container's output: the lines its program's `log` clauses wrote between its start
// and `until` (now, or its exit), in time order, as the kubelet's `pods/log` serves them.
import type { SimProgram } from '../program/SimProgram.ts';

export interface LogLine {
  at: number;
  text: string;
}

export interface LogOptions {
  tailLines?: number;
  /** Only lines at or after this time (ms). */
  sinceTime?: number;
  /** Prefix each line with its RFC 3339 time at nanosecond precision, as kubectl logs --timestamps. */
  timestamps?: boolean;
  limitBytes?: number;
}

/** Lines kept per container, newest last; older ones are dropped like a rotated log file. */
export const MAX_LOG_LINES = 10_000;

export function logLines(program: SimProgram, startedAt: number, until: number): LogLine[] {
  const lines: LogLine[] = [];
  const span = until - startedAt;
  for (const log of program.logs) {
    if (log.afterMs > span) continue;
    if (log.everyMs === undefined) lines.push({ at: startedAt + log.afterMs, text: log.text });
    else {
      const count = Math.floor((span - log.afterMs) / log.everyMs) + 1;
      for (let k = Math.max(0, count - MAX_LOG_LINES); k < count; k++) lines.push({ at: startedAt + log.afterMs + k * log.everyMs, text: log.text });
    }
  }
  lines.sort((a, b) => a.at - b.at);
  return lines.slice(-MAX_LOG_LINES);
}

const nanoTime = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');

/** The log text for `lines` under `options`; each line ends with a newline. */
export function renderLogs(lines: readonly LogLine[], options: LogOptions = {}): string {
  let picked = options.sinceTime === undefined ? lines : lines.filter((l) => l.at >= options.sinceTime!);
  if (options.tailLines !== undefined) picked = options.tailLines <= 0 ? [] : picked.slice(-options.tailLines);
  const text = picked.map((l) => `${options.timestamps ? `${nanoTime(l.at)} ` : ''}${l.text}\n`).join('');
  return options.limitBytes === undefined ? text : Buffer.from(text).subarray(0, options.limitBytes).toString();
}
