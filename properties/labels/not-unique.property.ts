import fc from 'fast-check';
import { defineProperty } from '../support/defineProperty.ts';
import { expectEqual } from '../support/expect.ts';
import { labelSet, validSelector } from '../arbitraries/labels.ts';

export default defineProperty({
  id: 'labels/same-labels-same-fate',
  name: 'objects that carry the same labels are always selected together: labels do not identify an object',
  claims: ['LBL-1'],
  needs: ['selectors'],
  numRuns: 150,
  build: ({ driver }) =>
    fc.asyncProperty(validSelector, labelSet, fc.integer({ min: 2, max: 6 }), fc.array(labelSet, { maxLength: 4 }), async (sel, shared, copies, others) => {
      const objects = [
        ...Array.from({ length: copies }, (_, i) => ({ metadata: { name: `twin-${i}`, labels: shared } })),
        ...others.map((labels, i) => ({ metadata: { name: `other-${i}`, labels } })),
      ];
      const r = await driver.call('selectors.select', { selector: sel.text, objects });
      if (!r.valid) return expectEqual(`the valid selector ${JSON.stringify(sel.text)} was rejected`, r, 'valid');
      const twins = r.selected.filter((n) => n.startsWith('twin-')).length;
      expectEqual('how many of the identically labelled objects were selected', [0, copies].includes(twins), true);
    }),
});
