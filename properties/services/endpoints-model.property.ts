import fc from 'fast-check';
import { defineProperty } from '../support/defineProperty.ts';
import { expectEqual } from '../support/expect.ts';
import { endpointRows } from '../../features/support/endpointRows.ts';
import { applyPodChange, modelEndpointRows, podChange, podFacts, podFrom, serviceArb } from '../arbitraries/services.ts';
import type { Driver } from '../../harness/contract/driver.ts';
import type { KubeObject } from '../../harness/contract/methods.ts';

/** The driver's endpoints as rows, or null when it leaves the service alone. */
async function driverRows(driver: Driver, service: KubeObject, pods: KubeObject[]) {
  const { endpoints } = await driver.call('endpoints.compute', { service, pods });
  return endpoints === null ? null : endpointRows(endpoints);
}

export const properties = [
  defineProperty({
    id: 'services/endpoints-follow-the-model',
    name: 'the endpoints are exactly the selected pods of the service\'s namespace that have an IP, have not finished and are not being deleted, ready ones as addresses, with every service port resolved per pod',
    claims: ['SVC-1', 'SVC-3'],
    needs: ['endpoints'],
    numRuns: 200,
    build: ({ driver }) =>
      fc.asyncProperty(serviceArb, fc.array(podFacts, { maxLength: 14 }), async (service, facts) => {
        const pods = facts.map(podFrom);
        expectEqual('endpoints (one row per address)', await driverRows(driver, service, pods), modelEndpointRows(service, pods));
      }),
  }),
  defineProperty({
    id: 'services/endpoints-after-pod-changes',
    name: 'after any sequence of pod changes (added, deleted, ready or not, IP given or taken, terminating, finished, relabelled), the endpoints equal those computed from scratch by the model',
    claims: ['SVC-3', 'SVC-4'],
    needs: ['endpoints'],
    numRuns: 60,
    build: ({ driver }) =>
      fc.asyncProperty(serviceArb, fc.array(podFacts, { maxLength: 8 }), fc.array(podChange, { minLength: 1, maxLength: 12 }), async (service, facts, changes) => {
        let pods = facts.map(podFrom);
        const history: string[] = [];
        for (const [step, change] of changes.entries()) {
          const next = applyPodChange(pods, change, facts.length + step);
          pods = next.pods;
          history.push(next.text);
          expectEqual(`endpoints after: ${history.join('; ')}`, await driverRows(driver, service, pods), modelEndpointRows(service, pods));
        }
      }),
  }),
];
