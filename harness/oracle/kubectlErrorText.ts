// The wrappers kubectl puts around an upstream error, and how to take them off.
//
// 1. Every kubectl command ends a failed run through cmdutil.CheckErr, which writes the error as
//    `error: <err.Error()>` plus a newline to stderr (it adds no `error: ` when the text already
//    starts with it; labels.Parse errors never do) and exits 1.
// 2. The resource builder (`kubectl create -f … -l <sel>`) wraps a labels.Parse error as
//    `the provided selector <Go %q of the selector> is not valid: <err.Error()>`.
//    The selector inside is the one after strings.TrimSpace.
// `kubectl top pod -l <sel>` returns labels.Parse's error unwrapped, so only (1) applies there.

const CHECK_ERR_PREFIX = 'error: ';
const BUILDER_PREFIX = 'the provided selector "';
const BUILDER_MIDDLE = ' is not valid: ';

/**
 * The error text of a failed kubectl run: stderr must be exactly `error: <text>\n` with a
 * one-line text. Returns undefined for any other stderr (warnings, multi-line output, nothing).
 */
export function checkErrText(stderr: string): string | undefined {
  if (!stderr.startsWith(CHECK_ERR_PREFIX) || !stderr.endsWith('\n')) return undefined;
  const text = stderr.slice(CHECK_ERR_PREFIX.length, -1);
  return text.includes('\n') ? undefined : text;
}

/**
 * The labels.Parse error inside the builder's `the provided selector "…" is not valid: <err>`,
 * or undefined when `text` is not that wrapper. Skips the Go-quoted selector by its escapes,
 * so selectors holding quotes or backslashes are handled.
 */
export function builderSelectorError(text: string): string | undefined {
  if (!text.startsWith(BUILDER_PREFIX)) return undefined;
  let i = BUILDER_PREFIX.length;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  if (i >= text.length || !text.startsWith(BUILDER_MIDDLE, i + 1)) return undefined;
  return text.slice(i + 1 + BUILDER_MIDDLE.length);
}
