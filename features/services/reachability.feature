@services
Feature: A Pod is reachable from outside the cluster only through a Service that exposes it
  Inside the cluster, Pods reach each other and every Service's cluster IP. From outside, the only
  way in is a node's IP, and on a node only kube-proxy's NodePorts lead on to Pods. The model used
  here: a connection from outside arrives at a node and goes wherever kube-proxy sends it, and
  kube-proxy has no route to a Pod's own IP.

  Background:
    Given these nodes:
      | name   | ip           |
      | node-1 | 192.168.1.10 |
      | node-2 | 192.168.1.11 |
    And these pods:
      | name  | labels  | ip       | ports     | node   |
      | web-1 | app=web | 10.1.0.1 | http=8080 | node-1 |
    And the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: web }
      spec:
        selector: { app: web }
        clusterIP: 10.0.0.20
        ports:
          - { port: 80, targetPort: http }
      """

  @SVC-8 @SVC-2
  Scenario: without a NodePort Service, nothing from outside leads to the Pod
    Then a pod in the cluster reaches "web-1:8080" through "10.0.0.20:80"
    And a client outside the cluster cannot reach "10.1.0.1:8080"
    And a client outside the cluster cannot reach "192.168.1.10:80"
    And a client outside the cluster cannot reach "192.168.1.10:8080"

  @SVC-8 @SVC-7
  Scenario: a NodePort Service exposes the Pod on every node
    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: web-public }
      spec:
        type: NodePort
        selector: { app: web }
        clusterIP: 10.0.0.21
        ports:
          - { port: 80, targetPort: http, nodePort: 30080 }
      """
    Then a client outside the cluster reaches "web-1:8080" through "192.168.1.10:30080"
    And a client outside the cluster reaches "web-1:8080" through "192.168.1.11:30080"
    But a client outside the cluster cannot reach "10.1.0.1:8080"
