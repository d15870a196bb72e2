// Message tables for the core/v1 kinds this server serves and kubectl's typed clients send:
// Namespace, ConfigMap, Secret, ServiceAccount, Service, Pod, ReplicationController, and the pod
// template they share. Field numbers from upstream's core/v1 generated.proto; `always` marks JSON
// tags without omitempty. Not decoded (400 if sent): volume sources other than VOLUME_SOURCE's,
// volume devices, affinity, topology spread constraints, host aliases, ephemeral containers, resource claims.
import { object, OBJECT_META, STATUS } from './meta.ts';
import { ALWAYS, field, INLINE, MAP, message, POINTER, REPEATED, stringMap, strings, type Message } from './wire.ts';

const LOCAL_OBJECT_REFERENCE = message('LocalObjectReference', { 1: field('name', 'string') });
const OBJECT_REFERENCE = message('ObjectReference', {
  1: field('kind', 'string'), 2: field('namespace', 'string'), 3: field('name', 'string'), 4: field('uid', 'string'),
  5: field('apiVersion', 'string'), 6: field('resourceVersion', 'string'), 7: field('fieldPath', 'string'),
});
const optional = field('optional', 'bool', POINTER);
const localReference = field('localObjectReference', LOCAL_OBJECT_REFERENCE, INLINE);

const keySelector = (name: string) => message(name, { 1: localReference, 2: field('key', 'string', ALWAYS), 3: optional });
const ENV_VAR_SOURCE = message('EnvVarSource', {
  1: field('fieldRef', message('ObjectFieldSelector', { 1: field('apiVersion', 'string'), 2: field('fieldPath', 'string', ALWAYS) })),
  2: field('resourceFieldRef', message('ResourceFieldSelector', { 1: field('containerName', 'string'), 2: field('resource', 'string', ALWAYS), 3: field('divisor', 'quantity', ALWAYS) })),
  3: field('configMapKeyRef', keySelector('ConfigMapKeySelector')),
  4: field('secretKeyRef', keySelector('SecretKeySelector')),
});
const ENV_VAR = message('EnvVar', { 1: field('name', 'string', ALWAYS), 2: field('value', 'string'), 3: field('valueFrom', ENV_VAR_SOURCE) });
const envSource = (name: string) => message(name, { 1: localReference, 2: optional });
const ENV_FROM_SOURCE = message('EnvFromSource', { 1: field('prefix', 'string'), 2: field('configMapRef', envSource('ConfigMapEnvSource')), 3: field('secretRef', envSource('SecretEnvSource')) });

const CONTAINER_PORT = message('ContainerPort', {
  1: field('name', 'string'), 2: field('hostPort', 'int'), 3: field('containerPort', 'int', ALWAYS), 4: field('protocol', 'string'), 5: field('hostIP', 'string'),
});
const RESOURCE_REQUIREMENTS = message('ResourceRequirements', { 1: field('limits', 'quantity', MAP), 2: field('requests', 'quantity', MAP) });

const SE_LINUX_OPTIONS = message('SELinuxOptions', { 1: field('user', 'string'), 2: field('role', 'string'), 3: field('type', 'string'), 4: field('level', 'string') });
const SECCOMP_PROFILE = message('SeccompProfile', { 1: field('type', 'string', ALWAYS), 2: field('localhostProfile', 'string', POINTER) });
const pointerInt = (name: string) => field(name, 'int', POINTER);
const pointerBool = (name: string) => field(name, 'bool', POINTER);
const pointerString = (name: string) => field(name, 'string', POINTER);
const SECURITY_CONTEXT = message('SecurityContext', {
  1: field('capabilities', message('Capabilities', { 1: strings('add'), 2: strings('drop') })), 2: pointerBool('privileged'), 3: field('seLinuxOptions', SE_LINUX_OPTIONS),
  4: pointerInt('runAsUser'), 8: pointerInt('runAsGroup'), 5: pointerBool('runAsNonRoot'), 6: pointerBool('readOnlyRootFilesystem'),
  7: pointerBool('allowPrivilegeEscalation'), 9: pointerString('procMount'), 11: field('seccompProfile', SECCOMP_PROFILE),
});

const handler = (name: string) => message(name, {
  1: field('exec', message('ExecAction', { 1: strings('command') })),
  2: field('httpGet', message('HTTPGetAction', {
    1: field('path', 'string'), 2: field('port', 'intOrString', ALWAYS), 3: field('host', 'string'), 4: field('scheme', 'string'),
    5: field('httpHeaders', message('HTTPHeader', { 1: field('name', 'string', ALWAYS), 2: field('value', 'string', ALWAYS) }), REPEATED),
  })),
  3: field('tcpSocket', message('TCPSocketAction', { 1: field('port', 'intOrString', ALWAYS), 2: field('host', 'string') })),
});
const PROBE = message('Probe', {
  1: field('handler', handler('ProbeHandler'), INLINE), 2: field('initialDelaySeconds', 'int'), 3: field('timeoutSeconds', 'int'), 4: field('periodSeconds', 'int'),
  5: field('successThreshold', 'int'), 6: field('failureThreshold', 'int'), 7: pointerInt('terminationGracePeriodSeconds'),
});
const LIFECYCLE_HANDLER = handler('LifecycleHandler');
const LIFECYCLE = message('Lifecycle', { 1: field('postStart', LIFECYCLE_HANDLER), 2: field('preStop', LIFECYCLE_HANDLER) });

