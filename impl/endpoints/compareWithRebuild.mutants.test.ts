// compareWithRebuild is the oracle of the index tests, which only ever see it agree: here it must disagree.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pod, service } from './_fixtures.ts';
import { canonicalJson, compareWithRebuild } from './compareWithRebuild.ts';
import type { EndpointsIndex } from './EndpointsIndex.ts';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () =>
    assert.equal(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }, 3], c: null }), '{"a":[{"c":2,"d":1},3],"b":1,"c":null}'));
  it('prints equal values equally whatever their key order', () =>
    assert.equal(canonicalJson({ x: { b: 1, a: 2 } }), canonicalJson({ x: { a: 2, b: 1 } })));
});

describe('compareWithRebuild', () => {
  /** An index that answers empty Endpoints for every service, whatever its pods. */
  function wrongIndex(): EndpointsIndex {
    const services = { 'default/b': service('b'), 'default/a': service('a'), 'other/c': service('c', { ns: 'other' }) };
    const fake = {
      serviceKeys: () => Object.keys(services),
      service: (key: string) => services[key as keyof typeof services],
      podsInNamespace: (ns: string) => [pod(`p-${ns}`, { ns })],
      endpoints: () => null,
    };
    return fake as unknown as EndpointsIndex;
  }
  it('reports every service whose Endpoints differ, in key order', () =>
    assert.deepEqual(compareWithRebuild(wrongIndex()).map((d) => [d.service, d.expected?.subsets?.[0].addresses?.[0].targetRef?.name]), [
      ['default/a', 'p-default'],
      ['default/b', 'p-default'],
      ['other/c', 'p-other'],
    ]));
});
