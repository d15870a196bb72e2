@scheduling
Feature: An unschedulable pod says why, node by node
  When no node passes every filter, the pod stays pending with upstream's message: `0/N nodes are available:`
  followed by how many nodes failed for each reason. The "count reason" parts are sorted byte-wise as strings
  (so `1 node(s) ...` comes before `2 Insufficient cpu`, and `1 Insufficient memory` before `1 node(s) ...`).
  A node is reported for the first filter it fails; resources report every resource that is short.

  @SCH-2 @SCH-5
  Scenario: resources and a taint, counted per reason
    Given the cluster has these nodes:
      | name   | cpu | taints                   |
      | node-a | 1   |                          |
      | node-b | 1   |                          |
      | gpu    | 8   | dedicated=gpu:NoSchedule |
    When the pod is scheduled:
      | name | cpu |
      | web  | 2   |
    Then it is unschedulable with "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 2 Insufficient cpu."
    And node "node-a" was rejected because "Insufficient cpu"
    And node "gpu" was rejected because "node(s) had untolerated taint {dedicated: gpu}"

  @SCH-2 @SCH-5
  Scenario: four nodes, four different reasons
    Given the cluster has these nodes:
      | name      | memory | labels       | taints                   | unschedulable |
      | cordoned  | 8Gi    | disktype=ssd |                          | yes           |
      | tainted   | 8Gi    | disktype=ssd | dedicated=gpu:NoSchedule |               |
      | spinning  | 8Gi    | disktype=hdd |                          |               |
      | small     | 1Gi    | disktype=ssd |                          |               |
    When the pod is scheduled:
      | name | memory | node selector |
      | db   | 2Gi    | disktype=ssd  |
    Then it is unschedulable with "0/4 nodes are available: 1 Insufficient memory, 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) were unschedulable."
    And node "cordoned" was rejected because "node(s) were unschedulable"
    And node "tainted" was rejected because "node(s) had untolerated taint {dedicated: gpu}"
    And node "spinning" was rejected because "node(s) didn't match Pod's node affinity/selector"
    And node "small" was rejected because "Insufficient memory"

  @SCH-2
  Scenario: a cluster without nodes
    When the pod is scheduled:
      | name |
      | web  |
    Then it is unschedulable with "no nodes available to schedule pods"
