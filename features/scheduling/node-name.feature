@scheduling
Feature: A pod that names its node
  A pod whose spec.nodeName is set fits only that node (the NodeName filter), whatever the other nodes score.
  Upstream's scheduler never sees such a pod: it is bound when it is created, and the kubelet of that node
  admits it or not. The scheduler's own verdict on such a pod is checked through the scheduling capability only.

  Background:
    Given the cluster has these nodes:
      | name   | cpu |
      | node-a | 2   |
      | node-b | 16  |

  @SCH-2 @SCH-5
  Scenario: the pod goes to the node it names even when another node is emptier
    When the pod is scheduled:
      | name   | node   | cpu |
      | pinned | node-a | 1   |
    Then it goes to "node-a"

  @SCH-2
  Scenario: the pod names a node that cannot hold it, and no other node is considered
    When the scheduler is asked to place the pod:
      | name   | node   | cpu |
      | pinned | node-a | 4   |
    Then node "node-a" was rejected because "Insufficient cpu"
    And node "node-b" was rejected because "node(s) didn't match the requested node name"
