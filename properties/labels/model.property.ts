import fc from 'fast-check';
import { defineProperty } from '../support/defineProperty.ts';
import { expectEqual, mustBeValid } from '../support/expect.ts';
import { labelSet, modelMatches, validSelector } from '../arbitraries/labels.ts';

export default defineProperty({
  id: 'labels/selectors-follow-the-model',
  name: 'a valid selector matches a label set exactly when every requirement holds by its documented meaning (=, ==, !=, in, notin, exists, !, gt, lt)',
  claims: ['LBL-3', 'LBL-4', 'LBL-5'],
  needs: ['selectors'],
  numRuns: 300,
  build: ({ driver }) =>
    fc.asyncProperty(validSelector, fc.array(labelSet, { minLength: 1, maxLength: 8 }), async (sel, labelSets) => {
      const r = await driver.call('selectors.match', { selector: sel.text, labelSets });
      mustBeValid(sel.text, r);
      const want = labelSets.map((ls) => sel.requirements.every((req) => modelMatches(req, ls)));
      expectEqual(`matches of ${JSON.stringify(sel.text)}`, r.matches, want);
    }),
});
