@flow
Feature: The Pod creation flow
  A user creates a Pod through the API server, in YAML or JSON, directly or with kubectl. The API
  server authenticates the user and writes the Pod to etcd. The scheduler sees a Pod without a node,
  picks a node and binds the Pod to it. The kubelet of that node sees the Pod, runs its containers
  through the container runtime, reads their status and writes the Pod's status back to the API
  server. Only the API server reads and writes etcd: every other component watches the API server
  and changes state through its REST API.

  Background:
    Given a cluster with the nodes "node-a, node-b"
    And a namespace "shop"

  @FLOW-1 @FLOW-2 @FLOW-3 @FLOW-4 @FLOW-5 @POD-2
  Scenario: a Pod created from YAML is stored, scheduled, started and reported Running
    When I create:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web, namespace: shop }
      spec: { containers: [{ name: web, image: "nginx:1.25" }] }
      """
    Then the create succeeds
    And within 10 seconds the pod "web" in "shop" is Running
    And the pod "web" in "shop" runs on one of the cluster's nodes
    And the pod "web" in "shop" has the conditions:
      | type            | status |
      | PodScheduled    | True   |
      | Initialized     | True   |
      | ContainersReady | True   |
      | Ready           | True   |
    And the trace shows the flow of pod "web" in "shop" in this order:
      | the user asked the API server to create the pod |
      | the API server stored the pod                   |
      | the scheduler bound the pod to a node           |
      | the kubelet of that node received the pod       |
      | the kubelet started the containers              |
      | the kubelet reported the pod Running            |

  @FLOW-6
  Scenario: only the API server touches the store; the other components use its REST API
    When I create:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web, namespace: shop }
      spec: { containers: [{ name: web, image: "nginx:1.25" }] }
      """
    Then within 10 seconds the pod "web" in "shop" is Running
    And only the API server read or wrote the store
    And the scheduler and the kubelet changed the pod "web" in "shop" through API requests

  @FLOW-1 @FLOW-5
  Scenario: a Pod created from JSON runs to completion and is reported Succeeded
    When I create:
      """
      {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "job", "namespace": "shop"},
       "spec": {"restartPolicy": "Never", "containers": [{"name": "main", "image": "busybox", "command": ["sleep", "5s"]}]}}
      """
    Then within 10 seconds the pod "job" in "shop" is Running
    And within 10 seconds the pod "job" in "shop" is Succeeded
    And the container "main" of pod "job" in "shop" is terminated after 0 restarts
