@scheduling
Feature: Replicas of one controller are spread across nodes and zones
  A pod with no spread constraints of its own gets upstream's defaults: its controller's pods (ReplicaSet,
  StatefulSet...) are spread across hostnames and zones as a preference (ScheduleAnyway), so that losing one
  node or one zone loses as few replicas as possible. Each replica is scheduled after the ones before it are
  placed.

  @SCH-3 @SCH-4
  Scenario: six replicas over three nodes land two per node
    Given the cluster has these nodes:
      | name   |
      | node-1 |
      | node-2 |
      | node-3 |
    When these pods are scheduled one after another:
      | name  | owner          | labels  |
      | web-1 | ReplicaSet/web | app=web |
      | web-2 | ReplicaSet/web | app=web |
      | web-3 | ReplicaSet/web | app=web |
      | web-4 | ReplicaSet/web | app=web |
      | web-5 | ReplicaSet/web | app=web |
      | web-6 | ReplicaSet/web | app=web |
    Then each node runs 2 of them

  @SCH-3 @SCH-4
  Scenario: replicas are spread across zones as well as nodes
    Given the cluster has these nodes:
      | name | zone   |
      | a1   | zone-a |
      | a2   | zone-a |
      | a3   | zone-a |
      | b1   | zone-b |
    When these pods are scheduled one after another:
      | name  | owner          | labels  |
      | web-1 | ReplicaSet/web | app=web |
      | web-2 | ReplicaSet/web | app=web |
    Then each zone runs 1 of them

  @SCH-3 @SCH-4
  Scenario: a new replica avoids the node that already runs one (ties broken at random)
    Given the cluster has these nodes:
      | name   |
      | node-1 |
      | node-2 |
      | node-3 |
    And these pods are running:
      | name  | node   | owner          | labels  |
      | web-1 | node-1 | ReplicaSet/web | app=web |
    When the pod is scheduled:
      | name  | owner          | labels  |
      | web-2 | ReplicaSet/web | app=web |
    Then it goes to one of "node-2, node-3"

  @SCH-3 @SCH-4
  Scenario: pods of another controller do not hold a replica back
    Given the cluster has these nodes:
      | name   |
      | node-1 |
      | node-2 |
    And these pods are running:
      | name  | node   | owner          | labels  |
      | web-1 | node-1 | ReplicaSet/web | app=web |
      | db-1  | node-2 | ReplicaSet/db  | app=db  |
      | db-2  | node-2 | ReplicaSet/db  | app=db  |
    When the pod is scheduled:
      | name  | owner          | labels  | cpu |
      | web-2 | ReplicaSet/web | app=web | 1   |
    Then it goes to "node-2"
