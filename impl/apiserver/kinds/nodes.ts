import type { ResourceType } from '../resourceType.ts';
import { age, ageOf, column, listOrNone } from '../tableColumns.ts';
import { nameColumn } from '../tableColumns.ts';
import { arrayOf, isObject } from './podSpec.ts';

const ROLE_PREFIX = 'node-role.kubernetes.io/';

export const nodes: ResourceType = {
  group: '', version: 'v1', resource: 'nodes', singular: 'node', kind: 'Node', namespaced: false,
  shortNames: ['no'], subresources: ['status'],
  fields: { 'spec.unschedulable': (n) => String(n.spec?.unschedulable ?? false) },
  columns: [
    nameColumn, column('Status', 'string', 'The status of the node'), column('Roles', 'string', 'The roles of the node'), age,
    column('Version', 'string', 'Kubelet Version reported by the node.'),
    column('Internal-IP', 'string', 'List of internal IPs reported by the node.', 1), column('External-IP', 'string', 'List of external IPs reported by the node.', 1),
    column('OS-Image', 'string', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', 1),
    column('Kernel-Version', 'string', 'Kernel Version reported by the node from \'uname -r\' (e.g. 3.16.0-0.bpo.4-amd64).', 1),
    column('Container-Runtime', 'string', 'Container runtime version reported by the node through runtime remote API (e.g. containerd://1.4.2).', 1),
  ],
  cells(node) {
    const ready = arrayOf(node.status?.conditions).filter(isObject).find((c) => c.type === 'Ready');
    const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown', ...(node.spec?.unschedulable ? ['SchedulingDisabled'] : [])].join(',');
    const roles = Object.keys(node.metadata.labels ?? {}).filter((k) => k.startsWith(ROLE_PREFIX)).map((k) => k.slice(ROLE_PREFIX.length));
    const addresses = (type: string) => arrayOf(node.status?.addresses).filter(isObject).filter((a) => a.type === type).map((a) => a.address);
    const info = node.status?.nodeInfo ?? {};
    return [status, listOrNone(roles), ageOf(node.metadata.creationTimestamp), info.kubeletVersion ?? '',
      listOrNone(addresses('InternalIP')), listOrNone(addresses('ExternalIP')), info.osImage ?? '<unknown>', info.kernelVersion ?? '<unknown>', info.containerRuntimeVersion ?? '<unknown>'];
  },
};
