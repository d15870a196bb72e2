@services @control-plane
Feature: The endpoints controller keeps each Service's Endpoints up to date
  The endpoints controller watches Services and Pods through the API server and writes, for every
  Service with a selector, an Endpoints object of the same name and namespace. It follows every
  change: a Pod that becomes ready or not ready, appears or is deleted, and the Service's own
  deletion. These scenarios run against a whole control plane through the `objects` capability:
  they create the objects, write each Pod's status as its kubelet would, and read the Endpoints
  back, waiting up to a few seconds for the controller.

  Background:
    Given these pods:
      | name  | labels  | ip       | ready | ports     |
      | web-1 | app=web | 10.1.0.1 | yes   | http=8080 |
      | web-2 | app=web | 10.1.0.2 | yes   | http=8080 |
      | api-1 | app=api | 10.1.0.3 | yes   | http=8080 |
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

  @SVC-4 @SVC-3
  Scenario: the Endpoints follow the Pods' readiness and deletion
    When they are created through the API
    Then within 5 seconds the Endpoints "web" are:
      | pod   | ip       | ready | ports     |
      | web-1 | 10.1.0.1 | yes   | http=8080 |
      | web-2 | 10.1.0.2 | yes   | http=8080 |
    When the pod "web-2" stops being ready
    Then within 5 seconds the Endpoints "web" are:
      | pod   | ip       | ready | ports     |
      | web-1 | 10.1.0.1 | yes   | http=8080 |
      | web-2 | 10.1.0.2 | no    | http=8080 |
    When the pod "web-1" is deleted through the API
    Then within 5 seconds the Endpoints "web" are:
      | pod   | ip       | ready | ports     |
      | web-2 | 10.1.0.2 | no    | http=8080 |
    When the pod "web-2" becomes ready
    Then within 5 seconds the Endpoints "web" are:
      | pod   | ip       | ready | ports     |
      | web-2 | 10.1.0.2 | yes   | http=8080 |

  @SVC-4
  Scenario: deleting a Service deletes its Endpoints
    When they are created through the API
    Then within 5 seconds the Endpoints "web" are:
      | pod   | ip       | ready | ports     |
      | web-1 | 10.1.0.1 | yes   | http=8080 |
      | web-2 | 10.1.0.2 | yes   | http=8080 |
    When the service "web" is deleted through the API
    Then within 5 seconds the API holds no Endpoints "web"
