// Known upstream answers (k8s.io/apimachinery pkg/labels: selector_test.go's TestSelectorMatches,
// TestRequirementSelectorMatching, TestSelectorParse, TestSetSelectorParser, TestToString; error
// texts from selector.go's format strings) asked of the installed kubectl.
// Skipped only when no kubectl is installed; a kubectl that is present but broken fails.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Labels } from '../contract/capabilities/selectors.ts';
import { KubectlOracle, type LabelsVerdict } from './kubectlOracle.ts';
import { OracleError } from './oracleError.ts';

const started = await KubectlOracle.start();
const absent = 'unavailable' in started && started.unavailable.startsWith('kubectl not found') ? started.unavailable : false;
if ('unavailable' in started && !absent) assert.fail(started.unavailable);
const oracle = started as KubectlOracle;
after(() => (absent ? undefined : oracle.close()));

// IsValidLabelValue's message.
const valueRule =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const matchCases: { name: string; selector: string; labels: Record<string, string>; want: boolean }[] = [
  { name: 'the empty selector matches everything', selector: '', labels: { x: 'y' }, want: true },
  { name: 'x=y matches x=y', selector: 'x=y', labels: { x: 'y' }, want: true },
  { name: 'two equalities match a set holding both', selector: 'x=y,z=w', labels: { x: 'y', z: 'w' }, want: true },
  { name: 'two inequalities match differing values', selector: 'x!=y,z!=w', labels: { x: 'z', z: 'a' }, want: true },
  { name: 'in and notin are plain identifiers in an equality', selector: 'notin=in', labels: { notin: 'in' }, want: true },
  { name: 'a bare key means the key exists', selector: 'x', labels: { x: 'z' }, want: true },
  { name: '!x matches a set without x', selector: '!x', labels: { y: 'z' }, want: true },
  { name: 'x>1 matches 2', selector: 'x>1', labels: { x: '2' }, want: true },
  { name: 'x<1 matches 0', selector: 'x<1', labels: { x: '0' }, want: true },
  { name: 'an equality does not match the empty set', selector: 'x=z', labels: {}, want: false },
  { name: 'an equality does not match another value', selector: 'x=y', labels: { x: 'z' }, want: false },
  { name: 'one failed equality fails the selector', selector: 'x=y,z=w', labels: { x: 'w', z: 'w' }, want: false },
  { name: 'one failed inequality fails the selector', selector: 'x!=y,z!=w', labels: { x: 'z', z: 'w' }, want: false },
  { name: 'a bare key does not match a set without it', selector: 'x', labels: { y: 'z' }, want: false },
  { name: '!x does not match a set with x', selector: '!x', labels: { x: 'z' }, want: false },
  { name: 'x>1 does not match 0', selector: 'x>1', labels: { x: '0' }, want: false },
  { name: 'x<1 does not match 2', selector: 'x<1', labels: { x: '2' }, want: false },
  { name: 'a requirement on a missing key fails the selector', selector: 'foo=bar,foobar=bar,baz=blah', labels: { foo: 'bar', baz: 'blah' }, want: false },
  { name: 'in and notin together match', selector: 'x in (foo),y notin (alpha)', labels: { x: 'foo', y: 'baz' }, want: true },
  { name: 'a failed in fails the selector', selector: 'x in (foo),y in (alpha)', labels: { x: 'foo', y: 'baz' }, want: false },
  { name: 'notin matches a missing key', selector: 'x notin (),y', labels: { y: '' }, want: true },
  { name: '!= matches a missing key', selector: 'x!=a', labels: {}, want: true },
  { name: '!x and y match a set with only y', selector: '!x,y', labels: { y: '' }, want: true },
  { name: 'notin on a missing key with !y on a present y fails', selector: 'x notin (),!y', labels: { y: '' }, want: false },
  { name: 'in () does not match a missing key', selector: 'x in ()', labels: { y: 'baz' }, want: false },
  { name: 'gt does not match a missing key', selector: 'x>1', labels: {}, want: false },
  { name: 'gt does not match a non-integer value', selector: 'z>1', labels: { z: 'v2' }, want: false },
];

