// strconv.ParseInt(s, 10, 64): an optional sign and decimal digits, within the int64 range.

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * The integer `s` denotes, or undefined when ParseInt would fail. Short inputs come back as a
 * number, long ones as a bigint; `<` and `>` compare the two kinds correctly.
 */
export function parseInt64(s: string): number | bigint | undefined {
  const n = s.length;
  let i = 0;
  const sign = n > 0 ? s.charCodeAt(0) : 0;
  if (sign === 43 || sign === 45) i = 1;
  if (i === n) return undefined;
  if (n - i <= 15) {
    let v = 0;
    for (; i < n; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return undefined;
      v = v * 10 + d;
    }
    return sign === 45 ? -v : v;
  }
  for (let j = i; j < n; j++) {
    const d = s.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return undefined;
  }
  const magnitude = BigInt(s.slice(i));
  const v = sign === 45 ? -magnitude : magnitude;
  return v < INT64_MIN || v > INT64_MAX ? undefined : v;
}
