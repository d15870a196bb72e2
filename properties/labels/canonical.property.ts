import fc from 'fast-check';
import { defineProperty } from '../support/defineProperty.ts';
import { expectEqual, mustBeValid } from '../support/expect.ts';
import { labelSet, validSelector } from '../arbitraries/labels.ts';

export default defineProperty({
  id: 'labels/canonical-form-round-trips',
  name: 'parsing the canonical form of a selector gives back the same canonical form and the same matches',
  claims: ['LBL-3', 'LBL-4', 'LBL-5'],
  needs: ['selectors'],
  numRuns: 200,
  build: ({ driver }) =>
    fc.asyncProperty(validSelector, fc.array(labelSet, { maxLength: 6 }), async (sel, labelSets) => {
      const first = await driver.call('selectors.match', { selector: sel.text, labelSets });
      mustBeValid(sel.text, first);
      const again = await driver.call('selectors.match', { selector: first.canonical, labelSets });
      mustBeValid(first.canonical, again);
      expectEqual('canonical form of the canonical form', again.canonical, first.canonical);
      expectEqual('matches of the canonical form', again.matches, first.matches);
    }),
});
