@services @control-plane
Feature: A running kube-proxy follows the Services and EndpointSlices of the cluster
  kube-proxy learns about Services and their endpoints by watching the API server, like every other
  component; upstream's kube-proxy reads the EndpointSlices, which also say which endpoints are
  terminating. These scenarios create a Service and its Pods through the `objects` capability, bind
  the Pods to a Node that has no kubelet, write each Pod's status as its kubelet would, and then ask
  the implementation's running kube-proxy where connections to the Service's cluster IP (the one
  the API gave it) go, waiting up to a few seconds for the change to reach it. An implementation
  without a running proxy it can be asked answers NotApplicable.

  Background:
    Given these pods:
      | name  | labels  | ip       | ready | ports     |
      | web-1 | app=web | 10.1.0.1 | yes   | http=8080 |
      | web-2 | app=web | 10.1.0.2 | no    | http=8080 |
      | web-3 | app=web | 10.1.0.3 | yes   | http=8081 |
    And the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: web }
      spec:
        selector: { app: web }
        ports:
          - { name: http, port: 80, targetPort: http }
      """
    And the pods run on the node "n1", which has no kubelet

  @SVC-5
  Scenario: connections to the cluster IP reach only the ready pods, and follow readiness changes
    When they are created through the API
    Then within 5 seconds the running kube-proxy spreads 300 connections to port 80 of the service "web" evenly over "web-1:8080, web-3:8081"
    When the pod "web-1" stops being ready
    And the pod "web-2" becomes ready
    Then within 5 seconds the running kube-proxy spreads 300 connections to port 80 of the service "web" evenly over "web-2:8080, web-3:8081"

  @SVC-5
  Scenario: a Service whose pods all stop being ready, and then the Service itself, stop answering
    When they are created through the API
    Then within 5 seconds the running kube-proxy spreads 10 connections to port 80 of the service "web" evenly over "web-1:8080, web-3:8081"
    When the pod "web-1" stops being ready
    And the pod "web-3" stops being ready
    Then within 5 seconds the running kube-proxy refuses connections to port 80 of the service "web" because it has "no endpoints"
    When the service "web" is deleted through the API
    Then within 5 seconds the running kube-proxy refuses connections to port 80 of the service "web" because it has "no such port"

  @SVC-5
  Scenario: while no endpoint is ready, connections go to the terminating ones that still serve
    A Pod being deleted stops being ready at once, but may still serve while it shuts down. Rather
    than refuse connections, kube-proxy falls back to such endpoints when a Service has no ready one
    (upstream's ProxyTerminatingEndpoints, on by default since v1.26).

    When they are created through the API
    And the pod "web-1" starts terminating
    Then within 5 seconds the running kube-proxy spreads 10 connections to port 80 of the service "web" evenly over "web-3:8081"
    When the pod "web-3" starts terminating
    Then within 5 seconds the running kube-proxy spreads 10 connections to port 80 of the service "web" evenly over "web-1:8080, web-3:8081"
    When the pod "web-1" stops being ready
    Then within 5 seconds the running kube-proxy spreads 10 connections to port 80 of the service "web" evenly over "web-3:8081"
    When the pod "web-3" finishes terminating
    Then within 5 seconds the running kube-proxy refuses connections to port 80 of the service "web" because it has "no endpoints"
