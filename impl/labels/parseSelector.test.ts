import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSelector } from './parseSelector.ts';
import { KEY_RULE, SUBDOMAIN_RULE, VALUE_RULE } from './upstreamTexts.fixture.ts';

const OPS = 'in, notin, =, ==, !=, gt, lt';
const REQ = 'unable to parse requirement: ';
const GT_INT = "for 'Gt', 'Lt' operators, the value must be an integer";

function canonical(input: string): string {
  const r = parseSelector(input);
  assert.ok(r.ok, `expected ${JSON.stringify(input)} to parse, got: ${r.ok ? '' : r.error}`);
  return r.selector.toString();
}
function error(input: string): string {
  const r = parseSelector(input);
  assert.ok(!r.ok, `expected ${JSON.stringify(input)} to fail, got: ${r.ok ? r.selector.toString() : ''}`);
  return r.error;
}
const reqs = (input: string) => {
  const r = parseSelector(input);
  assert.ok(r.ok);
  return r.selector.requirements.map((q) => [q.key, q.operator, [...q.values]]);
};

describe('parseSelector: valid selectors and their canonical string', () => {
  const cases: [string, string, string][] = [
    ['three equalities keep their order when already sorted', 'x=a,y=b,z=c', 'x=a,y=b,z=c'],
    ['the empty selector prints as the empty string', '', ''],
    ['only whitespace is the empty selector', ' \t\r\n ', ''],
    ['not-equals prints as !=', 'x!=a,y=b', 'x!=a,y=b'],
    ['a missing value after = is the empty value', 'x=', 'x='],
    ['whitespace after = is dropped', 'x= ', 'x='],
    ['empty values in several requirements', 'x=,z= ', 'x=,z='],
    ['empty values surrounded by whitespace', 'x= ,z= ', 'x=,z='],
    ['!key is does-not-exist', '!x', '!x'],
    ['> prints as >', 'x>1', 'x>1'],
    ['> and < together', 'x>1,z<5', 'x>1,z<5'],
    ['requirements are sorted by key', 'x=a,a=x', 'a=x,x=a'],
    ['sorting makes parsing deterministic', 'a=x,x=a', 'a=x,x=a'],
    ['== is kept as ==', 'x==y', 'x==y'],
    ['!= with no value is the empty value', 'x!=', 'x!='],
    ['spaces around operators are dropped', 'x = a , y != b', 'x=a,y!=b'],
    ['set values are sorted and de-duplicated', 'x in (b,a,b)', 'x in (a,b)'],
    ['an empty slot in a set is the empty value, sorted first', 'x in (foo,,baz),y,z notin ()', 'x in (,baz,foo),y,z notin ()'],
    ['a key alone is exists', 'a ', 'a'],
    ['a carriage return is whitespace', '\rx', 'x'],
    ['`in` may be a key and `notin` a value', 'in=notin', 'in=notin'],
    ['`notin` may be a key and `in` a set value', 'notin in (in)', 'notin in (in)'],
    ['duplicate keys are kept, in input order', 'x=a,x!=b,x', 'x=a,x!=b,x'],
    ['a mix of every operator', 'q>5,w,!z,x in (b,a),y notin (c)', 'q>5,w,x in (a,b),y notin (c),!z'],
    ['a prefixed key', 'this-is-a-dns.domain.com/key-with-dash', 'this-is-a-dns.domain.com/key-with-dash'],
    ['a maximal key: 253-byte prefix and 63-byte name', `${'a'.repeat(253)}/${'b'.repeat(63)}`, `${'a'.repeat(253)}/${'b'.repeat(63)}`],
    ['a 63-byte value', `x=${'v'.repeat(63)}`, `x=${'v'.repeat(63)}`],
    ['gt accepts a signed integer that is a valid label value', 'x>0,y<9223372036854775807', 'x>0,y<9223372036854775807'],
  ];
  for (const [name, input, want] of cases) it(name, () => assert.equal(canonical(input), want));
});

