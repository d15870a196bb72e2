// labelSelector and fieldSelector query parameters as predicates over stored objects.
import type { Obj, ResourceType } from './resourceType.ts';
import { parseSelector } from './fieldErrors.ts';
import { badRequest } from './status.ts';

export type Predicate = (object: Obj) => boolean;

const everything: Predicate = () => true;

/** `?labelSelector=`; 400 BadRequest with the parser's message when malformed. */
export function labelPredicate(input: string | null): Predicate {
  if (!input) return everything;
  const parsed = parseSelector(input);
  if (!parsed.ok) throw badRequest(parsed.error);
  const selector = parsed.selector;
  return (object) => selector.matches((object.metadata?.labels ?? {}) as Record<string, string>);
}

interface Term {
  field: string;
  op: '=' | '!=';
  value: string;
}

/** fields.ParseSelector's grammar: `a=b,c==d,e!=f` with `\` escaping `,`, `=`, `!` and `\`. */
function parseTerms(input: string): Term[] {
  const terms: Term[] = [];
  for (const part of splitUnescaped(input, ',')) {
    if (part === '') continue;
    const match = /^((?:[^\\!=]|\\.)*)(==|!=|=)(.*)$/.exec(part);
    if (!match || match[1] === '') throw badRequest(`invalid selector: '${input}'; can't understand '${part}'`);
    terms.push({ field: unescape(match[1]).trim(), op: match[2] === '!=' ? '!=' : '=', value: unescape(match[3]) });
  }
  return terms;
}

function splitUnescaped(input: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] === '\\' && i + 1 < input.length) current += input[i] + input[++i];
    else if (input[i] === separator) parts.push(current), (current = '');
    else current += input[i];
  }
  parts.push(current);
  return parts;
}

const unescape = (s: string) => s.replace(/\\(.)/g, '$1');

/** `?fieldSelector=`; 400 for malformed input or a field the kind does not index. */
export function fieldPredicate(type: ResourceType, input: string | null): Predicate {
  if (!input) return everything;
  const getters: Record<string, (o: Obj) => string | undefined> = {
    'metadata.name': (o) => o.metadata?.name ?? '',
    ...(type.namespaced ? { 'metadata.namespace': (o: Obj) => o.metadata?.namespace ?? '' } : {}),
    ...type.fields,
  };
  const checks = parseTerms(input).map(({ field, op, value }) => {
    const get = getters[field];
    if (!get) throw badRequest(`field label not supported: ${field}`);
    return (o: Obj) => (get(o) === value) === (op === '=');
  });
  return (object) => checks.every((check) => check(object));
}

/** The exact name a fieldSelector pins (`metadata.name=x`), for narrowing a read to one key. */
export function pinnedName(input: string | null): string | undefined {
  if (!input) return undefined;
  try {
    return parseTerms(input).find((t) => t.field === 'metadata.name' && t.op === '=')?.value;
  } catch {
    return undefined;
  }
}
