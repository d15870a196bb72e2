@services @control-plane
Feature: A running kube-proxy follows the Services and Endpoints of the cluster
  kube-proxy learns about Services and Endpoints by watching the API server, like every other
  component. These scenarios create a Service and its Pods through the `objects` capability, write
  each Pod's status as its kubelet would, and then ask the implementation's running kube-proxy
  where connections to the Service's cluster IP (the one the API gave it) go, waiting up to a few
  seconds for the change to reach it. An implementation without a running proxy it can be asked
  answers NotApplicable.

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
