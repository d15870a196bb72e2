import { test } from 'node:test';
import assert from 'node:assert/strict';
import { driverForImpl, slug } from './implSpec.ts';

const cases: [string, string, string][] = [
  ['the reference stays itself', 'reference', 'reference'],
  ['kubectl stays itself', 'kubectl', 'kubectl'],
  ['an explicit driver form is kept', 'stdio:./impl', 'stdio:./impl'],
  ['a URL is checked through the Kubernetes API', 'https://127.0.0.1:6443', 'kube:https://127.0.0.1:6443'],
  ['a command speaks the protocol', 'python3 examples/python/kconform_impl.py', 'stdio:python3 examples/python/kconform_impl.py'],
];
for (const [name, impl, want] of cases) test(name, () => assert.equal(driverForImpl(impl), want));

test('report folders are numbered and file-name safe', () => assert.equal(slug('stdio:python3 x/y.py', 1), '2-python3-x-y.py'));
