import fc from 'fast-check';
import { defineProperty } from '../support/defineProperty.ts';
import { expectEqual } from '../support/expect.ts';

// The documented rules, restated independently of any implementation:
// key = [prefix "/"] name; name 1..63 chars, alphanumeric at both ends, [-_.A-Za-z0-9] inside;
// prefix a DNS-1123 subdomain of at most 253 chars; value empty, or like a name, at most 63 chars.
const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function keyIsValid(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1];
  if (parts.length === 2 && !(parts[0].length > 0 && parts[0].length <= 253 && SUBDOMAIN.test(parts[0]))) return false;
  return name.length > 0 && name.length <= 63 && NAME.test(name);
}

function valueIsValid(value: string): boolean {
  return value === '' || (value.length <= 63 && NAME.test(value));
}

const chars = fc.constantFrom(...'aZ09-_./ A'.split(''), 'é', ':');
const short = fc.array(chars, { maxLength: 6 }).map((c) => c.join(''));
/** Around the 63-character limit of names and values. */
const piece = fc.oneof(short, fc.integer({ min: 60, max: 66 }).map((n) => 'a'.repeat(n)));
/** Around the 253-character limit of prefixes. */
const prefix = fc.oneof(short, fc.domain(), fc.integer({ min: 250, max: 256 }).map((n) => 'a'.repeat(n)));

export default defineProperty({
  id: 'labels/label-rules',
  name: 'a label is accepted exactly when its key and value follow the documented rules (63-character name and value, 253-character prefix)',
  claims: ['LBL-2'],
  needs: ['labels'],
  numRuns: 400,
  build: ({ driver }) =>
    fc.asyncProperty(
      fc.oneof(piece, fc.tuple(prefix, piece).map(([p, n]) => `${p}/${n}`)),
      piece,
      async (key, value) => {
        const r = await driver.call('labels.validate', { key, value });
        const want = keyIsValid(key) && valueIsValid(value);
        expectEqual(`verdict for ${JSON.stringify(key)}=${JSON.stringify(value)}`, r.valid, want);
        expectEqual('errors are listed exactly when the label is invalid', r.errors.length > 0, !r.valid);
      },
    ),
});
