import type { SelectorRequirement } from '../contract/capabilities/selectors.ts';

/**
 * The requirements of a selector, read back from upstream's canonical String() form
 * (`x in (a,b),y,!z,w!=v,n>3`): requirements joined by `,`; `!key`; `key`; `key<op>value` with
 * op one of `=`, `==`, `!=`, `>`, `<`; `key in (v1,v2)` and `key notin (…)`.
 *
 * The form is unambiguous because labels.Parse only lets through validated keys and values,
 * which hold none of ` ,=!<>()`. Returns undefined for text outside that form, so a surprise in
 * kubectl's output is reported, never guessed at.
 */
export function requirementsFromCanonical(canonical: string): SelectorRequirement[] | undefined {
  const out: SelectorRequirement[] = [];
  let rest = canonical;
  while (rest !== '') {
    const m = REQUIREMENT.exec(rest);
    if (!m) return undefined;
    const [whole, bang, absentKey, key, setOp, setValues, exactOp, exactValue] = m;
    if (bang) out.push({ key: absentKey, operator: '!', values: [] });
    else if (setOp) out.push({ key, operator: setOp as 'in' | 'notin', values: setValues.split(',') });
    else if (exactOp) out.push({ key, operator: EXACT[exactOp], values: [exactValue] });
    else out.push({ key, operator: 'exists', values: [] });
    rest = rest.slice(whole.length);
    if (rest.startsWith(',')) {
      rest = rest.slice(1);
      if (rest === '') return undefined;
    } else if (rest !== '') return undefined;
  }
  return out;
}

const EXACT: Record<string, SelectorRequirement['operator']> = { '=': '=', '==': '==', '!=': '!=', '>': 'gt', '<': 'lt' };

// !key | key in (…) | key notin (…) | key<op>value | key
const REQUIREMENT = /^(?:(!)([^ ,=!<>()]+)|([^ ,=!<>()]+)(?: (in|notin) \(([^ =!<>()]*)\)|(==|!=|=|>|<)([^ ,=!<>()]*))?)(?=,|$)/;
