import type { Labels } from '../../harness/contract/methods.ts';
import type { Mutant } from './mutant.ts';

const firstKey = (selector: string) => selector.split(/[!=<>,\s(]/)[0].replace(/^!/, '');

/** Intercepts that make a negative operator (`!=`, `notin`) match only label sets carrying the key. */
function keyRequiredFor(op: RegExp): Mutant['intercept'] {
  const carries = (labels: Labels | undefined, selector: string) => Object.hasOwn(labels ?? {}, firstKey(selector));
  return {
    'selectors.match': async (p, next) => {
      const r = await next(p);
      if (!r.valid || !op.test(p.selector)) return r;
      return { ...r, matches: r.matches.map((m, i) => m && carries(p.labelSets[i], p.selector)) };
    },
    'selectors.select': async (p, next) => {
      const r = await next(p);
      if (!r.valid || !op.test(p.selector)) return r;
      return { ...r, selected: r.selected.filter((n) => carries(p.objects.find((o) => o.metadata.name === n)?.metadata.labels, p.selector)) };
    },
  };
}

export const selectorMutants: Mutant[] = [
  {
    name: 'neq-needs-the-key',
    mistake: '`!=` only matches objects that carry the key',
    area: '@labels and not @oracle',
    caughtBy: ['"!=" selects objects with another value, and objects without the label', 'labels/!=-complements-='],
    intercept: keyRequiredFor(/!=/),
  },
  {
    name: 'notin-needs-the-key',
    mistake: '`notin` only matches objects that carry the key',
    area: '@labels and not @oracle',
    caughtBy: ['"notin" selects objects whose value is none of the set, and objects without the label', 'labels/notin-complements-in'],
    intercept: keyRequiredFor(/ notin /),
  },
  {
    name: 'comma-is-or',
    mistake: 'requirements separated by commas are ORed instead of ANDed',
    area: '@labels and not @oracle',
    caughtBy: ['both requirements must hold', 'labels/comma-is-intersection'],
    intercept: {
      'selectors.match': async (p, next) => {
        const parts = p.selector.split(',');
        if (parts.length < 2 || /\(/.test(p.selector)) return next(p);
        const each = await Promise.all(parts.map((selector) => next({ ...p, selector })));
        const full = await next(p);
        if (!full.valid || each.some((r) => !r.valid)) return full;
        return { ...full, matches: full.matches.map((_, i) => each.some((r) => r.valid && r.matches[i])) };
      },
      'selectors.select': async (p, next) => {
        const parts = p.selector.split(',');
        if (parts.length < 2 || /\(/.test(p.selector)) return next(p);
        const each = await Promise.all(parts.map((selector) => next({ ...p, selector })));
        const full = await next(p);
        if (!full.valid) return full;
        const union = new Set(each.flatMap((r) => (r.valid ? r.selected : [])));
        return { valid: true, selected: p.objects.map((o) => o.metadata.name).filter((n) => union.has(n)) };
      },
    },
  },
  {
    name: 'canonical-unsorted',
    mistake: 'the canonical form keeps requirements in the order they were written',
    area: '@labels and not @oracle',
    caughtBy: ['requirements are written sorted by key in canonical form', 'the canonical form of an equality selector'],
    intercept: {
      'selectors.parse': async (p, next) => {
        const r = await next(p);
        return r.valid ? { ...r, canonical: p.selector.split(',').map((s) => s.trim()).join(',') } : r;
      },
      'selectors.match': async (p, next) => {
        const r = await next(p);
        return r.valid ? { ...r, canonical: p.selector.split(',').map((s) => s.replace(/\s+/g, ' ').trim()).join(',') } : r;
      },
    },
  },
  {
    name: 'annotations-select',
    mistake: 'selection also looks at annotations',
    area: '@labels and not @oracle',
    caughtBy: ['a selector never looks at annotations', 'labels/annotations-never-select'],
    intercept: {
      'selectors.select': (p, next) => next({ ...p, objects: p.objects.map((o) => ({ metadata: { ...o.metadata, labels: { ...o.metadata.annotations, ...o.metadata.labels } } })) }),
    },
  },
  {
    name: 'seed-value-limit',
    mistake: 'label values may hold 253 characters, as the seed document says (upstream allows 63)',
    area: '@labels and not @oracle',
    caughtBy: ['a value of 64 characters (the seed allows 253) is rejected', 'labels/label-rules'],
    intercept: {
      'labels.validate': async (p, next) => {
        const r = await next(p);
        if (p.value.length > 63 && p.value.length <= 253 && /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(p.value)) {
          const errors = r.errors.filter((e) => !/no more than 63/.test(e.message));
          return { valid: errors.length === 0, errors };
        }
        return r;
      },
    },
  },
];
