import fc from 'fast-check';
import { defineProperty } from '../support/defineProperty.ts';
import { FLOW_NODES, flowCommands } from '../arbitraries/flow.ts';
import { Model, Real } from './commands/model.ts';

export default defineProperty({
  id: 'flow/self-healing',
  name: 'under random pod creations and deletions, ReplicaSet scales, Deployment rollouts, kubelets stopping and starting, and cluster time passing: no pod moves between nodes, pods on healthy nodes run, pods on a node silent past grace period and toleration are evicted, a rollout keeps replicas - maxUnavailable pods Ready, and once faults stop every ReplicaSet converges to its desired count of active pods',
  claims: ['NODE-1', 'NODE-3', 'FLOW-4', 'POD-2', 'CTL-1', 'CTL-2', 'CTL-3'],
  needs: ['objects', 'time', 'faults'],
  numRuns: 50,
  build: ({ driver }) =>
    fc.asyncProperty(fc.commands(flowCommands, { maxCommands: 40 }), async (cmds) => {
      const real = new Real(driver, FLOW_NODES);
      try {
        await real.setup();
        await fc.asyncModelRun(() => ({ model: new Model(FLOW_NODES), real }), cmds);
      } finally {
        await real.cleanup();
      }
    }),
});