const KEY_TO_PATH = message('KeyToPath', { 1: field('key', 'string', ALWAYS), 2: field('path', 'string', ALWAYS), 3: pointerInt('mode') });
const DOWNWARD_API_FILE = message('DownwardAPIVolumeFile', {
  1: field('path', 'string', ALWAYS), 2: ENV_VAR_SOURCE.fields[1], 3: ENV_VAR_SOURCE.fields[2], 4: pointerInt('mode'),
});
const keyProjection = (name: string) => message(name, { 1: localReference, 2: field('items', KEY_TO_PATH, REPEATED), 4: optional });
const VOLUME_PROJECTION = message('VolumeProjection', {
  1: field('secret', keyProjection('SecretProjection')), 2: field('downwardAPI', message('DownwardAPIProjection', { 1: field('items', DOWNWARD_API_FILE, REPEATED) })),
  3: field('configMap', keyProjection('ConfigMapProjection')),
  4: field('serviceAccountToken', message('ServiceAccountTokenProjection', { 1: field('audience', 'string'), 2: pointerInt('expirationSeconds'), 3: field('path', 'string', ALWAYS) })),
});
/** The volume sources decoded: hostPath, emptyDir, secret, persistentVolumeClaim, downwardAPI, configMap, projected. */
const VOLUME_SOURCE = message('VolumeSource', {
  1: field('hostPath', message('HostPathVolumeSource', { 1: field('path', 'string', ALWAYS), 2: pointerString('type') })),
  2: field('emptyDir', message('EmptyDirVolumeSource', { 1: field('medium', 'string'), 2: field('sizeLimit', 'quantity') })),
  6: field('secret', message('SecretVolumeSource', { 1: field('secretName', 'string'), 2: field('items', KEY_TO_PATH, REPEATED), 3: pointerInt('defaultMode'), 4: optional })),
  10: field('persistentVolumeClaim', message('PersistentVolumeClaimVolumeSource', { 1: field('claimName', 'string', ALWAYS), 2: field('readOnly', 'bool') })),
  16: field('downwardAPI', message('DownwardAPIVolumeSource', { 1: field('items', DOWNWARD_API_FILE, REPEATED), 2: pointerInt('defaultMode') })),
  19: field('configMap', message('ConfigMapVolumeSource', { 1: localReference, 2: field('items', KEY_TO_PATH, REPEATED), 3: pointerInt('defaultMode'), 4: optional })),
  26: field('projected', message('ProjectedVolumeSource', { 1: field('sources', VOLUME_PROJECTION, REPEATED), 2: pointerInt('defaultMode') })),
});
const VOLUME = message('Volume', { 1: field('name', 'string', ALWAYS), 2: field('volumeSource', VOLUME_SOURCE, INLINE) });
const VOLUME_MOUNT = message('VolumeMount', {
  1: field('name', 'string', ALWAYS), 2: field('readOnly', 'bool'), 3: field('mountPath', 'string', ALWAYS), 4: field('subPath', 'string'),
  5: pointerString('mountPropagation'), 6: field('subPathExpr', 'string'),
});

const CONTAINER = message('Container', {
  1: field('name', 'string', ALWAYS), 2: field('image', 'string'), 3: strings('command'), 4: strings('args'), 5: field('workingDir', 'string'),
  6: field('ports', CONTAINER_PORT, REPEATED), 19: field('envFrom', ENV_FROM_SOURCE, REPEATED), 7: field('env', ENV_VAR, REPEATED),
  8: field('resources', RESOURCE_REQUIREMENTS, ALWAYS), 9: field('volumeMounts', VOLUME_MOUNT, REPEATED), 10: field('livenessProbe', PROBE), 11: field('readinessProbe', PROBE), 22: field('startupProbe', PROBE),
  12: field('lifecycle', LIFECYCLE), 13: field('terminationMessagePath', 'string'), 20: field('terminationMessagePolicy', 'string'),
  14: field('imagePullPolicy', 'string'), 15: field('securityContext', SECURITY_CONTEXT), 16: field('stdin', 'bool'), 17: field('stdinOnce', 'bool'), 18: field('tty', 'bool'),
});

const POD_SECURITY_CONTEXT = message('PodSecurityContext', {
  1: field('seLinuxOptions', SE_LINUX_OPTIONS), 2: pointerInt('runAsUser'), 6: pointerInt('runAsGroup'), 3: pointerBool('runAsNonRoot'),
  4: field('supplementalGroups', 'int', REPEATED), 5: pointerInt('fsGroup'),
  7: field('sysctls', message('Sysctl', { 1: field('name', 'string', ALWAYS), 2: field('value', 'string', ALWAYS) }), REPEATED),
  9: pointerString('fsGroupChangePolicy'), 10: field('seccompProfile', SECCOMP_PROFILE),
});
const TOLERATION = message('Toleration', {
  1: field('key', 'string'), 2: field('operator', 'string'), 3: field('value', 'string'), 4: field('effect', 'string'), 5: pointerInt('tolerationSeconds'),
});
const POD_DNS_CONFIG = message('PodDNSConfig', {
  1: strings('nameservers'), 2: strings('searches'), 3: field('options', message('PodDNSConfigOption', { 1: field('name', 'string'), 2: pointerString('value') }), REPEATED),
});

