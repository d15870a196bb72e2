// Steps about label selectors (claims LBL-3..6, ANN-1). Selection goes through the `selectors`
// capability when the implementation has it, otherwise through `objects` (create, then list with labelSelector).
import type { DataTable } from '@cucumber/cucumber';
import { parse as parseYaml } from 'yaml';
import type { LabelSelectorObject, Labels } from '../../harness/contract/methods.ts';
import { step } from '../support/step.ts';
import { parseLabelList, parseNameList } from '../support/text.ts';
import { selectThroughObjects } from '../support/objectsSelection.ts';
import type { KWorld } from '../support/world.ts';

type Selection = { valid: true; selected: string[] } | { valid: false; error: string };

async function select(w: KWorld & { via: string }, selector: string): Promise<Selection> {
  if (w.via === 'selectors') {
    const objects = w.objects.map((o) => ({ metadata: { name: o.name, labels: o.labels, annotations: o.annotations } }));
    return w.driver.call('selectors.select', { selector, objects });
  }
  return selectThroughObjects(w, selector);
}

step('I select objects with {text}', ['selectors', 'objects'], async function (selector: string) {
  this.result = await select(this, selector);
});

step('exactly {text} are/is selected', [], async function (names: string) {
  const r = this.result as Selection;
  if (!r.valid) return this.mismatch('the selector was rejected', names, r.error);
  await this.expectEqual('selected objects', [...r.selected].sort(), parseNameList(names).sort());
});

step('no object is selected', [], async function () {
  const r = this.result as Selection;
  if (!r.valid) return this.mismatch('the selector was rejected', [], r.error);
  await this.expectEqual('selected objects', r.selected, []);
});

step('every object is selected', [], async function () {
  const r = this.result as Selection;
  if (!r.valid) return this.mismatch('the selector was rejected', 'every object', r.error);
  await this.expectEqual('selected objects', [...r.selected].sort(), this.objects.map((o) => o.name).sort());
});

step('the selector {text} matches {labels}', ['selectors'], async function (selector: string, labels: Labels) {
  await expectMatches(this, selector, [labels], [true]);
});

step('the selector {text} does not match {labels}', ['selectors'], async function (selector: string, labels: Labels) {
  await expectMatches(this, selector, [labels], [false]);
});

// | labels | matches |  with yes/no; `(none)` is an object without labels
step('the selector {text} matches these label sets:', ['selectors'], async function (selector: string, table: DataTable) {
  const rows = table.hashes();
  await expectMatches(this, selector, rows.map((r) => parseLabelList(r.labels)), rows.map((r) => yesNo(r.matches)));
});

step('the selector {text} is valid and reads {text} in canonical form', ['selectors'], async function (selector: string, canonical: string) {
  const r = await this.driver.call('selectors.parse', { selector });
  if (!r.valid) return this.mismatch(`the selector ${JSON.stringify(selector)} was rejected`, canonical, r.error);
  await this.expectEqual('canonical form', r.canonical, canonical);
});

step('the selector {text} is rejected with {text}', ['selectors'], async function (selector: string, error: string) {
  const r = await this.driver.call('selectors.parse', { selector });
  if (r.valid) return this.mismatch(`the selector ${JSON.stringify(selector)} was accepted`, error, r.canonical);
  await this.expectEqual('error text', r.error, error);
});

step('the selector {text} is rejected', ['selectors'], async function (selector: string) {
  const r = await this.driver.call('selectors.parse', { selector });
  if (r.valid) await this.mismatch(`the selector ${JSON.stringify(selector)} was accepted`, 'an error', r.canonical);
});

step('the label selector is:', ['selectors'], async function (doc: string) {
  const labelSelector = parseYaml(doc) as LabelSelectorObject | null;
  const labelSets = this.objects.map((o) => o.labels);
  const r = await this.driver.call('selectors.matchLabelSelector', { labelSelector, labelSets });
  this.result = r.valid
    ? { valid: true, errors: [], selected: this.objects.filter((_, i) => r.matches[i]).map((o) => o.name), canonical: r.canonical }
    : { valid: false, errors: r.errors };
});

step('it reads {text} in canonical form', [], async function (canonical: string) {
  const r = this.result as { valid: boolean; canonical?: string; errors: unknown };
  if (!r.valid) return this.mismatch('the label selector was rejected', canonical, r.errors);
  await this.expectEqual('canonical form', r.canonical, canonical);
});

async function expectMatches(w: KWorld, selector: string, labelSets: Labels[], want: boolean[]): Promise<void> {
  const r = await w.driver.call('selectors.match', { selector, labelSets });
  if (!r.valid) return w.mismatch(`the selector ${JSON.stringify(selector)} was rejected`, want, r.error);
  const show = (m: boolean[]) => labelSets.map((l, i) => `${JSON.stringify(l)} → ${m[i] ? 'matches' : 'does not match'}`);
  await w.expectEqual(`selector ${JSON.stringify(selector)}`, show(r.matches), show(want));
}

function yesNo(s: string): boolean {
  const t = s.trim().toLowerCase();
  if (t === 'yes' || t === 'true') return true;
  if (t === 'no' || t === 'false') return false;
  throw new Error(`the "matches" column takes yes or no, got "${s}"`);
}
