// matchesDNS1123Subdomain against the regex it replaces, label by label.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DNS1123_SUBDOMAIN_FMT, matchesDNS1123Subdomain } from './isDNS1123Subdomain.ts';

describe('matchesDNS1123Subdomain agrees with ^DNS1123_SUBDOMAIN_FMT$', () => {
  const regex = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
  const inputs = ['example.com', 'a', '0', 'a-b.c-d', 'Example', 'exAmple.com', 'a_b', 'a{b', 'a~b', 'caf\u00e9', '', '.a', 'a.', 'a..b', '-a', 'a-', 'a.-b', 'a-.b', '9.9'];
  for (const input of inputs) {
    it(`"${input}" is ${regex.test(input) ? 'valid' : 'invalid'}`, () => assert.equal(matchesDNS1123Subdomain(input), regex.test(input)));
  }
});