const POD_SPEC = message('PodSpec', {
  1: field('volumes', VOLUME, REPEATED), 20: field('initContainers', CONTAINER, REPEATED), 2: field('containers', CONTAINER, { repeated: true, always: true }), 3: field('restartPolicy', 'string'),
  4: pointerInt('terminationGracePeriodSeconds'), 5: pointerInt('activeDeadlineSeconds'), 6: field('dnsPolicy', 'string'), 7: stringMap('nodeSelector'),
  8: field('serviceAccountName', 'string'), 9: field('serviceAccount', 'string'), 21: pointerBool('automountServiceAccountToken'), 10: field('nodeName', 'string'),
  11: field('hostNetwork', 'bool'), 12: field('hostPID', 'bool'), 13: field('hostIPC', 'bool'), 27: pointerBool('shareProcessNamespace'),
  14: field('securityContext', POD_SECURITY_CONTEXT), 15: field('imagePullSecrets', LOCAL_OBJECT_REFERENCE, REPEATED), 16: field('hostname', 'string'),
  17: field('subdomain', 'string'), 19: field('schedulerName', 'string'), 22: field('tolerations', TOLERATION, REPEATED), 24: field('priorityClassName', 'string'),
  25: pointerInt('priority'), 26: field('dnsConfig', POD_DNS_CONFIG), 28: field('readinessGates', message('PodReadinessGate', { 1: field('conditionType', 'string', ALWAYS) }), REPEATED),
  29: pointerString('runtimeClassName'), 30: pointerBool('enableServiceLinks'), 31: pointerString('preemptionPolicy'), 32: field('overhead', 'quantity', MAP),
  35: pointerBool('setHostnameAsFQDN'),
});
export const POD_TEMPLATE_SPEC = message('PodTemplateSpec', { 1: field('metadata', OBJECT_META, ALWAYS), 2: field('spec', POD_SPEC, ALWAYS) });

const SERVICE_PORT = message('ServicePort', {
  1: field('name', 'string'), 2: field('protocol', 'string'), 6: pointerString('appProtocol'), 3: field('port', 'int', ALWAYS),
  4: field('targetPort', 'intOrString', ALWAYS), 5: field('nodePort', 'int'),
});
const SERVICE_SPEC = message('ServiceSpec', {
  1: field('ports', SERVICE_PORT, REPEATED), 2: stringMap('selector'), 3: field('clusterIP', 'string'), 18: strings('clusterIPs'), 4: field('type', 'string'),
  5: strings('externalIPs'), 7: field('sessionAffinity', 'string'), 8: field('loadBalancerIP', 'string'), 9: strings('loadBalancerSourceRanges'),
  10: field('externalName', 'string'), 11: field('externalTrafficPolicy', 'string'), 12: field('healthCheckNodePort', 'int'), 13: field('publishNotReadyAddresses', 'bool'),
  14: field('sessionAffinityConfig', message('SessionAffinityConfig', { 1: field('clientIP', message('ClientIPConfig', { 1: pointerInt('timeoutSeconds') })) })),
  19: strings('ipFamilies'), 17: pointerString('ipFamilyPolicy'), 20: pointerBool('allocateLoadBalancerNodePorts'), 21: pointerString('loadBalancerClass'),
  22: pointerString('internalTrafficPolicy'),
});

/** The core/v1 kinds decoded from protobuf. */
export const CORE_V1: Message[] = [
  object('Namespace', { 2: field('spec', message('NamespaceSpec', { 1: strings('finalizers') }), ALWAYS), 3: STATUS }),
  object('ConfigMap', { 4: pointerBool('immutable'), 2: stringMap('data'), 3: field('binaryData', 'base64', MAP) }),
  object('Secret', { 5: pointerBool('immutable'), 2: field('data', 'base64', MAP), 4: stringMap('stringData'), 3: field('type', 'string') }),
  object('ServiceAccount', { 2: field('secrets', OBJECT_REFERENCE, REPEATED), 3: field('imagePullSecrets', LOCAL_OBJECT_REFERENCE, REPEATED), 4: pointerBool('automountServiceAccountToken') }),
  object('Service', { 2: field('spec', SERVICE_SPEC, ALWAYS), 3: STATUS }),
  object('Pod', { 2: field('spec', POD_SPEC, ALWAYS), 3: STATUS }),
  object('ReplicationController', {
    2: field('spec', message('ReplicationControllerSpec', { 1: pointerInt('replicas'), 4: field('minReadySeconds', 'int'), 2: stringMap('selector'), 3: field('template', POD_TEMPLATE_SPEC) }), ALWAYS),
    3: STATUS,
  }),
];
