import fc from 'fast-check';
import { defineProperty } from '../support/defineProperty.ts';
import { expectEqual, mustBeValid } from '../support/expect.ts';
import { labelKey, labelSet, labelValue } from '../arbitraries/labels.ts';

const OPS = { In: 'in', NotIn: 'notin', Exists: '', DoesNotExist: '!' } as const;
type SetOp = keyof typeof OPS;

const expression = fc.record({
  key: labelKey,
  operator: fc.constantFrom<SetOp>('In', 'NotIn', 'Exists', 'DoesNotExist'),
  values: fc.uniqueArray(labelValue, { minLength: 1, maxLength: 3 }),
});

/** The selector string a LabelSelector means: matchLabels as `k=v`, expressions as set requirements. */
function asString(matchLabels: Record<string, string>, exprs: { key: string; operator: SetOp; values: string[] }[]): string {
  return [
    ...Object.entries(matchLabels).map(([k, v]) => `${k}=${v}`),
    ...exprs.map((e) => (e.operator === 'Exists' ? e.key : e.operator === 'DoesNotExist' ? `!${e.key}` : `${e.key} ${OPS[e.operator]} (${e.values.join(',')})`)),
  ].join(',');
}

export default defineProperty({
  id: 'labels/label-selector-is-a-selector',
  name: 'a LabelSelector (matchLabels + matchExpressions, as ReplicaSets and Deployments use) matches exactly as the equivalent selector string',
  claims: ['LBL-6', 'LBL-5'],
  needs: ['selectors'],
  numRuns: 200,
  build: ({ driver }) =>
    fc.asyncProperty(fc.dictionary(labelKey, labelValue, { maxKeys: 3 }), fc.array(expression, { maxLength: 3 }), fc.array(labelSet, { minLength: 1, maxLength: 8 }), async (matchLabels, exprs, labelSets) => {
      const matchExpressions = exprs.map((e) => (e.operator === 'Exists' || e.operator === 'DoesNotExist' ? { key: e.key, operator: e.operator } : e));
      const viaObject = await driver.call('selectors.matchLabelSelector', { labelSelector: { matchLabels, matchExpressions }, labelSets });
      const text = asString(matchLabels, exprs);
      const viaString = await driver.call('selectors.match', { selector: text, labelSets });
      mustBeValid(text, viaString);
      if (!viaObject.valid) return expectEqual('the LabelSelector was rejected', viaObject.errors, []);
      expectEqual(`matches of the LabelSelector for ${JSON.stringify(text)}`, viaObject.matches, viaString.matches);
    }),
});
