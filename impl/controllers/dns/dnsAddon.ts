// The cluster DNS add-on's API objects (NS-4, ADD-1): the `kube-dns` Service in kube-system with
// the well-known cluster IP the kubelets are configured with; recreated if deleted. (The DNS
// server itself is the cluster-dns component, impl/dns/component; no DNS pods are run.)
import { DNS_NAMESPACE, DNS_SERVICE_NAME, kubeDnsService } from '../../dns/index.ts';
import { isAlreadyExists, type KubeObject } from '../../client/index.ts';
import type { ComponentContext, ComponentDefinition } from '../../controlplane/Component.ts';

/** The 10th address of the default service CIDR 10.96.0.0/12, as kubeadm configures it. */
export const CLUSTER_DNS_IP = '10.96.0.10';

export async function startDnsAddon(ctx: ComponentContext) {
  const key = `${DNS_NAMESPACE}/${DNS_SERVICE_NAME}`;
  const services = ctx.informer('Service', { namespace: DNS_NAMESPACE, fieldSelector: `metadata.name=${DNS_SERVICE_NAME}` });
  const queue = ctx.queue(async () => {
    if (services.get(key)) return;
    await ctx.client.create(kubeDnsService(CLUSTER_DNS_IP) as KubeObject).catch((error) => {
      if (!isAlreadyExists(error)) throw error;
    });
  });
  services.on({ delete: () => queue.add(key) });
  await services.start();
  queue.add(key);
}

export const dnsAddon: ComponentDefinition = {
  name: 'dns-addon',
  description: 'keeps the kube-dns Service in kube-system',
  start: (ctx) => startDnsAddon(ctx),
};
