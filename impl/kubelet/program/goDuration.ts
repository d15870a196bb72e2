// Durations in Go's notation (time.ParseDuration / Duration.String), in milliseconds.

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const PART = /(\d+(?:\.\d*)?|\.\d+)(ms|s|m|h)/y;

/**
 * `500ms`, `30s`, `1m30s`, `1.5h`, or `0`: milliseconds, rounded to the nearest. Returns undefined for
 * anything else (signs, µs/ns units, missing units); never throws.
 */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0') return 0;
  if (text === '') return undefined;
  PART.lastIndex = 0;
  let ms = 0;
  while (PART.lastIndex < text.length) {
    const start = PART.lastIndex;
    const m = PART.exec(text);
    if (!m || m.index !== start) return undefined;
    ms += Number(m[1]) * UNIT_MS[m[2]];
  }
  return Math.round(ms);
}

/** Duration.String() for a whole number of milliseconds: `0s`, `500ms`, `10s`, `1m20s`, `5m0s`, `1h0m0s`. */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 0) return `-${formatGoDuration(-ms)}`;
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const rest = ms % 60_000;
  const s = rest % 1000 === 0 ? String(rest / 1000) : (rest / 1000).toFixed(3).replace(/0+$/, '');
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}
