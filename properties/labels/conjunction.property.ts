import fc from 'fast-check';
import { defineProperty } from '../support/defineProperty.ts';
import { expectEqual, mustBeValid } from '../support/expect.ts';
import { labelSet, validSelector } from '../arbitraries/labels.ts';

export const properties = [
  defineProperty({
    id: 'labels/comma-is-intersection',
    name: 'a comma-joined selector matches exactly the label sets both parts match',
    claims: ['LBL-5'],
    needs: ['selectors'],
    numRuns: 200,
    build: ({ driver }) =>
      fc.asyncProperty(validSelector, validSelector, fc.array(labelSet, { minLength: 1, maxLength: 8 }), async (a, b, labelSets) => {
        const joined = [a.text, b.text].filter((t) => t.trim() !== '').join(',');
        const [ra, rb, rj] = await Promise.all([a.text, b.text, joined].map((selector) => driver.call('selectors.match', { selector, labelSets })));
        mustBeValid(a.text, ra);
        mustBeValid(b.text, rb);
        mustBeValid(joined, rj);
        expectEqual(`matches of ${JSON.stringify(joined)}`, rj.matches, ra.matches.map((m, i) => m && rb.matches[i]));
      }),
  }),
  defineProperty({
    id: 'labels/empty-selector-matches-everything',
    name: 'an empty (or all-blank) selector matches every label set',
    claims: ['LBL-5'],
    needs: ['selectors'],
    numRuns: 50,
    build: ({ driver }) =>
      fc.asyncProperty(fc.constantFrom('', ' ', '   '), fc.array(labelSet, { minLength: 1, maxLength: 8 }), async (selector, labelSets) => {
        const r = await driver.call('selectors.match', { selector, labelSets });
        mustBeValid(selector, r);
        expectEqual('matches of the empty selector', r.matches, labelSets.map(() => true));
      }),
  }),
];
