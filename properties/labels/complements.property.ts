import fc from 'fast-check';
import { defineProperty } from '../support/defineProperty.ts';
import { expectEqual, mustBeValid } from '../support/expect.ts';
import { labelKey, labelSet, labelValue } from '../arbitraries/labels.ts';

const pairs: [string, string, string][] = [
  ['=', '!=', 'LBL-3'],
  ['in', 'notin', 'LBL-4'],
];

export const properties = pairs.map(([pos, neg, claim]) =>
  defineProperty({
    id: `labels/${neg}-complements-${pos}`,
    name: `"${neg}" is the complement of "${pos}" on label sets that carry the key, and matches every label set without it`,
    claims: [claim],
    needs: ['selectors'],
    numRuns: 150,
    build: ({ driver }) =>
      fc.asyncProperty(labelKey, fc.uniqueArray(labelValue, { minLength: 1, maxLength: pos === '=' ? 1 : 3 }), fc.array(labelSet, { minLength: 1, maxLength: 8 }), async (key, values, labelSets) => {
        const render = (op: string) => (op === '=' || op === '!=' ? `${key}${op}${values[0]}` : `${key} ${op} (${values.join(',')})`);
        const [rp, rn] = await Promise.all([pos, neg].map((op) => driver.call('selectors.match', { selector: render(op), labelSets })));
        mustBeValid(render(pos), rp);
        mustBeValid(render(neg), rn);
        const want = labelSets.map((ls, i) => (Object.hasOwn(ls, key) ? !rp.matches[i] : true));
        expectEqual(`matches of ${JSON.stringify(render(neg))}`, rn.matches, want);
      }),
  }),
);
