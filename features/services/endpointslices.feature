@services @control-plane
Feature: The EndpointSlice controller splits each Service's endpoints into EndpointSlices
  Besides the Endpoints object, Kubernetes publishes a Service's endpoints as EndpointSlices
  (API group discovery.k8s.io/v1): smaller objects of at most 100 endpoints each, which kube-proxy
  and cluster DNS read today. The EndpointSlice controller writes them for every Service with a
  selector. Each endpoint is one Pod: its IP address, the node it runs on, and three conditions:
  `ready` (send it new traffic), `serving` (the Pod says it is ready, even while shutting down) and
  `terminating` (the Pod is being deleted). A slice holds endpoints that share one address type
  (IPv4 or IPv6) and one list of ports; when a named target port means different port numbers on
  different Pods, each list gets its own slices.

  These scenarios create the objects through the API, bind the Pods to a Node that has no kubelet
  (the controller leaves out Pods whose Node it cannot find, unscheduled ones included), write each
  Pod's status as its kubelet would, and read the slices back, waiting up to a few seconds for the
  controller. In the tables, `ports`
  are the slice's ports (`name=port`), and yes/no are the endpoint's conditions.

  @SVC-3
  Scenario: ready and not-ready Pods are endpoints with their conditions
    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: web }
      spec:
        selector: { app: web }
        ports:
          - { name: http, port: 80, targetPort: http }
      """
    And these pods:
      | name  | labels  | ip       | ready | ports     |
      | web-1 | app=web | 10.1.0.1 | yes   | http=8080 |
      | web-2 | app=web | 10.1.0.2 | no    | http=8080 |
      | api-1 | app=api | 10.1.0.3 | yes   | http=8080 |
    And the pods run on the node "n1", which has no kubelet
    When they are created through the API
    Then within 5 seconds the EndpointSlices of "web" hold these endpoints:
      | pod   | address  | ready | serving | terminating | ports     |
      | web-1 | 10.1.0.1 | yes   | yes     | no          | http=8080 |
      | web-2 | 10.1.0.2 | no    | no      | no          | http=8080 |
    When the pod "web-2" becomes ready
    Then within 5 seconds the EndpointSlices of "web" hold these endpoints:
      | pod   | ready | serving |
      | web-1 | yes   | yes     |
      | web-2 | yes   | yes     |

  @SVC-3
  Scenario: 120 Pods are split into slices of at most 100 endpoints
    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: big }
      spec:
        selector: { app: big }
        ports:
          - { name: http, port: 80, targetPort: 8080 }
      """
    And 120 ready pods and 0 not-ready pods labelled "app=big"
    And the pods run on the node "n1", which has no kubelet
    When they are created through the API
    Then within 10 seconds the EndpointSlices of "big" hold "100, 20" endpoints

  @SVC-3
  Scenario: a named target port that means different ports on different Pods makes two slices
    The Service sends port 80 to the container port named "http", which web-1 declares as 8080
    and web-2 as 9090: one slice per port list.

    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: web }
      spec:
        selector: { app: web }
        ports:
          - { name: http, port: 80, targetPort: http }
      """
    And these pods:
      | name  | labels  | ip       | ports     |
      | web-1 | app=web | 10.1.0.1 | http=8080 |
      | web-2 | app=web | 10.1.0.2 | http=9090 |
    And the pods run on the node "n1", which has no kubelet
    When they are created through the API
    Then within 5 seconds the EndpointSlices of "web" hold "1, 1" endpoints
    And within 5 seconds the EndpointSlices of "web" hold these endpoints:
      | pod   | address  | ports     |
      | web-1 | 10.1.0.1 | http=8080 |
      | web-2 | 10.1.0.2 | http=9090 |

  @SVC-3
  Scenario: a terminating Pod stays listed as terminating, serving while it is ready, until it is gone
    Unlike the Endpoints object, which drops a Pod as soon as it is being deleted, a slice keeps it
    with `terminating: yes` and `ready: no`, so that proxies can finish connections gracefully.

    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: web }
      spec:
        selector: { app: web }
        ports:
          - { name: http, port: 80, targetPort: 8080 }
      """
    And these pods:
      | name  | labels  | ip       |
      | web-1 | app=web | 10.1.0.1 |
      | web-2 | app=web | 10.1.0.2 |
    And the pods run on the node "n1", which has no kubelet
    When they are created through the API
    And the pod "web-2" starts terminating
    Then within 5 seconds the EndpointSlices of "web" hold these endpoints:
      | pod   | ready | serving | terminating |
      | web-1 | yes   | yes     | no          |
      | web-2 | no    | yes     | yes         |
    When the pod "web-2" finishes terminating
    Then within 5 seconds the EndpointSlices of "web" hold these endpoints:
      | pod   | ready | serving | terminating |
      | web-1 | yes   | yes     | no          |

  @SVC-4
  Scenario: the slices carry the Service's labels and name it as their owner
    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: web, labels: { team: shop } }
      spec:
        selector: { app: web }
        ports:
          - { name: http, port: 80, targetPort: 8080 }
      """
    And these pods:
      | name  | labels  | ip       |
      | web-1 | app=web | 10.1.0.1 |
    And the pods run on the node "n1", which has no kubelet
    When they are created through the API
    Then within 5 seconds the EndpointSlices of "web" hold "1" endpoints
    And every EndpointSlice of "web" carries exactly the labels "team=shop, kubernetes.io/service-name=web, endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io"
    And every EndpointSlice of "web" is named after it and controlled by it

  @SVC-4
  Scenario: a Service without a selector gets no slices from the controller
    Its endpoints are whatever its owner writes by hand.

    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: external }
      spec:
        ports:
          - { port: 5432 }
      """
    And the pods run on the node "n1", which has no kubelet
    When they are created through the API
    Then the service "external" has no EndpointSlices managed by the controller

  @SVC-4
  Scenario: a deleted slice is written again
    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: web }
      spec:
        selector: { app: web }
        ports:
          - { name: http, port: 80, targetPort: 8080 }
      """
    And these pods:
      | name  | labels  | ip       |
      | web-1 | app=web | 10.1.0.1 |
    And the pods run on the node "n1", which has no kubelet
    When they are created through the API
    Then within 5 seconds the EndpointSlices of "web" hold "1" endpoints
    When someone deletes the EndpointSlices of "web"
    Then within 5 seconds the EndpointSlices of "web" hold these endpoints:
      | pod   | address  | ready | ports     |
      | web-1 | 10.1.0.1 | yes   | http=8080 |

  @SVC-3
  Scenario: an EndpointSlice without an address type is refused
    Given a namespace "shop"
    When I create:
      """
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata: { name: by-hand, namespace: shop }
      endpoints:
        - addresses: [10.1.0.1]
      """
    Then the create fails with "EndpointSlice.discovery.k8s.io \"by-hand\" is invalid: addressType: Required value"
    And the error has a cause "Required value" on "addressType"

  @SVC-3
  Scenario: an endpoint address that is not an IP address is refused
    Given a namespace "shop"
    When I create:
      """
      apiVersion: discovery.k8s.io/v1
      kind: EndpointSlice
      metadata: { name: by-hand, namespace: shop }
      addressType: IPv4
      endpoints:
        - addresses: [10.1.0.1]
        - addresses: [10.1.0.300]
      ports:
        - { name: http, port: 8080 }
      """
    Then the create fails with "EndpointSlice.discovery.k8s.io \"by-hand\" is invalid: [endpoints[1].addresses[0]: Invalid value: \"10.1.0.300\": must be a valid IPv4 address, endpoints[1].addresses[0]: Invalid value: \"10.1.0.300\": must be a valid IP address]"
