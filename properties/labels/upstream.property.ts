import fc from 'fast-check';
import { defineProperty } from '../support/defineProperty.ts';
import { expectEqual } from '../support/expect.ts';
import { labelSet, selectorNoise, validSelector } from '../arbitraries/labels.ts';

// Upstream's own code (the installed kubectl, through the `kubectl` driver) is the oracle: for random
// selectors, valid and invalid, and random label sets, the implementation must give the same verdict,
// the same selection and, for an invalid selector, the same error text.

const selector = fc.oneof({ weight: 3, arbitrary: validSelector.map((s) => s.text) }, { weight: 2, arbitrary: selectorNoise });

export const properties = [
  defineProperty({
    id: 'labels/agrees-with-upstream',
    name: 'every selector, valid or not, gets the same verdict, selection and error text from the implementation as from upstream Kubernetes (kubectl)',
    claims: ['LBL-3', 'LBL-4', 'LBL-5'],
    needs: ['selectors'],
    tags: ['@oracle'],
    // two cases per run, checked at once, so that both cores run kubectl: 1,000 runs are 2,000 cases
    numRuns: 1000,
    casesPerRun: 2,
    build: async ({ driver, upstream }) => {
      const oracle = await upstream();
      if ('unavailable' in oracle) return { notApplicable: `upstream kubectl is unavailable: ${oracle.unavailable}` };
      const oneCase = fc.tuple(selector, fc.array(labelSet, { minLength: 1, maxLength: 12 }));
      return fc.asyncProperty(oneCase, oneCase, async (...cases) => {
        await Promise.all(
          cases.map(async ([sel, labelSets]) => {
            const objects = labelSets.map((labels, i) => ({ metadata: { name: `s${i}`, labels } }));
            const [want, got] = await Promise.all([oracle.call('selectors.select', { selector: sel, objects }), driver.call('selectors.select', { selector: sel, objects })]);
            expectEqual(`selection by ${JSON.stringify(sel)}`, got, want);
          }),
        );
      });
    },
  }),
  defineProperty({
    id: 'labels/canonical-agrees-with-upstream',
    name: 'every valid selector has the same canonical form in the implementation as in upstream Kubernetes (kubectl)',
    claims: ['LBL-3', 'LBL-4', 'LBL-5'],
    needs: ['selectors'],
    tags: ['@oracle'],
    numRuns: 200,
    build: async ({ driver, upstream }) => {
      const oracle = await upstream();
      if ('unavailable' in oracle) return { notApplicable: `upstream kubectl is unavailable: ${oracle.unavailable}` };
      return fc.asyncProperty(validSelector, async (sel) => {
        const [want, got] = await Promise.all([oracle.call('selectors.parse', { selector: sel.text }), driver.call('selectors.parse', { selector: sel.text })]);
        const canonical = (r: typeof want) => (r.valid ? { valid: true, canonical: r.canonical } : r);
        expectEqual(`canonical form of ${JSON.stringify(sel.text)}`, canonical(got), canonical(want));
      });
    },
  }),
];
