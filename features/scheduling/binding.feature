@scheduling @control-plane
Feature: The scheduler binds new pods through the API server
  End to end, through the objects capability only: the nodes and a pod without a node are created through the
  API server, and the scheduler, a component that watches the API server, must notice the pod, choose a node
  and store the binding, which then shows as the pod's spec.nodeName. An unschedulable pod gets the condition
  PodScheduled=False with the scheduler's message (upstream adds ` preemption: ...` after it when its
  preemption plugin ran, so only the start is compared). Each step waits up to 5 seconds.

  @SCH-1 @FLOW-3
  Scenario: a new pod with no node is given one
    Given the cluster has these nodes:
      | name   |
      | node-a |
    When the pod is created through the API server:
      | name |
      | web  |
    Then it goes to "node-a"

  @SCH-4 @FLOW-3 @SCH-2
  Scenario: the binding names the node that fits
    Given the cluster has these nodes:
      | name  | cpu |
      | small | 1   |
      | large | 4   |
    When the pod is created through the API server:
      | name | cpu |
      | web  | 2   |
    Then it goes to "large"

  @SCH-4 @SCH-3 @FLOW-3
  Scenario: the binding names the highest-scoring node
    Given the cluster has these nodes:
      | name | cpu |
      | busy | 4   |
      | idle | 4   |
    And these pods are running:
      | name  | node | cpu |
      | batch | busy | 3   |
    When the pod is created through the API server:
      | name | cpu  |
      | web  | 500m |
    Then it goes to "idle"

  @SCH-1 @SCH-3 @FLOW-3
  Scenario: every new pod is given a node, and replicas of one controller are spread
    Given the cluster has these nodes:
      | name   |
      | node-1 |
      | node-2 |
      | node-3 |
    When these pods are created through the API server one after another:
      | name  | owner          | labels  |
      | web-1 | ReplicaSet/web | app=web |
      | web-2 | ReplicaSet/web | app=web |
      | web-3 | ReplicaSet/web | app=web |
    Then each node runs 1 of them

  @SCH-1 @SCH-2
  Scenario: a pod no node can take is marked unschedulable, then bound when a node that fits joins
    Given the cluster has these nodes:
      | name  | cpu |
      | small | 1   |
    When the pod is created through the API server:
      | name | cpu |
      | web  | 2   |
    Then it is unschedulable with a message starting "0/1 nodes are available: 1 Insufficient cpu."
    When these nodes join the cluster:
      | name  | cpu |
      | large | 4   |
    Then it goes to "large"