describe('parseSelector: requirements (upstream TestSetSelectorParser)', () => {
  const cases: [string, string, unknown[]][] = [
    ['a set with two values', 'this-is-another-dns.domain.com/key-with-dash in (so,what)', [['this-is-another-dns.domain.com/key-with-dash', 'in', ['so', 'what']]]],
    ['notin with dotted values and spaces', '0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)', [['0.1.2.domain/99', 'notin', ['10.10.100.1', 'tick.tack.clock']]]],
    ['tabs and double spaces around in', 'foo  in\t (abc)', [['foo', 'in', ['abc']]]],
    ['a newline after notin', 'x notin\n (abc)', [['x', 'notin', ['abc']]]],
    ['several tabs before the set', 'x  notin\t\t\t(abc,def)', [['x', 'notin', ['abc', 'def']]]],
    ['a trailing comma in a set adds the empty value', 'x in (abc,)', [['x', 'in', ['', 'abc']]]],
    ['() is the set of the empty value', 'x in ()', [['x', 'in', ['']]]],
    ['( ) is the set of the empty value too', 'x notin ( )', [['x', 'notin', ['']]]],
    ['a leading comma adds the empty value', 'x notin (, a)', [['x', 'notin', ['', 'a']]]],
    ['(,) is the set of the empty value', 'x in (,)', [['x', 'in', ['']]]],
    ['four requirements come back sorted by key', 'x notin (abc,,def),bar,z in (),w', [
      ['bar', 'exists', []], ['w', 'exists', []], ['x', 'notin', ['', 'abc', 'def']], ['z', 'in', ['']],
    ]],
    ['exists before a set requirement', 'x,y in (a)', [['x', 'exists', []], ['y', 'in', ['a']]]],
    ['keywords inside a set are plain values', 'a in (x,y,notin, z,in)', [['a', 'in', ['in', 'notin', 'x', 'y', 'z']]]],
    ['gt and lt keep the operand as a string', 'x>1,y<7', [['x', 'gt', ['1']], ['y', 'lt', ['7']]]],
    ['= and != have one value', 'x=a,y!=b', [['x', '=', ['a']], ['y', '!=', ['b']]]],
    ['three commas in a row add the empty value once', 'x in (a,,,b)', [['x', 'in', ['', 'a', 'b']]]],
  ];
  for (const [name, input, want] of cases) it(name, () => assert.deepEqual(reqs(input), want));
});

describe("parseSelector: syntax errors, with upstream's exact text", () => {
  const cases: [string, string, string][] = [
    ['a trailing comma', 'app=nginx,', "found '', expected: identifier after ','"],
    ['a chained comparison', 'x==a==b', "found '==', expected: ',' or 'end of string'"],
    ['!key takes no value', '!x=a', "found '=', expected: ',' or 'end of string'"],
    ['two commas in a row', 'x,,y', "found ',', expected: identifier after ','"],
    ['a leading comma', ',x,y', "found ',', expected: !, identifier, or 'end of string'"],
    ['a misspelt operator', 'x nott in (y)', `${REQ}found 'nott', expected: ${OPS}`],
    ['a comma after the last set', 'a in (xyz),', "found '', expected: identifier after ','"],
    ['no comma between requirements', 'a in (xyz)b notin ()', "found 'b', expected: ',' or 'end of string'"],
    ['no comma between set values', 'a in (xyz abc)', `${REQ}found 'abc', expected: ',' or ')'`],
    ['an unclosed set', 'a notin(', `${REQ}found '', expected: ',', ')' or identifier`],
    ['a parenthesis where an operator belongs', 'a (', `${REQ}found '(', expected: ${OPS}`],
    ['a lone parenthesis', '(', "found '(', expected: !, identifier, or 'end of string'"],
    ['a set without parentheses', 'x in a', `${REQ}found 'a' expected: '('`],
    ['an empty slot before the closing parenthesis after two commas', 'x in (a,,)', `${REQ}found ')', expected: ',', or identifier`],
    ['an operator inside a set', 'x in (a=)', `${REQ}found '=', expected: ',' or ')'`],
    ['an operator where a set value belongs', 'x in (=)', `${REQ}found '=', expected: ',', ')' or identifier`],
    ['an operator after a leading comma in a set', 'x in (,=)', `${REQ}found '=', expected: ',', or identifier`],
    ['a parenthesis where an exact value belongs', 'x=(a)', `${REQ}found '(', expected: identifier`],
    ['<= is not an operator', 'x<=1', `${REQ}found '=', expected: identifier`],
    ['a lone !', '!', `${REQ}found '', expected: identifier`],
    ['a double !', '!!x', `${REQ}found '!', expected: identifier`],
    ['! before an operator', 'x !a', `${REQ}found '!', expected: ${OPS}`],
  ];
  for (const [name, input, want] of cases) it(name, () => assert.equal(error(input), want));
});

