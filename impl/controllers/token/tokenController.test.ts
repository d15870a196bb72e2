// The token controller against a fixture API (ServiceAccounts only in namespace `team`; the
// bootstrap namespaces have none without the serviceaccount controller).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actions, fixturePlane } from '../../controlplane/testing/fixturePlane.ts';
import type { KubeObject } from '../../client/index.ts';
import { SA_NAME_ANNOTATION, SA_UID_ANNOTATION, SERVICE_ACCOUNT_TOKEN_TYPE, TOKEN_KEYS } from './tokenController.ts';

const ME = 'token-controller';
const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } };
const sa = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'team' } });
const tokenSecret = (name: string, account: string, extra: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Secret', type: SERVICE_ACCOUNT_TOKEN_TYPE, metadata: { name, namespace: 'team', annotations: { [SA_NAME_ANNOTATION]: account, ...extra } },
});

const cases: { name: string; fixtures: KubeObject[]; want: string[] }[] = [
  { name: 'an account without a token gets a token Secret and lists it', fixtures: [ns, sa('builder')], want: ['create secrets team/builder-token-XXXXX 201', 'update serviceaccounts team/builder 200'] },
  {
    name: 'a token Secret naming an account is filled in; the account still gets a token of its own',
    fixtures: [ns, sa('builder'), tokenSecret('builder-token', 'builder')],
    want: ['update secrets team/builder-token 200', 'create secrets team/builder-token-XXXXX 201', 'update serviceaccounts team/builder 200'],
  },
  { name: 'a token Secret whose account does not exist is deleted', fixtures: [ns, tokenSecret('orphan-token', 'ghost')], want: ['delete secrets team/orphan-token 200'] },
  {
    name: 'a token Secret of an earlier account with the same name is deleted and replaced',
    fixtures: [ns, sa('builder'), tokenSecret('old-token', 'builder', { [SA_UID_ANNOTATION]: 'not-the-uid' })],
    want: ['delete secrets team/old-token 200', 'create secrets team/builder-token-XXXXX 201', 'update serviceaccounts team/builder 200'],
  },
];

for (const c of cases) {
  test(c.name, async () => {
    const plane = await fixturePlane([ME], c.fixtures);
    try {
      assert.deepEqual(actions(plane, ME).map((a) => a.replace(/-token-[a-z0-9]{5} /, '-token-XXXXX ')).sort(), c.want.sort());
      for (const secret of (await plane.client.list('Secret', { namespace: 'team' })).items)
        assert.deepEqual(TOKEN_KEYS.filter((k) => !(k in secret.data)), [], `${secret.metadata.name} holds every token key`);
      for (const account of (await plane.client.list('ServiceAccount', { namespace: 'team' })).items) {
        assert.equal(account.secrets?.length, 1, `${account.metadata.name} lists one token`);
        const secret = await plane.client.get('Secret', 'team', account.secrets[0].name);
        assert.deepEqual(TOKEN_KEYS.filter((k) => !(k in secret.data)), [], 'token keys present');
        assert.equal(secret.metadata.annotations[SA_UID_ANNOTATION], account.metadata.uid);
      }
    } finally {
      await plane.stop();
    }
  });
}

test('the token authenticates with the API server, a made-up one does not', async () => {
  const plane = await fixturePlane([ME], [ns, sa('builder')], { anonymousAdmin: false });
  try {
    const account = await plane.client.get('ServiceAccount', 'team', 'builder');
    const secret = await plane.client.get('Secret', 'team', account.secrets[0].name);
    const token = Buffer.from(secret.data.token, 'base64').toString();
    const ask = (authorization?: string) => plane.handler.handle({ method: 'GET', url: '/api/v1/namespaces/team/pods', headers: authorization ? { authorization } : {} });
    assert.equal((await ask(`Bearer ${token}`)).status, 200);
    assert.equal((await ask(`Bearer ${plane.adminToken}`)).status, 200);
    assert.equal((await ask('Bearer made-up')).status, 401);
    assert.equal((await ask()).status, 401);
  } finally {
    await plane.stop();
  }
});
