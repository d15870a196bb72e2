@services
Feature: kube-proxy spreads a Service's connections over its ready endpoints
  kube-proxy runs on every node and watches Services and their endpoints (upstream's reads the
  EndpointSlices; these scenarios hand it the Endpoints objects, which list the same ready Pods). A
  new connection to a Service's cluster IP and port (or to any node's IP on the Service's node
  port) is forwarded to one ready endpoint, on the container port listed for that service port.
  Pods that are not ready receive nothing. Where connections go is written `pod:port`.

  "Spread evenly" means: over N new connections and k ready endpoints, each endpoint receives N/k
  connections, give or take five standard deviations of a fair random choice (plus one). A
  round-robin proxy is always within one; upstream's random choice almost never leaves the bound.

  Background:
    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: web }
      spec:
        selector: { app: web }
        clusterIP: 10.0.0.20
        ports:
          - { name: http, port: 80, targetPort: http }
          - { name: metrics, port: 9100, targetPort: 9100 }
      """

  @SVC-5
  Scenario: connections are spread over the ready Pods only, on their container port
    Given these pods:
      | name  | labels  | ip       | ready | ports     |
      | web-1 | app=web | 10.1.0.1 | yes   | http=8080 |
      | web-2 | app=web | 10.1.0.2 | yes   | http=8081 |
      | web-3 | app=web | 10.1.0.3 | yes   | http=8080 |
      | web-4 | app=web | 10.1.0.4 | no    | http=8080 |
    When a client connects 300 times to "10.0.0.20:80"
    Then the connections are spread evenly over "web-1:8080, web-2:8081, web-3:8080"

  @SVC-5
  Scenario: each service port forwards to its own container port
    Given these pods:
      | name  | labels  | ip       | ports     |
      | web-1 | app=web | 10.1.0.1 | http=8080 |
    When a client connects 3 times to "10.0.0.20:9100"
    Then every connection reaches "web-1:9100"

  @SVC-5
  Scenario: a Service without ready endpoints refuses connections
    Given these pods:
      | name  | labels  | ip       | ready | ports     |
      | web-1 | app=web | 10.1.0.1 | no    | http=8080 |
    When a client connects 2 times to "10.0.0.20:80"
    Then every connection is refused because the service has "no endpoints"

  @SVC-5
  Scenario Outline: nothing answers on <what>
    Given these pods:
      | name  | labels  | ip       | ports     |
      | web-1 | app=web | 10.1.0.1 | http=8080 |
    When a client connects 1 times to "<address>"
    Then every connection is refused because the service has "no such port"

    Examples:
      | what                              | address          |
      | a port the Service does not have  | 10.0.0.20:443    |
      | another protocol on its port      | 10.0.0.20:80/UDP |

  @SVC-5
  Scenario: with sessionAffinity ClientIP, each client sticks to one Pod
    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: sticky }
      spec:
        selector: { app: web }
        clusterIP: 10.0.0.21
        sessionAffinity: ClientIP
        ports:
          - { port: 80, targetPort: 8080 }
      """
    And these pods:
      | name  | labels  | ip       |
      | web-1 | app=web | 10.1.0.1 |
      | web-2 | app=web | 10.1.0.2 |
      | web-3 | app=web | 10.1.0.3 |
    When these connections are made, in order:
      | client      | to           | times |
      | 192.168.5.1 | 10.0.0.21:80 | 10    |
      | 192.168.5.2 | 10.0.0.21:80 | 10    |
      | 192.168.5.1 | 10.0.0.21:80 | 10    |
      | 192.168.5.3 | 10.0.0.21:80 | 10    |
    Then all connections from "192.168.5.1" reach the same backend
    And all connections from "192.168.5.2" reach the same backend
    And all connections from "192.168.5.3" reach the same backend

  @SVC-5 @SVC-1
  Scenario: a Service without a selector goes to the Endpoints written for it
    Given these manifests:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: legacy-db }
      spec:
        clusterIP: 10.0.0.40
        ports:
          - { port: 5432 }
      ---
      apiVersion: v1
      kind: Endpoints
      metadata: { name: legacy-db }
      subsets:
        - addresses: [{ ip: 192.168.10.5 }]
          ports: [{ port: 5432, protocol: TCP }]
      """
    When a client connects 2 times to "10.0.0.40:5432"
    Then every connection reaches "192.168.10.5:5432"

  @SVC-7 @SVC-5
  Scenario: a NodePort Service is reachable on its node port on every node
    Given these nodes:
      | name   | ip           |
      | node-1 | 192.168.1.10 |
      | node-2 | 192.168.1.11 |
      | node-3 | 192.168.1.12 |
    And the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: shop }
      spec:
        type: NodePort
        selector: { app: web }
        clusterIP: 10.0.0.22
        ports:
          - { port: 80, targetPort: 8080, nodePort: 30080 }
      """
    And these pods:
      | name  | labels  | ip       | node   |
      | web-1 | app=web | 10.1.0.1 | node-1 |
      | web-2 | app=web | 10.1.0.2 | node-2 |
    Then a connection to port 30080 of every node reaches one of "web-1:8080, web-2:8080"
