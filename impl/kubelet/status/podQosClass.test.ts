import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podQosClass } from './podQosClass.ts';
import type { Pod } from '../types.ts';

test('QoS class: BestEffort, Burstable, Guaranteed', () => {
  const withResources = (resources: object): Pod => ({ metadata: {}, spec: { containers: [{ name: 'a', resources }] } });
  assert.equal(podQosClass(withResources({})), 'BestEffort');
  assert.equal(podQosClass(withResources({ requests: { cpu: '100m' } })), 'Burstable');
  assert.equal(podQosClass(withResources({ limits: { cpu: '1', memory: '1Gi' } })), 'Guaranteed');
  assert.equal(podQosClass(withResources({ requests: { cpu: '1000m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } })), 'Guaranteed');
  assert.equal(podQosClass(withResources({ requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } })), 'Burstable');
});
