@services @control-plane
Feature: The running cluster DNS follows the Services and EndpointSlices of the cluster
  Cluster DNS (CoreDNS on most clusters) runs as an add-on behind the kube-dns Service in
  kube-system, and learns about Services and their endpoints by watching the API server. These
  scenarios create objects through the `objects` capability and then ask the implementation's
  running DNS for fully qualified names, `<service>.<namespace>.svc.cluster.local`, waiting up to a
  few seconds for the change to reach it. The Pods are bound to a Node that has no kubelet, and
  their status is written as a kubelet would. An implementation without a running DNS it can be
  asked answers NotApplicable.

  @ADD-1 @NS-4
  Scenario: the DNS add-on's own Service lives in kube-system and resolves like any other
    Then within 10 seconds the running cluster DNS resolves "kube-dns.kube-system.svc.cluster.local" to the cluster IP of the Service "kube-dns" in namespace "kube-system"

  @SVC-6
  Scenario: a Service's name resolves to the cluster IP the API gave it, until the Service is deleted
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
    When they are created through the API
    Then within 5 seconds the running cluster DNS resolves the service "web" to its cluster IP
    When the service "web" is deleted through the API
    Then within 5 seconds the running cluster DNS resolves the service "web" to "nothing"

  @SVC-6
  Scenario: a headless Service's name resolves to its ready Pods, following readiness
    Given the service:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: db }
      spec:
        clusterIP: None
        selector: { app: db }
        ports:
          - { name: pg, port: 5432 }
      """
    And these pods:
      | name | labels | ip       | ready | ports   |
      | db-0 | app=db | 10.1.0.1 | yes   | pg=5432 |
      | db-1 | app=db | 10.1.0.2 | no    | pg=5432 |
    And the pods run on the node "n1", which has no kubelet
    When they are created through the API
    Then within 5 seconds the running cluster DNS resolves the service "db" to "db-0"
    When the pod "db-1" becomes ready
    Then within 5 seconds the running cluster DNS resolves the service "db" to "db-0, db-1"
    When the pod "db-0" stops being ready
    Then within 5 seconds the running cluster DNS resolves the service "db" to "db-1"
