// Cases that mutation testing showed missing: services and pods with parts missing, address keys, and
// the contribution of a pod that offers nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pod, service } from './_fixtures.ts';
import { addressKey, hasSelector, podContribution, selectorMatches } from './podContribution.ts';
import type { Pod } from './types.ts';

describe('hasSelector and selectorMatches', () => {
  it('a service without spec has no selector', () => assert.equal(hasSelector({ metadata: { name: 'web' } }), false));
  it('spec.selector: null is no selector', () => assert.equal(hasSelector({ metadata: { name: 'web' }, spec: { selector: null } }), false));
  it('a pod without labels does not match a non-empty selector', () => assert.equal(selectorMatches({ app: 'web' }, undefined), false));
  it('a pod without labels matches the empty selector', () => assert.equal(selectorMatches({}, undefined), true));
});

describe('addressKey is IP plus targetRef UID', () => {
  it('two UIDs on one IP are two keys', () =>
    assert.notEqual(addressKey({ ip: '10.1.0.1', targetRef: { kind: 'Pod', uid: 'a' } }), addressKey({ ip: '10.1.0.1', targetRef: { kind: 'Pod', uid: 'b' } })));
  it('no targetRef, a targetRef without UID and an empty UID are one key', () => {
    const keys = [addressKey({ ip: '10.1.0.1' }), addressKey({ ip: '10.1.0.1', targetRef: { kind: 'Pod' } }), addressKey({ ip: '10.1.0.1', targetRef: { kind: 'Pod', uid: '' } })];
    assert.deepEqual(new Set(keys).size, 1);
  });
});

describe('podContribution', () => {
  it('a service without spec gets nothing from a pod', () => assert.equal(podContribution({ metadata: { name: 'web' } }, pod('a')), null));
  it('a pod without an IP of the service family contributes nothing', () =>
    assert.equal(podContribution(service('web', { clusterIP: 'fd00::10' }), pod('a')), null));
  it('a pod on which no service port resolves contributes nothing', () =>
    assert.equal(podContribution(service('web', { ports: [{ port: 80, targetPort: 'http' }] }), pod('a')), null));
  it('a service without ports and with a cluster IP gets nothing', () =>
    assert.equal(podContribution(service('web', { ports: [] }), pod('a')), null));
  it('a service whose spec has no ports field gets nothing, even from a pod with an unnamed port', () => {
    const noPorts = { metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, clusterIP: '10.0.0.10' } };
    assert.equal(podContribution(noPorts, pod('a', { ports: [{ containerPort: 8080 }] })), null);
  });
  it('a headless service without ports gets the address with no port', () =>
    assert.deepEqual(podContribution(service('web', { ports: [], clusterIP: 'None' }), pod('a'))?.ports, [null]));
  it('a pod without spec is on no node', () => {
    const p: Pod = { metadata: { name: 'a', uid: 'u' }, status: { podIP: '10.1.0.1', conditions: [{ type: 'Ready', status: 'True' }] } };
    assert.deepEqual(podContribution(service('web'), p)?.address, {
      ip: '10.1.0.1', nodeName: '', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'u' },
    });
  });
  it('the appProtocol of the service port is on the endpoint port', () =>
    assert.deepEqual(podContribution(service('web', { ports: [{ port: 80, appProtocol: 'http' }] }), pod('a'))?.ports, [
      { port: 80, protocol: 'TCP', appProtocol: 'http' },
    ]));
});