describe("parseSelector: validation errors, with upstream's exact text", () => {
  const cases: [string, string, string][] = [
    ['|| is not an operator: `a||y` is read as a value', 'x=a||y=b', `${REQ}values[0][x]: Invalid value: "a||y": ${VALUE_RULE}`],
    ['gt needs an integer', 'x<a', `${REQ}values[0]: Invalid value: "a": ${GT_INT}`],
    ['gt with no value has the empty value, not an integer', 'x>', `${REQ}values[0]: Invalid value: "": ${GT_INT}`],
    ['gt with a negative integer fails the label value rule', 'x>-1', `${REQ}values[0][x]: Invalid value: "-1": ${VALUE_RULE}`],
    ['several errors print as a bracketed list', 'x>a-', `${REQ}[values[0]: Invalid value: "a-": ${GT_INT}, values[0][x]: Invalid value: "a-": ${VALUE_RULE}]`],
    ['a value of 64 bytes', `x=${'a'.repeat(64)}`, `${REQ}values[0][x]: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`],
    ['a long bad value joins its two rules with "; "', `x=${'a'.repeat(63)}-`, `${REQ}values[0][x]: Invalid value: "${'a'.repeat(63)}-": must be no more than 63 characters; ${VALUE_RULE}`],
    ['a bad value in a set is reported at its sorted index', 'x in (b,-a)', `${REQ}values[0][x]: Invalid value: "-a": ${VALUE_RULE}`],
    ['a colon in a key (kubectl get -l app:monolith)', 'app:monolith', `${REQ}<nil>: Invalid value: "app:monolith": name part ${KEY_RULE}`],
    ['a key with two slashes', 'a/b/c ?=? def', `${REQ}<nil>: Invalid value: "a/b/c": a qualified name ${KEY_RULE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`],
    ['a key starting with a dash', '-x', `${REQ}<nil>: Invalid value: "-x": name part ${KEY_RULE}`],
    ['a 64-byte key name', `${'k'.repeat(64)}=v`, `${REQ}<nil>: Invalid value: "${'k'.repeat(64)}": name part must be no more than 63 characters`],
    ['an empty prefix', '/x', `${REQ}<nil>: Invalid value: "/x": prefix part must be non-empty`],
    ['an empty name after a prefix', 'x/', `${REQ}<nil>: Invalid value: "x/": name part must be non-empty; name part ${KEY_RULE}`],
    ['an upper-case prefix', 'Example.com/abc', `${REQ}<nil>: Invalid value: "Example.com/abc": prefix part ${SUBDOMAIN_RULE}`],
    ['a 254-byte prefix', `${'a'.repeat(254)}/abc`, `${REQ}<nil>: Invalid value: "${'a'.repeat(254)}/abc": prefix part must be no more than 253 characters`],
    ['an underscore in the prefix', 'example_com/abc', `${REQ}<nil>: Invalid value: "example_com/abc": prefix part ${SUBDOMAIN_RULE}`],
    ['a non-ASCII key is quoted as Go does', 'rā=1', `${REQ}<nil>: Invalid value: "rā": name part ${KEY_RULE}`],
    ['the key of !key is validated', '!-x', `${REQ}<nil>: Invalid value: "-x": name part ${KEY_RULE}`],
  ];
  for (const [name, input, want] of cases) it(name, () => assert.equal(error(input), want));
});

describe('parseSelector with a field path', () => {
  it('reports a bad key at the path itself', () => {
    const r = parseSelector('-x', 'spec.selector');
    assert.equal(r.ok ? '' : r.error, `${REQ}spec.selector: Invalid value: "-x": name part ${KEY_RULE}`);
  });
  it('reports a bad value under path.values', () => {
    const r = parseSelector('x=-', 'spec.selector');
    assert.equal(r.ok ? '' : r.error, `${REQ}spec.selector.values[0][x]: Invalid value: "-": ${VALUE_RULE}`);
  });
});
