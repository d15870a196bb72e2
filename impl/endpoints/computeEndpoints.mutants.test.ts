// Cases that mutation testing showed missing: Endpoints of services with parts missing.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { assembleEndpoints } from './computeEndpoints.ts';
import { HEADLESS_SERVICE_LABEL, objectKey } from './types.ts';

it('a service without spec or name gets unnamed headless Endpoints', () =>
  assert.deepEqual(assembleEndpoints({ metadata: {} }, []), {
    apiVersion: 'v1', kind: 'Endpoints', metadata: { name: '', namespace: 'default', labels: { [HEADLESS_SERVICE_LABEL]: '' } },
  }));

it('the key of an object without name ends with a slash', () => assert.equal(objectKey({ namespace: 'ns' }), 'ns/'));
