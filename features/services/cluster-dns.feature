@services
Feature: Cluster DNS gives every Service a name
  DNS is the one add-on every cluster needs: the kube-dns Service in kube-system, whose cluster IP
  the kubelets write into every Pod's resolv.conf. It serves `<service>.<namespace>.svc.cluster.local`
  (the cluster IP; for a headless Service, the IPs of its ready Pods), and a Pod reaches the short
  forms through its search path: `web` from its own namespace, `web.shop` from any namespace.

  Background:
    Given these manifests:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: kube-dns, namespace: kube-system }
      spec:
        selector: { k8s-app: kube-dns }
        clusterIP: 10.0.0.10
        ports:
          - { name: dns, port: 53, protocol: UDP }
          - { name: dns-tcp, port: 53, protocol: TCP }
      ---
      apiVersion: v1
      kind: Service
      metadata: { name: web, namespace: shop }
      spec:
        selector: { app: web }
        clusterIP: 10.0.0.20
        ports:
          - { name: http, port: 80, targetPort: 8080 }
      ---
      apiVersion: v1
      kind: Service
      metadata: { name: db, namespace: shop }
      spec:
        selector: { app: db }
        clusterIP: None
        ports:
          - { name: pg, port: 5432 }
      ---
      apiVersion: v1
      kind: Service
      metadata: { name: mail, namespace: shop }
      spec:
        type: ExternalName
        externalName: smtp.example.com
      """
    And these pods:
      | name    | namespace | labels | ip       | ready | hostname | subdomain |
      | client  | shop      |        | 10.1.0.2 | yes   |          |           |
      | visitor | default   |        | 10.1.0.3 | yes   |          |           |
      | db-0    | shop      | app=db | 10.1.0.7 | yes   | db-0     | db        |
      | db-1    | shop      | app=db | 10.1.0.8 | yes   |          |           |
      | db-2    | shop      | app=db | 10.1.0.9 | no    |          |           |
    And the kubelets give pods the cluster DNS server "10.0.0.10"

  @SVC-6 @ADD-1
  Scenario: a Pod is configured to ask cluster DNS first
    Then the pod "client" is given this resolv.conf:
      """
      nameserver 10.0.0.10
      search shop.svc.cluster.local svc.cluster.local cluster.local
      options ndots:5
      """

  @SVC-6 @SVC-2
  Scenario: a Service's name and its short forms resolve to its cluster IP
    Then from the pod "client" these names resolve as follows:
      | name                        | type | answer                                   | answered as                           |
      | web                         | A    | 10.0.0.20                                | web.shop.svc.cluster.local            |
      | web.shop                    | A    | 10.0.0.20                                | web.shop.svc.cluster.local            |
      | web.shop.svc                | A    | 10.0.0.20                                | web.shop.svc.cluster.local            |
      | web.shop.svc.cluster.local  | A    | 10.0.0.20                                | web.shop.svc.cluster.local            |
      | web.shop.svc.cluster.local. | A    | 10.0.0.20                                | web.shop.svc.cluster.local            |
      | _http._tcp.web              | SRV  | SRV 0 100 80 web.shop.svc.cluster.local  | _http._tcp.web.shop.svc.cluster.local |
      | kube-dns.kube-system        | A    | 10.0.0.10                                | kube-dns.kube-system.svc.cluster.local |
      | kube-dns                    | A    | (not found)                              |                                       |
      | nothing                     | A    | (not found)                              |                                       |

  @SVC-6
  Scenario: from another namespace, a Service needs its namespace in the name
    Then from the pod "visitor" these names resolve as follows:
      | name     | type | answer      | answered as                |
      | web      | A    | (not found) |                            |
      | web.shop | A    | 10.0.0.20   | web.shop.svc.cluster.local |

  @SVC-6 @SVC-3
  Scenario: a headless Service's name resolves to its ready Pods, each with a name of its own
    Then from the pod "client" these names resolve as follows:
      | name    | type | answer             | answered as                 |
      | db      | A    | 10.1.0.7, 10.1.0.8 | db.shop.svc.cluster.local   |
      | db-0.db | A    | 10.1.0.7           | db-0.db.shop.svc.cluster.local |

  @SVC-6
  Scenario: an ExternalName Service is an alias for another name
    Then from the pod "client" these names resolve as follows:
      | name | type | answer                 | answered as                |
      | mail | A    | CNAME smtp.example.com | mail.shop.svc.cluster.local |

  @ADD-1 @control-plane
  Scenario: a cluster runs DNS as the kube-dns Service in kube-system
    Then within 5 seconds the API holds the Service "kube-dns" in namespace "kube-system" with ports "53/UDP, 53/TCP"
