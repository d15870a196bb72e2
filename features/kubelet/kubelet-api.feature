@kubelet
Feature: The API server calls the kubelet; the kubelet leaves other containers alone
  `kubectl logs` and `kubectl exec` go to the API server, which calls the kubelet API of the pod's
  node: the kubelet reads the container's log from the runtime, or runs the command in it. The
  kubelet manages only the containers it created for pods: a container started on the node by
  anything else is neither stopped nor reported.

  Background:
    Given a cluster with the nodes "node-a"
    And a namespace "shop"

  @NODE-4
  Scenario: the logs of a container come from its kubelet, through the API server
    Given these objects exist:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: greeter, namespace: shop }
      spec:
        containers: [{ name: app, image: busybox, command: [sim, log, "hello from greeter", ";", log, "still here", after, 5s] }]
      """
    When 10 seconds pass
    Then the logs of pod "greeter" in "shop" are:
      """
      hello from greeter
      still here
      """
    And the trace shows the API server was asked for the logs of pod "greeter" in "shop"

  @NODE-4
  Scenario: no logs yet while the image is being pulled
    Given these objects exist:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: fresh, namespace: shop }
      spec: { containers: [{ name: app, image: "nginx:1.25" }] }
      """
    Then asking for the logs of pod "fresh" in "shop" fails with "container \"app\" in pod \"fresh\" is waiting to start: ContainerCreating"

  @NODE-4
  Scenario: a command runs in the container through the API server
    Given these objects exist:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web, namespace: shop }
      spec: { containers: [{ name: app, image: "nginx:1.25" }] }
      """
    When within 10 seconds the pod "web" in "shop" is Running
    Then "echo hi there" in pod "web" in "shop" prints "hi there"

  @NODE-2
  Scenario: a container started outside Kubernetes is left alone
    Given a container "monitoring-agent" of image "datadog/agent:7" was started on node "node-a" outside Kubernetes
    And these objects exist:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web, namespace: shop }
      spec: { containers: [{ name: app, image: "nginx:1.25" }] }
      """
    When within 10 seconds the pod "web" in "shop" is Running
    And I delete the pod "web" in "shop"
    And 10 seconds pass
    Then node "node-a" runs the containers:
      | name             | image          | state             | managed by |
      | monitoring-agent | datadog/agent:7 | CONTAINER_RUNNING | foreign    |
