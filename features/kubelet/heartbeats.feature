@kubelet
Feature: Node heartbeats, and what happens to a node whose kubelet falls silent
  Every kubelet sends a heartbeat every few seconds: it renews its node's Lease every 10 seconds and
  reports the node's status, with the condition Ready. The node lifecycle controller watches the
  heartbeats. A node not heard from for the grace period (50 seconds) becomes Unknown and is tainted
  unreachable; its pods are marked not ready, and are evicted once their toleration of the taint runs
  out (300 seconds unless the pod says otherwise). A pod that tolerates the taint longer stays.

  Background:
    Given a cluster with the nodes "node-a, node-b"
    And a namespace "shop"

  @NODE-3
  Scenario: a running kubelet keeps its node Ready
    When 5 minutes pass
    Then the Ready condition of node "node-a" is True
    And the Ready condition of node "node-a" says "kubelet is posting ready status"
    And the node "node-a" has the taints "none"

  @NODE-3
  Scenario: a node whose kubelet stops is marked unhealthy after the grace period
    When the kubelet of node "node-a" stops
    And 40 seconds pass
    Then the Ready condition of node "node-a" is True
    When 15 seconds pass
    Then the Ready condition of node "node-a" is Unknown
    And the Ready condition of node "node-a" says "Kubelet stopped posting node status."
    And the node "node-a" has the taints "node.kubernetes.io/unreachable:NoSchedule, node.kubernetes.io/unreachable:NoExecute"
    And the Ready condition of node "node-b" is True

  @NODE-3
  Scenario: a kubelet that starts again makes its node Ready again
    Given the kubelet of node "node-a" stops
    And 2 minutes pass
    When the kubelet of node "node-a" starts again
    Then within 15 seconds the Ready condition of node "node-a" is True
    And within 5 seconds the node "node-a" has the taints "none"

  @NODE-3
  Scenario: the pods of a silent node are evicted when their toleration runs out
    Given these objects exist:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: impatient, namespace: shop }
      spec:
        nodeSelector: { pool: doomed }
        tolerations: [{ key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 30 }]
        containers: [{ name: app, image: "nginx:1.25" }]
      ---
      apiVersion: v1
      kind: Pod
      metadata: { name: patient, namespace: shop }
      spec:
        nodeSelector: { pool: doomed }
        tolerations: [{ key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute }]
        containers: [{ name: app, image: "nginx:1.25" }]
      """
    And the node "node-a" is labelled "pool=doomed"
    And within 10 seconds the pod "impatient" in "shop" is Running
    When the kubelet of node "node-a" stops
    And 60 seconds pass
    Then the pods in "shop" are:
      | pod       | phase   | ready |
      | impatient | Running | False |
      | patient   | Running | False |
    When 25 seconds pass
    Then the pod "impatient" in "shop" no longer exists
    And the pod "patient" in "shop" is Running

  @NODE-3
  Scenario: a kubelet cut off from the API server is a silent node too
    When the kubelet of node "node-a" is cut off from the API server
    And 60 seconds pass
    Then the Ready condition of node "node-a" is Unknown
    When the kubelet of node "node-a" starts again
    Then within 15 seconds the Ready condition of node "node-a" is True

  @NODE-3 @FLOW-2
  Scenario: the cluster's state survives an API server restart
    Given these objects exist:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web, namespace: shop }
      spec: { containers: [{ name: web, image: "nginx:1.25" }] }
      """
    And within 10 seconds the pod "web" in "shop" is Running
    When the API server restarts
    And 2 minutes pass
    Then the pod "web" in "shop" is Running
    And the Ready condition of node "node-a" is True
    And the Ready condition of node "node-b" is True
