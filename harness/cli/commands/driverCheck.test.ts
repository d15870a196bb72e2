import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { main } from '../main.ts';

const fixture = fileURLToPath(new URL('../../drivers/fixtures/misbehaving.mjs', import.meta.url));
const bin = fileURLToPath(new URL('../../../bin/kconform.mjs', import.meta.url));

/** Run a command with console.log captured. */
async function captured(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => void lines.push(a.join(' '));
  try {
    return { code: await main(argv), out: lines.join('\n') };
  } finally {
    console.log = log;
  }
}

test('driver-check names the message that broke the schema, and the rule, and exits 1', async () => {
  const r = await captured(['driver-check', '--impl', `node ${fixture} schema`]);
  assert.equal(r.code, 1);
  assert.match(r.out, /offending message: \{"id":2,"result":\{"valid":"yes"\}\}/);
  assert.match(r.out, /result\.valid: must be/);
});

test('driver-check passes the reference served over stdio', async () => {
  const r = await captured(['driver-check', '--impl', `node ${bin} serve --stdio`]);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /every message conforms to the protocol/);
});
