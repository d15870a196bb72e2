@scheduling
Feature: Cordoned nodes take no new pods
  `kubectl cordon` sets spec.unschedulable on a node. The scheduler then filters the node out, except for pods
  that tolerate the `node.kubernetes.io/unschedulable:NoSchedule` taint (as DaemonSet pods do).

  @SCH-2 @SCH-5
  Scenario: a cordoned node is skipped
    Given the cluster has these nodes:
      | name   | unschedulable |
      | node-a | yes           |
      | node-b | no            |
    When the pod is scheduled:
      | name |
      | web  |
    Then it goes to "node-b"

  @SCH-2 @SCH-5
  Scenario: when every node is cordoned the pod waits
    Given the cluster has these nodes:
      | name   | unschedulable |
      | node-a | yes           |
      | node-b | yes           |
    When the pod is scheduled:
      | name |
      | web  |
    Then it is unschedulable with "0/2 nodes are available: 2 node(s) were unschedulable."
    And node "node-a" was rejected because "node(s) were unschedulable"

  @SCH-2 @SCH-5
  Scenario: a pod that tolerates the unschedulable taint may still go to a cordoned node
    Given the cluster has these nodes:
      | name   | unschedulable |
      | node-a | yes           |
    When the pod is scheduled:
      | name       | tolerations                                  |
      | node-agent | node.kubernetes.io/unschedulable:NoSchedule |
    Then it goes to "node-a"
