// Message tables for the apps/v1 kinds this server serves: Deployment and ReplicaSet, with field
// numbers from upstream's apps/v1 generated.proto; the pod template is core/v1's.
import { POD_TEMPLATE_SPEC } from './core.ts';
import { LABEL_SELECTOR, object, STATUS } from './meta.ts';
import { ALWAYS, field, message, POINTER, type Message } from './wire.ts';

const ROLLING_UPDATE_DEPLOYMENT = message('RollingUpdateDeployment', { 1: field('maxUnavailable', 'intOrString', POINTER), 2: field('maxSurge', 'intOrString', POINTER) });
const DEPLOYMENT_STRATEGY = message('DeploymentStrategy', { 1: field('type', 'string'), 2: field('rollingUpdate', ROLLING_UPDATE_DEPLOYMENT) });

/** The apps/v1 kinds decoded from protobuf. */
export const APPS_V1: Message[] = [
  object('Deployment', {
    2: field('spec', message('DeploymentSpec', {
      1: field('replicas', 'int', POINTER), 2: field('selector', LABEL_SELECTOR), 3: field('template', POD_TEMPLATE_SPEC, ALWAYS),
      4: field('strategy', DEPLOYMENT_STRATEGY, ALWAYS), 5: field('minReadySeconds', 'int'), 6: field('revisionHistoryLimit', 'int', POINTER),
      7: field('paused', 'bool'), 9: field('progressDeadlineSeconds', 'int', POINTER),
    }), ALWAYS),
    3: STATUS,
  }),
  object('ReplicaSet', {
    2: field('spec', message('ReplicaSetSpec', {
      1: field('replicas', 'int', POINTER), 4: field('minReadySeconds', 'int'), 2: field('selector', LABEL_SELECTOR), 3: field('template', POD_TEMPLATE_SPEC, ALWAYS),
    }), ALWAYS),
    3: STATUS,
  }),
];
