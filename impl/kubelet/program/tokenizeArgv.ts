// Splits a container's command and args into the words of a sim program, remembering which
// element each word came from so that errors carry a field path.
import { invalid, stringValue, type FieldError } from '../../labels/fieldError.ts';

export interface Word {
  text: string;
  /** `spec.containers[0].command[2]` */
  field: string;
  /** True for the `;` that ends a clause (not for a quoted one). */
  separator?: boolean;
  /** True for a whole argv element taken verbatim (the text after `log`). */
  verbatim?: boolean;
}

/** The argv (command then args) with each element's field path. */
export function argvOf(container: { command?: string[]; args?: string[] }, path: string): Word[] {
  const words: Word[] = [];
  (container.command ?? []).forEach((text, i) => words.push({ text: String(text), field: `${path}.command[${i}]` }));
  (container.args ?? []).forEach((text, i) => words.push({ text: String(text), field: `${path}.args[${i}]` }));
  return words;
}

/**
 * Words of the elements: an element is split at whitespace, quotes ('…' or "…") group, and `;`
 * ends a clause. The element right after a `log` that ends its element is taken whole, so
 * `["sim", "log", "hello world"]` logs `hello world`.
 */
export function tokenizeArgv(elements: readonly Word[]): { words: Word[]; errors: FieldError[] } {
  const words: Word[] = [];
  const errors: FieldError[] = [];
  for (const el of elements) {
    const prev = words.at(-1);
    if (prev && prev.text === 'log' && !prev.verbatim && !prev.separator) {
      words.push({ text: el.text, field: el.field, verbatim: true });
      continue;
    }
    const split = splitWords(el.text);
    if (split === undefined) errors.push(invalid(el.field, stringValue(el.text), 'unterminated quote'));
    else for (const w of split) words.push({ ...w, field: el.field });
  }
  return { words, errors };
}

/** Shell-like word splitting with quotes and `;`; undefined when a quote is left open. */
function splitWords(text: string): { text: string; separator?: boolean }[] | undefined {
  const out: { text: string; separator?: boolean }[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) return undefined;
      word += text.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (/\s/.test(ch) || ch === ';') {
      if (inWord) out.push({ text: word });
      word = '';
      inWord = false;
      if (ch === ';') out.push({ text: ';', separator: true });
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (inWord) out.push({ text: word });
  return out;
}
