import fc from 'fast-check';
import { defineProperty } from '../support/defineProperty.ts';
import { expectEqual } from '../support/expect.ts';
import { labelKey, labelSet, labelValue, validSelector } from '../arbitraries/labels.ts';

export default defineProperty({
  id: 'labels/annotations-never-select',
  name: 'adding, removing or changing annotations never changes which objects a selector chooses',
  claims: ['ANN-1'],
  needs: ['selectors'],
  numRuns: 200,
  build: ({ driver }) =>
    fc.asyncProperty(
      validSelector,
      fc.array(fc.tuple(labelSet, fc.dictionary(labelKey, labelValue, { maxKeys: 4 })), { minLength: 1, maxLength: 8 }),
      async (sel, objs) => {
        const bare = objs.map(([labels], i) => ({ metadata: { name: `o${i}`, labels } }));
        // annotations that copy the labels, then annotations drawn at random
        const mirrored = objs.map(([labels], i) => ({ metadata: { name: `o${i}`, labels, annotations: labels } }));
        const random = objs.map(([labels, annotations], i) => ({ metadata: { name: `o${i}`, labels, annotations } }));
        const [a, b, c] = await Promise.all([bare, mirrored, random].map((objects) => driver.call('selectors.select', { selector: sel.text, objects })));
        expectEqual('selection with annotations mirroring the labels', b, a);
        expectEqual('selection with random annotations', c, a);
      },
    ),
});
