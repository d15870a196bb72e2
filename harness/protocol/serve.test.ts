import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { createReferenceDriver } from '../drivers/reference/index.ts';
import { serve } from './serve.ts';
import { withoutCapabilities } from '../drivers/without.ts';
import type { Capability } from '../contract/methods.ts';

/** The ```transcript blocks of docs/protocol.md as [request, response] line pairs. */
function transcript(): [string, string][] {
  const doc = readFileSync(new URL('../../docs/protocol.md', import.meta.url), 'utf8');
  const block = /```transcript\n([\s\S]*?)```/.exec(doc)![1];
  const lines = block.trim().split('\n');
  const pairs: [string, string][] = [];
  for (let i = 0; i < lines.length; i += 2) {
    assert.ok(lines[i].startsWith('> ') && lines[i + 1]?.startsWith('< '), `transcript line ${i + 1} must be a > request followed by a < response`);
    pairs.push([lines[i].slice(2), lines[i + 1].slice(2)]);
  }
  return pairs;
}

/** Send lines to a served reference (without `hidden` capabilities) one at a time and collect each answer. */
async function exchange(lines: string[], hidden: Capability[] = []): Promise<string[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  const done = serve(withoutCapabilities(await createReferenceDriver(), hidden), input, output);
  const answers: string[] = [];
  let buffered = '';
  for (const line of lines) {
    input.write(line + '\n');
    const answer = await new Promise<string>((resolve) => {
      const onData = (chunk: Buffer) => {
        buffered += chunk.toString();
        const nl = buffered.indexOf('\n');
        if (nl >= 0) {
          output.off('data', onData);
          resolve(buffered.slice(0, nl));
          buffered = buffered.slice(nl + 1);
        }
      };
      output.on('data', onData);
    });
    answers.push(answer);
  }
  input.end();
  await done;
  return answers;
}

test('the transcript in docs/protocol.md is what the reference answers, line for line', async () => {
  const pairs = transcript();
  const got = await exchange(pairs.map(([req]) => req));
  pairs.forEach(([req, want], i) => assert.deepEqual(JSON.parse(got[i]), JSON.parse(want), `answer to ${req}`));
});

const cases: { name: string; line: string; want: object }[] = [
  { name: 'a line that is not JSON gets BadRequest with id null', line: 'hello?', want: { id: null, error: { code: 'BadRequest' } } },
  { name: 'a JSON array is not a request', line: '[1,2]', want: { id: null, error: { code: 'BadRequest', message: 'a request must be a JSON object' } } },
  { name: 'a request without params names the missing field', line: '{"id":3,"method":"selectors.parse"}', want: { id: 3, error: { code: 'InvalidParams', message: 'params: Required value' } } },
  { name: 'a wrong type names the field and the rule', line: '{"id":4,"method":"labels.validate","params":{"key":"a","value":5}}', want: { id: 4, error: { code: 'InvalidParams', message: 'params.value: must be string' } } },
  { name: 'an unknown method is MethodNotFound', line: '{"id":5,"method":"nope","params":{}}', want: { id: 5, error: { code: 'MethodNotFound' } } },
];

test('a method of a capability the implementation lacks is MethodNotFound', async () => {
  const [got] = await exchange(['{"id":6,"method":"objects.get","params":{"kind":"Pod","name":"x"}}'], ['objects']);
  assert.deepEqual(JSON.parse(got), { id: 6, error: { code: 'MethodNotFound', message: 'capability objects is not implemented by kconform-reference' } });
});

for (const c of cases) {
  test(c.name, async () => {
    const [got] = await exchange([c.line]);
    const parsed = JSON.parse(got);
    assert.equal(parsed.id, (c.want as { id: unknown }).id);
    for (const [k, v] of Object.entries((c.want as { error: Record<string, string> }).error)) assert.equal(parsed.error[k], v, `error.${k}`);
  });
}
