import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSelector } from './parseSelector.ts';
import type { Labels } from './requirement.ts';

function matches(selector: string, labels: Labels): boolean {
  const r = parseSelector(selector);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.selector.matches(labels);
}

const many = 'a,b,c,d,e,f,g,h,i,j';
const cases: [string, string, Labels, boolean][] = [
  // upstream TestSelectorMatches
  ['the empty selector matches everything', '', { x: 'y' }, true],
  ['equality matches an equal value', 'x=y', { x: 'y' }, true],
  ['two equalities both hold', 'x=y,z=w', { x: 'y', z: 'w' }, true],
  ['two inequalities both hold', 'x!=y,z!=w', { x: 'z', z: 'a' }, true],
  ['`in` and `notin` work as key and value of an equality', 'notin=in', { notin: 'in' }, true],
  ['a bare key matches when the key exists', 'x', { x: 'z' }, true],
  ['!key matches when the key is absent', '!x', { y: 'z' }, true],
  ['gt compares integers', 'x>1', { x: '2' }, true],
  ['lt compares integers', 'x<1', { x: '0' }, true],
  ['equality never matches a missing key', 'x=z', {}, false],
  ['equality rejects another value', 'x=y', { x: 'z' }, false],
  ['one failing equality fails the selector', 'x=y,z=w', { x: 'w', z: 'w' }, false],
  ['one failing inequality fails the selector', 'x!=y,z!=w', { x: 'z', z: 'w' }, false],
  ['a bare key does not match when the key is absent', 'x', { y: 'z' }, false],
  ['!key does not match when the key exists', '!x', { x: 'z' }, false],
  ['gt is strict', 'x>1', { x: '0' }, false],
  ['lt is strict', 'x<1', { x: '2' }, false],
  ['one label of several', 'foo=bar', { foo: 'bar', baz: 'blah' }, true],
  ['another label of several', 'baz=blah', { foo: 'bar', baz: 'blah' }, true],
  ['two labels of several', 'foo=bar,baz=blah', { foo: 'bar', baz: 'blah' }, true],
  ['a wrong value among several labels', 'foo=blah', { foo: 'bar', baz: 'blah' }, false],
  ['a value of another key does not count', 'baz=bar', { foo: 'bar', baz: 'blah' }, false],
  ['a missing third label fails the selector', 'foo=bar,foobar=bar,baz=blah', { foo: 'bar', baz: 'blah' }, false],
  // upstream TestRequirementSelectorMatching
  ['in and notin together', 'x in (foo),y notin (alpha)', { x: 'foo', y: 'baz' }, true],
  ['in rejects a value outside the set', 'x in (foo),y in (alpha)', { x: 'foo', y: 'baz' }, false],
  ['notin () matches a missing key', 'x notin (),y', { y: '' }, true],
  ['!x and y with an empty value', '!x,y', { y: '' }, true],
  ['!y fails when y exists with an empty value', 'x notin (),!y', { y: '' }, false],
  ['in () needs the key to exist', 'x in ()', { y: 'baz' }, false],
  ['gt matches a larger integer label', 'z>1', { z: '2' }, true],
  ['gt never matches a non-integer label', 'z>1', { z: 'v2' }, false],
  // LBL-3/LBL-4/LBL-5 and upstream's Matches contract
  ['!= matches an object without the key', 'env!=production', {}, true],
  ['notin matches an object without the key', 'env notin (production,qa)', { app: 'web' }, true],
  ['in matches any value of the set', 'env in (production, qa)', { env: 'qa' }, true],
  ['requirements are ANDed', 'app=nginx,env=test', { app: 'nginx', env: 'prod' }, false],
  ['extra labels do not prevent a match', 'app=nginx', { app: 'nginx', tier: 'frontend' }, true],
  ['in () matches the empty value', 'x in ()', { x: '' }, true],
  ['x= matches the empty value', 'x=', { x: '' }, true],
  ['x= does not match a missing key', 'x=', {}, false],
  ['gt never matches a missing key', 'x>1', {}, false],
  ['gt accepts a plus sign in the label, as ParseInt does', 'x>1', { x: '+5' }, true],
  ['lt handles negative labels', 'x<10', { x: '-3' }, true],
  ['gt rejects a decimal label', 'x>1', { x: '1.5' }, false],
  ['gt rejects a label beyond int64', 'x>1', { x: '99999999999999999999' }, false],
  ['lt handles the int64 minimum', 'x<0', { x: '-9223372036854775808' }, true],
  ['gt compares beyond 2^53 exactly', 'x>9223372036854775806', { x: '9223372036854775807' }, true],
  ['gt compares near 2^53 exactly', 'x>9007199254740992', { x: '9007199254740993' }, true],
  ['gt accepts leading zeros', 'x>5', { x: '007' }, true],
  ['an inherited property is not a label', 'constructor', {}, false],
  ['!key holds for an inherited property name', '!toString', {}, true],
  ['a large set matches its last value', `x in (${many})`, { x: 'j' }, true],
  ['a large set rejects other values', `x in (${many})`, { x: 'k' }, false],
  ['a large notin set matches other values', `x notin (${many})`, { x: 'k' }, true],
  ['x and !x together never match', 'x,!x', { x: '1' }, false],
  ['duplicate keys are ANDed', 'x=a,x=b', { x: 'a' }, false],
];

describe('Selector.matches', () => {
  for (const [name, sel, labels, want] of cases) it(name, () => assert.equal(matches(sel, labels), want));
  it('matches label sets without a prototype', () => {
    const labels = Object.assign(Object.create(null) as Labels, { app: 'web' });
    assert.equal(matches('app=web,!constructor', labels), true);
  });
});

describe('Selector.isEmpty', () => {
  it('is true for the empty selector', () => assert.equal((parseSelector('') as { selector: { isEmpty(): boolean } }).selector.isEmpty(), true));
  it('is false when there is a requirement', () => assert.equal((parseSelector('x') as { selector: { isEmpty(): boolean } }).selector.isEmpty(), false));
});
