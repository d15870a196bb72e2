// kubeconfigFor and parseKubeconfig agree, and a kubeconfig a component cannot use is refused naming the field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubeconfigFor, parseKubeconfig } from './kubeconfig.ts';

test('what kubeconfigFor writes reads back', async () => {
  assert.deepEqual(await parseKubeconfig(kubeconfigFor('https://127.0.0.1:6443', 'default', 'tok', 'PEM'), 'k'), { server: 'https://127.0.0.1:6443', ca: 'PEM', token: 'tok' });
  assert.deepEqual(await parseKubeconfig(kubeconfigFor('http://127.0.0.1:8080'), 'k'), { server: 'http://127.0.0.1:8080' });
});

test('the current context picks the cluster and user; files are read for the CA and token', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'kconform-kubeconfig-'));
  try {
    await writeFile(join(dir, 'ca.crt'), 'CA');
    await writeFile(join(dir, 'token'), 'from-file\n');
    const text = `
current-context: b
contexts: [{name: a, context: {cluster: one, user: u}}, {name: b, context: {cluster: two, user: v}}]
clusters: [{name: one, cluster: {server: "https://one"}}, {name: two, cluster: {server: "https://two", certificate-authority: ${join(dir, 'ca.crt')}}}]
users: [{name: u, user: {token: x}}, {name: v, user: {tokenFile: ${join(dir, 'token')}}}]
`;
    assert.deepEqual(await parseKubeconfig(text, 'k'), { server: 'https://two', ca: 'CA', token: 'from-file' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a kubeconfig a component cannot use is refused naming the field and the rule', async (t) => {
  const ok = { cluster: '{name: c, cluster: {server: "https://s"}}', context: '{name: x, context: {cluster: c, user: u}}', user: '{name: u, user: {token: t}}' };
  const doc = (o: Partial<typeof ok> & { current?: string }) =>
    `current-context: ${o.current ?? 'x'}\ncontexts: [${o.context ?? ok.context}]\nclusters: [${o.cluster ?? ok.cluster}]\nusers: [${o.user ?? ok.user}]\n`;
  const cases: [string, string, string][] = [
    ['not YAML', 'a: [', 'kubeconfig k: (document): not YAML'],
    ['a list', '- a', 'kubeconfig k: (document): must be a mapping'],
    ['no current context', 'clusters: []', 'kubeconfig k: current-context: required'],
    ['an unknown current context', doc({ current: 'y' }), 'kubeconfig k: contexts: has no entry named "y"'],
    ['a context without a cluster', doc({ context: '{name: x, context: {user: u}}' }), 'kubeconfig k: contexts[0].context.cluster: required'],
    ['an unknown cluster', doc({ context: '{name: x, context: {cluster: d}}' }), 'kubeconfig k: clusters: has no entry named "d"'],
    ['a cluster without a server', doc({ cluster: '{name: c, cluster: {}}' }), 'kubeconfig k: clusters[0].cluster.server: required'],
    ['a server that is no URL', doc({ cluster: '{name: c, cluster: {server: "not a url"}}' }), 'kubeconfig k: clusters[0].cluster.server: must be a URL, not "not a url"'],
    ['a missing CA file', doc({ cluster: '{name: c, cluster: {server: "https://s", certificate-authority: /nonexistent/ca}}' }), 'kubeconfig k: clusters[0].cluster.certificate-authority: cannot read /nonexistent/ca: ENOENT'],
    ['a missing token file', doc({ user: '{name: u, user: {tokenFile: /nonexistent/t}}' }), 'kubeconfig k: users[0].user.tokenFile: cannot read /nonexistent/t: ENOENT'],
    ['users not a list', `${doc({}).replace(/users: .*/, 'users: {}')}`, 'kubeconfig k: users: must be a list'],
  ];
  for (const [name, text, message] of cases) await t.test(name, () => assert.rejects(parseKubeconfig(text, 'k'), (e: Error) => (assert.equal(e.message.split('\n')[0].startsWith(message), true, e.message), true)));
});
