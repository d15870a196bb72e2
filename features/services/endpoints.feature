@services
Feature: A Service's endpoints are the Pods its selector chooses
  A Service is the stable access point of a set of Pods, chosen by a label selector
  (`spec.selector`) in the Service's own namespace. The endpoints controller writes an Endpoints
  object named after the Service: every selected Pod that has an IP, is not being deleted and has
  not finished appears once, with the container port that each service port reaches on it.
  Ready Pods are listed under `addresses`, the others under `notReadyAddresses`; kube-proxy and
  cluster DNS use only the ready ones.

  In the tables, `ports` lists what an address offers (`name=port`, with `/UDP` when not TCP), and
  `ready` says whether it is listed under `addresses` (yes) or `notReadyAddresses` (no).

  Background:
    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: web, namespace: default }
      spec:
        selector: { app: web }
        clusterIP: 10.0.0.20
        ports:
          - { name: http, port: 80, targetPort: 8080 }
      """

  @SVC-1 @SVC-3
  Scenario: the selector chooses Pods by their labels, in the Service's own namespace
    Given these pods:
      | name  | namespace | labels              | ip       |
      | web-1 | default   | app=web, tier=front | 10.1.0.1 |
      | web-2 | default   | app=web             | 10.1.0.2 |
      | api-1 | default   | app=api             | 10.1.0.3 |
      | web-9 | shop      | app=web             | 10.1.0.9 |
    When the endpoints controller computes the endpoints of "web"
    Then the endpoints are:
      | pod   | ip       | ready | ports     |
      | web-1 | 10.1.0.1 | yes   | http=8080 |
      | web-2 | 10.1.0.2 | yes   | http=8080 |

  @SVC-3
  Scenario: Pods that are not ready are listed apart
    Given these pods:
      | name  | labels  | ip       | ready |
      | web-1 | app=web | 10.1.0.1 | yes   |
      | web-2 | app=web | 10.1.0.2 | no    |
    When the endpoints controller computes the endpoints of "web"
    Then the endpoints are:
      | pod   | ip       | ready | ports     |
      | web-1 | 10.1.0.1 | yes   | http=8080 |
      | web-2 | 10.1.0.2 | no    | http=8080 |

  @SVC-3
  Scenario: publishNotReadyAddresses lists every Pod as ready, terminating ones included
    StatefulSets use this for peer discovery: members must find each other before they are ready.

    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: peers }
      spec:
        selector: { app: web }
        clusterIP: None
        publishNotReadyAddresses: true
        ports:
          - { name: gossip, port: 7946 }
      """
    And these pods:
      | name  | labels  | ip       | ready | terminating |
      | web-1 | app=web | 10.1.0.1 | yes   | no          |
      | web-2 | app=web | 10.1.0.2 | no    | no          |
      | web-3 | app=web | 10.1.0.3 | no    | yes         |
    When the endpoints controller computes the endpoints of "peers"
    Then the endpoints are:
      | pod   | ip       | ready | ports       |
      | web-1 | 10.1.0.1 | yes   | gossip=7946 |
      | web-2 | 10.1.0.2 | yes   | gossip=7946 |
      | web-3 | 10.1.0.3 | yes   | gossip=7946 |

  @SVC-3
  Scenario Outline: a Pod <why> is left out
    Given these pods:
      | name  | labels  | ip       | phase   | terminating   | ready   |
      | web-1 | app=web | 10.1.0.1 | Running | no            | yes     |
      | web-2 | app=web | <ip>     | <phase> | <terminating> | <ready> |
    When the endpoints controller computes the endpoints of "web"
    Then the endpoints are:
      | pod   | ip       | ready | ports     |
      | web-1 | 10.1.0.1 | yes   | http=8080 |

    Examples:
      | why                               | ip       | phase     | terminating | ready |
      | that has no IP yet                |          | Pending   | no          | no    |
      | that is being deleted             | 10.1.0.2 | Running   | yes         | yes   |
      | that is being deleted, not ready  | 10.1.0.2 | Running   | yes         | no    |
      | whose containers have succeeded   | 10.1.0.2 | Succeeded | no          | no    |
      | whose containers have failed      | 10.1.0.2 | Failed    | no          | no    |

  @SVC-3 @SVC-5
  Scenario: a named targetPort is resolved on each Pod; Pods without that port are left out
    The same Service can reach containers that listen on different ports, as long as the port
    has the same name in every Pod.

    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: api }
      spec:
        selector: { app: api }
        clusterIP: 10.0.0.30
        ports:
          - { name: http, port: 80, targetPort: web }
      """
    And these pods:
      | name  | labels  | ip       | ports                  |
      | api-1 | app=api | 10.1.0.1 | web=8080               |
      | api-2 | app=api | 10.1.0.2 | web=9090, metrics=9100 |
      | api-3 | app=api | 10.1.0.3 | metrics=9100           |
    When the endpoints controller computes the endpoints of "api"
    Then the endpoints are:
      | pod   | ip       | ready | ports     |
      | api-1 | 10.1.0.1 | yes   | http=8080 |
      | api-2 | 10.1.0.2 | yes   | http=9090 |

  @SVC-3
  Scenario: each address offers the service ports its Pod resolves, and a numeric targetPort needs no declaration
    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: api }
      spec:
        selector: { app: api }
        clusterIP: 10.0.0.30
        ports:
          - { name: http, port: 80, targetPort: web }
          - { name: metrics, port: 9100, targetPort: 9100 }
          - { name: dns, port: 53, protocol: UDP, targetPort: dns }
      """
    And these pods:
      | name  | labels  | ip       | ports              |
      | api-1 | app=api | 10.1.0.1 | web=8080, dns=53/UDP |
      | api-2 | app=api | 10.1.0.2 | web=8080, dns=53   |
    When the endpoints controller computes the endpoints of "api"
    Then the endpoints are:
      | pod   | ip       | ready | ports                                |
      | api-1 | 10.1.0.1 | yes   | dns=53/UDP, http=8080, metrics=9100  |
      | api-2 | 10.1.0.2 | yes   | http=8080, metrics=9100              |

  @SVC-1
  Scenario Outline: the endpoints controller leaves a <kind> Service alone
    Its Endpoints are whatever someone else writes (for example an external database's address).

    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: outside }
      spec: <spec>
      """
    And these pods:
      | name  | labels  | ip       |
      | web-1 | app=web | 10.1.0.1 |
    When the endpoints controller computes the endpoints of "outside"
    Then the endpoints controller leaves the service alone

    Examples:
      | kind                | spec                                                                       |
      | selector-less       | { clusterIP: 10.0.0.40, ports: [{ port: 5432 }] }                          |
      | ExternalName        | { type: ExternalName, externalName: db.example.com, selector: { app: web } } |

  @SVC-3
  Scenario: the Endpoints object as the controller writes it
    Given these pods:
      | name  | labels  | ip       | ready | ports     | node   |
      | web-1 | app=web | 10.1.0.1 | yes   | http=8080 | node-1 |
      | web-2 | app=web | 10.1.0.2 | no    | http=8080 | node-2 |
    When the endpoints controller computes the endpoints of "web"
    Then the Endpoints object reads:
      """
      apiVersion: v1
      kind: Endpoints
      metadata:
        name: web
        namespace: default
      subsets:
        - addresses:
            - ip: 10.1.0.1
              nodeName: node-1
              targetRef: { kind: Pod, namespace: default, name: web-1, uid: uid-default-web-1 }
          notReadyAddresses:
            - ip: 10.1.0.2
              nodeName: node-2
              targetRef: { kind: Pod, namespace: default, name: web-2, uid: uid-default-web-2 }
          ports:
            - { name: http, port: 8080, protocol: TCP }
      """

  @SVC-3
  Scenario Outline: an Endpoints object holds at most 1,000 addresses, ready ones first
    For a Service that selects more Pods than that, the controller keeps 1,000 (ready ones before
    not ready ones) and marks the object with the annotation `endpoints.kubernetes.io/over-capacity:
    truncated`. EndpointSlices, which have no such limit, are the way to see all of them.

    Given <ready> ready pods and <not ready> not-ready pods labelled "app=web"
    When the endpoints controller computes the endpoints of "web"
    Then the endpoints hold <kept ready> ready and <kept not ready> not-ready addresses
    And the Endpoints annotation "endpoints.kubernetes.io/over-capacity" is "<annotation>"

    Examples:
      | ready | not ready | kept ready | kept not ready | annotation |
      | 1000  | 0         | 1000       | 0              | (none)     |
      | 1001  | 0         | 1000       | 0              | truncated  |
      | 990   | 20        | 990        | 10             | truncated  |
      | 1100  | 50        | 1000       | 0              | truncated  |
