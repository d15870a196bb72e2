// Steps about label keys/values and annotations (claims LBL-1, LBL-2, ANN-1).
import type { DataTable } from '@cucumber/cucumber';
import type { FieldError } from '../../harness/contract/methods.ts';
import { step } from '../support/step.ts';
import { expandRepeats } from '../support/parameters.ts';
import type { KWorld } from '../support/world.ts';

interface Validation {
  valid: boolean;
  errors: FieldError[];
}

const render = (e: FieldError) => `${e.field}: ${e.message}`;

step('the label {text} with value {text} is validated', ['labels'], async function (key: string, value: string) {
  this.result = await this.driver.call('labels.validate', { key, value });
});

step('these annotations are validated:', ['labels'], async function (table: DataTable) {
  const annotations = Object.fromEntries(table.hashes().map((r) => [expandRepeats(r.key), expandRepeats(r.value ?? '')]));
  this.result = await this.driver.call('labels.validateAnnotations', { annotations });
});

step('the annotation {text} with value {text} is validated', ['labels'], async function (key: string, value: string) {
  this.result = await this.driver.call('labels.validateAnnotations', { annotations: { [key]: value } });
});

step('it is accepted', [], async function () {
  const r = this.result as Validation;
  if (!r.valid || r.errors.length) await this.mismatch('expected no errors', [], r.errors.map(render));
});

step('it is rejected with {text}', [], async function (text: string) {
  await expectErrors(this, [text]);
});

step('it is rejected with:', [], async function (doc: string) {
  await expectErrors(this, doc.split('\n').map((l) => expandRepeats(l.trim())).filter(Boolean));
});

step('it is rejected', [], async function () {
  const r = this.result as Validation;
  if (r.valid) await this.mismatch('expected the input to be rejected', 'at least one error', 'accepted');
});

async function expectErrors(w: KWorld, want: string[]): Promise<void> {
  const r = w.result as Validation;
  const got = r.errors.map(render);
  if (r.valid) await w.mismatch('expected the input to be rejected', want, 'accepted');
  await w.expectEqual('the errors differ', got, want);
}
