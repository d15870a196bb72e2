import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { DriverError } from '../contract/driver.ts';
import { StdioDriver } from './stdio.ts';

const fixture = fileURLToPath(new URL('./fixtures/misbehaving.mjs', import.meta.url));
const start = (mode: string, timeoutMs = 2000) => StdioDriver.start({ command: `node ${fixture} ${mode}`, timeoutMs });

async function rejection(p: Promise<unknown>): Promise<DriverError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof DriverError, `expected a DriverError, got ${e}`);
    return e;
  }
  assert.fail('expected the call to fail');
}

test('a well-behaved program answers and says hello', async () => {
  const d = await start('good');
  assert.equal(d.hello.implementation.name, 'fixture-good');
  assert.deepEqual(await d.call('selectors.parse', { selector: 'a' }), { valid: false, error: 'x' });
  assert.deepEqual(d.incidents, []);
  await d.close();
});

test('a line that is not JSON is recorded with the offending text, and the call still completes', async () => {
  const d = await start('garbage');
  await d.call('selectors.parse', { selector: 'a' });
  assert.equal(d.incidents[0].kind, 'malformed');
  assert.equal(d.incidents[0].offending, 'this is not json');
  await d.close();
});

test('a result that breaks the schema fails the call as a protocol error naming the field', async () => {
  const d = await start('schema');
  const e = await rejection(d.call('selectors.parse', { selector: 'a' }));
  assert.equal(e.kind, 'protocol');
  assert.match(e.message, /result\.valid/);
  assert.equal(e.offending, '{"id":2,"result":{"valid":"yes"}}');
  await d.close();
});

test('a crash fails the call with the stderr tail; the program is restarted once, then given up', async () => {
  const d = await start('crash');
  const first = await rejection(d.call('selectors.parse', { selector: 'a' }));
  assert.match(first.message, /exited with code 3.*about to crash/);
  const second = await rejection(d.call('selectors.parse', { selector: 'a' }));
  assert.match(second.message, /exited with code 3/);
  const third = await rejection(d.call('selectors.parse', { selector: 'a' }));
  assert.match(third.message, /failed twice; not restarted again/);
  assert.deepEqual(d.incidents.map((i) => i.kind), ['crash', 'restart', 'crash']);
  await d.close();
});

test('a program that never answers gets a Timeout, not a hung run', async () => {
  const d = await start('hang', 300);
  const e = await rejection(d.call('selectors.parse', { selector: 'a' }));
  assert.equal(e.code, 'Timeout');
  await d.close();
});

test('a program speaking another major protocol version is refused at hello', async () => {
  await assert.rejects(start('v2'), /speaks protocol 2\.0, kconform speaks 1\.0/);
});

test('a command that does not exist fails at start with a clear message', async () => {
  await assert.rejects(StdioDriver.start({ command: 'definitely-not-a-command-kconform', timeoutMs: 2000 }), /exited with code 127/);
});