const parseCases: { name: string; selector: string; canonical?: string; error?: string }[] = [
  { name: 'equalities print as given', selector: 'x=a,y=b,z=c', canonical: 'x=a,y=b,z=c' },
  { name: 'empty values print without spaces', selector: 'x= ,z= ', canonical: 'x=,z=' },
  { name: 'requirements are sorted by key', selector: 'x=a,a=x', canonical: 'a=x,x=a' },
  { name: 'set values are sorted and gt/lt kept', selector: 'y notin (jkl), x in (def,abc), z, w>2', canonical: 'w>2,x in (abc,def),y notin (jkl),z' },
  { name: '== is kept distinct from =', selector: 'x==abc,!z', canonical: 'x==abc,!z' },
  { name: '|| is part of a value, which then fails validation', selector: 'x=a||y=b', error: `unable to parse requirement: values[0][x]: Invalid value: "a||y": ${valueRule}` },
  { name: 'a second == after a value', selector: 'x==a==b', error: "found '==', expected: ',' or 'end of string'" },
  { name: '!x takes no value', selector: '!x=a', error: "found '=', expected: ',' or 'end of string'" },
  { name: 'lt needs an integer', selector: 'x<a', error: `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer` },
  { name: 'a leading comma', selector: ',x,y', error: "found ',', expected: !, identifier, or 'end of string'" },
  { name: 'an unknown operator', selector: 'x nott in (y)', error: "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt" },
  { name: 'a trailing comma', selector: 'a in (xyz),', error: "found '', expected: identifier after ','" },
  { name: 'a missing comma after a set', selector: 'a in (xyz)b notin ()', error: "found 'b', expected: ',' or 'end of string'" },
  { name: 'a missing comma inside a set', selector: 'a in (xyz abc)', error: "unable to parse requirement: found 'abc', expected: ',' or ')'" },
  { name: 'an unclosed set', selector: 'a notin(', error: "unable to parse requirement: found '', expected: ',', ')' or identifier" },
  { name: 'a parenthesis for an operator', selector: 'a (', error: "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt" },
  { name: 'a lone parenthesis', selector: '(', error: "found '(', expected: !, identifier, or 'end of string'" },
  { name: 'a key longer than 63 characters', selector: 'a'.repeat(254), error: `unable to parse requirement: <nil>: Invalid value: "${'a'.repeat(254)}": name part must be no more than 63 characters` },
];

describe('KubectlOracle', { skip: absent }, () => {
  test('reports the client version of the kubectl it runs', () => {
    assert.match(oracle.version(), /^v1\.\d+\.\d+/);
  });

  for (const c of matchCases) {
    test(`match: ${c.name} (${JSON.stringify(c.selector)} on ${JSON.stringify(c.labels)})`, async () => {
      assert.deepEqual(await oracle.match(c.selector, [c.labels]), { valid: true, matches: [c.want] });
    });
  }

  test('match answers many label sets in one call, in order', async () => {
    const sets = matchCases.filter((c) => c.selector === 'x>1').map((c) => c.labels);
    assert.deepEqual(await oracle.match('x>1', sets), { valid: true, matches: [true, false, false] });
  });

  for (const c of parseCases) {
    const want = c.error === undefined ? { valid: true, canonical: c.canonical } : { valid: false, error: c.error };
    test(`parse: ${c.name} (${JSON.stringify(c.selector)})`, async () => {
      assert.deepEqual(await oracle.parse(c.selector), want);
    });
    if (c.error !== undefined) {
      test(`match gives the same error once kubectl's builder wrapper is removed: ${c.name}`, async () => {
        assert.deepEqual(await oracle.match(c.selector, [{}]), want);
      });
    }
  }

  test('match reports labels.Parse of the untrimmed selector when Go would trim more than the lexer', async () => {
    assert.deepEqual(await oracle.match('\u00a0x', [{ x: '' }]), await oracle.parse('\u00a0x'));
  });

  test('a selector holding a NUL is refused as unrepresentable', async () => {
    await assert.rejects(oracle.match('x\0', []), (e) => e instanceof OracleError && e.code === 'Unrepresentable');
  });

  const labelCases: { name: string; labels: Labels; want: LabelsVerdict }[] = [
    { name: 'a prefixed key with an empty value is valid', labels: { 'example.com/app': '' }, want: { valid: true } },
    {
      name: 'a value starting with a dash is invalid',
      labels: { app: 'nginx', tier: '-web' },
      want: { valid: false, subject: 'value', messages: [valueRule], error: `unable to parse requirement: values[0][tier]: Invalid value: "-web": ${valueRule}` },
    },
    {
      name: 'a 64-character value is too long',
      labels: { app: 'v'.repeat(64) },
      want: { valid: false, subject: 'value', messages: ['must be no more than 63 characters'], error: `unable to parse requirement: values[0][app]: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters` },
    },
    { name: 'a key with a space cannot be asked', labels: { 'a b': 'c' }, want: { valid: 'unknown', reason: 'label key "a b" holds a character the selector lexer splits on' } },
  ];
  for (const c of labelCases) {
    test(`validateLabels: ${c.name}`, async () => {
      assert.deepEqual(await oracle.validateLabels(c.labels), c.want);
    });
  }
});
