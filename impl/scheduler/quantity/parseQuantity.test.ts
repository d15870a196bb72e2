import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quantityMilliValue, quantityValue } from './parseQuantity.ts';
import { InvalidObjectError } from '../errors.ts';

const cases: { name: string; text: string | number; value: number; milli: number }[] = [
  { name: 'millicores read as thousandths of a core', text: '100m', value: 1, milli: 100 },
  { name: 'a plain integer is whole units', text: '4', value: 4, milli: 4000 },
  { name: 'a JSON number is read like its decimal text', text: 2, value: 2, milli: 2000 },
  { name: 'a decimal fraction rounds up for Value', text: '1.5', value: 2, milli: 1500 },
  { name: 'binary suffix Gi is 2^30', text: '1Gi', value: 1073741824, milli: 1073741824000 },
  { name: 'binary suffix Mi is 2^20', text: '500Mi', value: 524288000, milli: 524288000000 },
  { name: 'decimal suffix M is 10^6', text: '500M', value: 500000000, milli: 500000000000 },
  { name: 'decimal suffix k is 10^3', text: '2k', value: 2000, milli: 2000000 },
  { name: 'an exponent is a power of ten', text: '1e3', value: 1000, milli: 1000000 },
  { name: 'a capital E exponent is accepted', text: '12E-1', value: 2, milli: 1200 },
  { name: 'nano rounds up to one milli', text: '1n', value: 1, milli: 1 },
  { name: 'zero is zero', text: '0', value: 0, milli: 0 },
  { name: 'a leading dot is a fraction', text: '.5', value: 1, milli: 500 },
  { name: 'fractional binary quantity', text: '0.5Gi', value: 536870912, milli: 536870912000 },
  { name: 'a negative integer keeps its sign', text: '-1', value: -1, milli: -1000 },
  { name: 'a negative fraction rounds away from zero', text: '-1.5', value: -2, milli: -1500 },
  { name: 'negative millis round away from zero for Value', text: '-100m', value: -1, milli: -100 },
  { name: 'negative nano rounds away from zero to one milli', text: '-1n', value: -1, milli: -1 },
  { name: 'a negative binary quantity', text: '-1Ki', value: -1024, milli: -1024000 },
  { name: 'several integer digits before a fraction', text: '12.5', value: 13, milli: 12500 },
  { name: 'several digits after a leading dot', text: '.25', value: 1, milli: 250 },
  { name: 'an exponent of several digits', text: '1e12', value: 1e12, milli: 1e15 },
  { name: 'micro is 10^-6 and rounds up to one milli', text: '1500u', value: 1, milli: 2 },
  { name: 'an explicit plus sign', text: '+5', value: 5, milli: 5000 },
];

for (const c of cases) {
  test(c.name, () => {
    assert.equal(quantityValue(c.text, 'x'), c.value);
    assert.equal(quantityMilliValue(c.text, 'x'), c.milli);
  });
}

for (const bad of ['', 'abc', '1K', '1.2.3', '1Gib', '--1', 'e3']) {
  test(`"${bad}" is rejected with upstream's field error`, () => {
    assert.throws(
      () => quantityValue(bad, 'spec.containers[0].resources.requests.cpu'),
      (e: unknown) =>
        e instanceof InvalidObjectError &&
        e.message.startsWith(`spec.containers[0].resources.requests.cpu: Invalid value: ${JSON.stringify(bad)}: quantities must match`),
    );
  });
}

for (const [name, bad] of [['an array holding a quantity', ['5']], ['null', null], ['an object', {}]] as const) {
  test(`${name} is not a quantity`, () => {
    assert.throws(() => quantityMilliValue(bad, 'f'), (e: unknown) => e instanceof InvalidObjectError && e.message.startsWith('f: Invalid value: '));
  });
}
