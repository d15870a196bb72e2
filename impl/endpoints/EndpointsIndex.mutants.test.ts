// Cases that mutation testing showed missing from EndpointsIndex.test.ts: what service changes return,
// selectors with several pairs matched against pods added before and after the service, peers sharing an
// address, and Endpoints read earlier staying as they were.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pod, service } from './_fixtures.ts';
import { compareWithRebuild } from './compareWithRebuild.ts';
import { EndpointsIndex } from './EndpointsIndex.ts';

const ips = (index: EndpointsIndex, key: string) => (index.endpoints(key)?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip));

describe('EndpointsIndex service changes', () => {
  it('adding a service returns its key', () => assert.deepEqual([...new EndpointsIndex().onServiceChange(service('web'))], ['default/web']));
  it('adding a service the controller leaves alone returns its key', () =>
    assert.deepEqual([...new EndpointsIndex().onServiceChange(service('web', { selector: null }))], ['default/web']));
  it('deleting a service returns its key, the empty namespace meaning "default"', () => {
    const index = new EndpointsIndex();
    index.onServiceChange(service('web'));
    assert.deepEqual([...index.onServiceDelete('', 'web')], ['default/web']);
    assert.equal(index.endpoints('default/web'), undefined);
  });
});

describe('EndpointsIndex matches every pair of a selector', () => {
  const selector = { app: 'web', tier: 'db' };
  const pods = [
    pod('p1', { ip: '10.1.0.1', labels: { app: 'web', tier: 'db' } }),
    pod('p2', { ip: '10.1.0.2', labels: { app: 'web', tier: 'fe' } }),
    pod('p3', { ip: '10.1.0.3', labels: { app: 'other', tier: 'db' } }),
    pod('p4', { ip: '10.1.0.4', labels: { app: 'other', tier: 'db' } }),
  ];
  it('pods added before the service', () => {
    const index = new EndpointsIndex();
    for (const p of pods) index.onPodChange(null, p);
    index.onServiceChange(service('db', { selector }));
    assert.deepEqual(ips(index, 'default/db'), ['10.1.0.1']);
  });
  it('pods added after the service', () => {
    const index = new EndpointsIndex();
    index.onServiceChange(service('db', { selector }));
    const changed = pods.map((p) => [...index.onPodChange(null, p)]);
    assert.deepEqual(changed, [['default/db'], [], [], []]);
    assert.deepEqual(ips(index, 'default/db'), ['10.1.0.1']);
  });
});

describe('EndpointsIndex with pods sharing an address', () => {
  it('the first pod by key gives the address on every port, also after it changes', () => {
    const index = new EndpointsIndex();
    const ports = [{ name: 'a', port: 1, targetPort: 'a' }, { name: 'b', port: 2, targetPort: 'b' }];
    index.onServiceChange(service('web', { ports }));
    // x and y share an address key (same IP, no UID); z makes port a's addresses differ from port b's
    const x = pod('x', { ip: '10.1.0.1', uid: '', node: 'n1', ports: [{ name: 'a', containerPort: 81 }] });
    const y = pod('y', { ip: '10.1.0.1', uid: '', node: 'n2', ports: [{ name: 'b', containerPort: 82 }] });
    const z = pod('z', { ip: '10.1.0.2', ports: [{ name: 'a', containerPort: 81 }] });
    index.onPodChange(null, x);
    index.onPodChange(null, y);
    index.onPodChange(null, z);
    index.onPodChange(x, { ...x, spec: { ...x.spec, nodeName: 'n3' } });
    assert.deepEqual(compareWithRebuild(index), []);
  });
});

describe('EndpointsIndex reads', () => {
  for (const ready of [true, false]) {
    it(`Endpoints read earlier do not change when a ${ready ? '' : 'not-'}ready pod joins later`, () => {
      const index = new EndpointsIndex();
      index.onServiceChange(service('web'));
      index.onPodChange(null, pod('a', { ip: '10.1.0.1', ready }));
      const before = index.endpoints('default/web');
      const snapshot = JSON.stringify(before);
      index.onPodChange(null, pod('b', { ip: '10.1.0.2', ready }));
      assert.equal(JSON.stringify(before), snapshot);
      assert.notEqual(JSON.stringify(index.endpoints('default/web')), snapshot);
    });
  }
});
