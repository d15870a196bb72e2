// Cases that mutation testing showed missing: partial objects (no status, no spec), the IP checks on
// their own, and how the address family is chosen (ipFamilies, then cluster IP, then the pod's IP).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pod, service } from './_fixtures.ts';
import { isPodReady, isPodTerminal, podIPForService, shouldPodBeInEndpoints, shouldSetHostname } from './podEligibility.ts';
import type { Pod } from './types.ts';

const bare: Pod = { metadata: { name: 'bare' } };

describe('pod eligibility on partial pods', () => {
  it('a pod without status is neither ready, terminal nor eligible', () => {
    assert.equal(isPodReady(bare), false);
    assert.equal(isPodTerminal(bare), false);
    assert.equal(shouldPodBeInEndpoints(bare, true), false);
  });
  it('a pod whose status has no conditions is not ready', () => assert.equal(isPodReady({ ...bare, status: { phase: 'Running' } }), false));
  it('a pod whose conditions do not include Ready is not ready', () =>
    assert.equal(isPodReady({ ...bare, status: { conditions: [{ type: 'PodScheduled', status: 'True' }] } }), false));
  it('the Ready condition decides, not the first condition', () =>
    assert.equal(isPodReady({ ...bare, status: { conditions: [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: 'False' }] } }), false));
  it('a pod without spec gets no hostname', () => assert.equal(shouldSetHostname(bare, service('web')), false));
});

describe('shouldPodBeInEndpoints needs an IP', () => {
  const cases: [string, Pod, boolean][] = [
    ['a pod with no IP at all is left out', pod('a', { ip: null }), false],
    ['a pod with only status.podIP is in', { ...bare, status: { podIP: '10.1.0.1' } }, true],
    ['a pod with only status.podIPs is in', { ...bare, status: { podIPs: [{ ip: '10.1.0.1' }] } }, true],
    ['a pod with an empty podIPs and no podIP is left out', { ...bare, status: { podIPs: [] } }, false],
  ];
  for (const [name, p, want] of cases) it(name, () => assert.equal(shouldPodBeInEndpoints(p, false), want));
});

describe('shouldSetHostname compares namespaces', () => {
  it('a pod in another namespace gets no hostname', () =>
    assert.equal(shouldSetHostname(pod('a', { ns: 'other', hostname: 'h', subdomain: 'web' }), service('web')), false));
  it('a service without namespace is in "default"', () =>
    assert.equal(shouldSetHostname(pod('a', { hostname: 'h', subdomain: 'web' }), { metadata: { name: 'web' } }), true));
  it('a pod without namespace is in "default"', () => {
    const p = pod('a', { hostname: 'h', subdomain: 'web' });
    assert.equal(shouldSetHostname({ ...p, metadata: { name: 'a' } }, service('web')), true);
  });
});

describe('podIPForService picks the IP of the service family', () => {
  const dual = pod('a', { ip: '10.1.0.1', ips: ['10.1.0.1', 'fd00::1'] });
  const v6First = pod('a', { ip: 'fd00::1', ips: ['fd00::1', '10.1.0.1'] });
  const v6OnlyIPs: Pod = { ...bare, status: { podIPs: [{ ip: 'fd00::1' }] } };
  const cases: [string, Parameters<typeof service>[1], Pod, string | undefined][] = [
    ['ipFamilies IPv6 picks the v6 IP even without a cluster IP', { clusterIP: 'None', ipFamilies: ['IPv6'] }, dual, 'fd00::1'],
    ['ipFamilies IPv4 picks the v4 IP of a pod listing v6 first', { clusterIP: 'None', ipFamilies: ['IPv4'] }, v6First, '10.1.0.1'],
    ['a v6 cluster IP picks the v6 IP', { clusterIP: 'fd00::10' }, dual, 'fd00::1'],
    ['a v4 cluster IP picks the v4 IP', { clusterIP: '10.0.0.10' }, v6First, '10.1.0.1'],
    ['a headless service follows the pod primary IP', { clusterIP: 'None' }, v6First, 'fd00::1'],
    ['a headless service follows podIPs when podIP is absent', { clusterIP: 'None' }, v6OnlyIPs, 'fd00::1'],
    ['a v6 service has no IP for a v4-only pod', { clusterIP: 'fd00::10' }, pod('a'), undefined],
  ];
  for (const [name, o, p, want] of cases) it(name, () => assert.equal(podIPForService(service('web', o), p), want));
  it('a service without cluster IP follows the pod', () =>
    assert.equal(podIPForService({ metadata: { name: 'web' }, spec: { selector: {} } }, v6First), 'fd00::1'));
  it('a pod with only status.podIP is read as podIPs [podIP]', () =>
    assert.equal(podIPForService(service('web'), { ...bare, status: { podIP: '10.1.0.7' } }), '10.1.0.7'));
  it('a pod without status has no IP', () => assert.equal(podIPForService(service('web'), bare), undefined));
  it('a pod without status has no IP for a headless service', () => assert.equal(podIPForService(service('web', { clusterIP: 'None' }), bare), undefined));
});
