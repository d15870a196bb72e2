// The reference driver's `labels` and `selectors` capabilities, on top of impl/labels.
import { DriverError } from '../../contract/driver.ts';
import type { Labels, LabelSelectorObject, SelectorRequirement } from '../../contract/methods.ts';
import {
  labelSelectorAsSelector,
  parseSelector,
  validateAnnotations,
  validateLabels,
  type Requirement,
  type Selector,
} from '../../../impl/labels/index.ts';
import type { Handlers } from './handlers.ts';

const invalidParams = (message: string, field: string): never => {
  throw new DriverError({ code: 'InvalidParams', message, field });
};

function stringMap(value: unknown, field: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return invalidParams('must be an object of strings', field);
  for (const [k, v] of Object.entries(value)) if (typeof v !== 'string') invalidParams('must be a string', `${field}[${k}]`);
  return value as Record<string, string>;
}

function labelSets(value: unknown): Labels[] {
  if (!Array.isArray(value)) return invalidParams('must be an array of label sets', 'labelSets');
  return value.map((ls, i) => stringMap(ls, `labelSets[${i}]`));
}

function selectorString(value: unknown): string {
  return typeof value === 'string' ? value : invalidParams('must be a string', 'selector');
}

const toContract = (r: Requirement): SelectorRequirement => ({ key: r.key, operator: r.operator, values: [...r.values] });

export const labelsHandlers: Handlers<'labels'> = {
  'labels.validate': ({ key, value }) => {
    if (typeof key !== 'string' || typeof value !== 'string') invalidParams('key and value must be strings', 'key');
    const errors = validateLabels({ [key]: value });
    return { valid: errors.length === 0, errors };
  },
  'labels.validateAnnotations': ({ annotations }) => {
    const errors = validateAnnotations(stringMap(annotations, 'annotations'));
    return { valid: errors.length === 0, errors };
  },
};

function parsed(selector: unknown): { ok: true; selector: Selector } | { ok: false; error: string } {
  return parseSelector(selectorString(selector));
}

export const selectorsHandlers: Handlers<'selectors'> = {
  'selectors.parse': ({ selector }) => {
    const r = parsed(selector);
    if (!r.ok) return { valid: false, error: r.error };
    return { valid: true, canonical: r.selector.toString(), requirements: r.selector.requirements.map(toContract) };
  },
  'selectors.match': ({ selector, labelSets: sets }) => {
    const r = parsed(selector);
    if (!r.ok) return { valid: false, error: r.error };
    const sel = r.selector;
    return { valid: true, canonical: sel.toString(), matches: labelSets(sets).map((ls) => sel.matches(ls)) };
  },
  /** Annotations never take part in selection (ANN-1): only metadata.labels is read. */
  'selectors.select': ({ selector, objects }) => {
    const r = parsed(selector);
    if (!r.ok) return { valid: false, error: r.error };
    if (!Array.isArray(objects)) return invalidParams('must be an array', 'objects');
    const selected: string[] = [];
    objects.forEach((o, i) => {
      const meta = o?.metadata;
      if (!meta || typeof meta.name !== 'string') invalidParams('must have a name', `objects[${i}].metadata.name`);
      if (r.selector.matches(stringMap(meta.labels, `objects[${i}].metadata.labels`))) selected.push(meta.name);
    });
    return { valid: true, selected };
  },
  'selectors.matchLabelSelector': ({ labelSelector, labelSets: sets }) => {
    const ls = labelSelector === null || labelSelector === undefined ? null : checkLabelSelector(labelSelector);
    const r = labelSelectorAsSelector(ls);
    if (!r.ok) return { valid: false, errors: r.errors };
    const sel = r.selector;
    const all = labelSets(sets);
    if (sel === 'nothing') return { valid: true, canonical: '', matches: all.map(() => false) };
    return { valid: true, canonical: sel.toString(), matches: all.map((l) => sel.matches(l)) };
  },
};

/** Shape checks the JSON schema would make, so that malformed params fail as InvalidParams. */
function checkLabelSelector(ls: unknown): LabelSelectorObject {
  if (typeof ls !== 'object' || Array.isArray(ls) || ls === null) return invalidParams('must be an object or null', 'labelSelector');
  const { matchLabels, matchExpressions } = ls as LabelSelectorObject;
  stringMap(matchLabels, 'labelSelector.matchLabels');
  if (matchExpressions !== undefined && matchExpressions !== null) {
    if (!Array.isArray(matchExpressions)) invalidParams('must be an array', 'labelSelector.matchExpressions');
    matchExpressions.forEach((e, i) => {
      const at = `labelSelector.matchExpressions[${i}]`;
      if (typeof e?.key !== 'string' || typeof e.operator !== 'string') invalidParams('key and operator must be strings', at);
      if (e.values !== undefined && e.values !== null && (!Array.isArray(e.values) || e.values.some((v) => typeof v !== 'string')))
        invalidParams('must be an array of strings', `${at}.values`);
    });
  }
  return ls as LabelSelectorObject;
}
