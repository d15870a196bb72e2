@scheduling
Feature: Host ports keep workloads that would collide apart
  A container port bound on the host (hostPort) can be used by one pod per node: the scheduler filters out a
  node where the same protocol and port is already taken on the same host IP. No hostIP (0.0.0.0) means every
  IP of the node, so it collides with the port on any IP. This is one way the scheduler avoids interference
  between workloads.

  Background:
    Given the cluster has these nodes:
      | name   |
      | node-a |
      | node-b |

  @SCH-2 @SCH-5
  Scenario: a pod goes to the node where its host port is free
    Given these pods are running:
      | name    | node   | ports |
      | ingress | node-a | 8080  |
    When the pod is scheduled:
      | name      | ports |
      | ingress-2 | 8080  |
    Then it goes to "node-b"

  @SCH-2 @SCH-5
  Scenario: the same port number with another protocol does not collide
    Given these pods are running:
      | name | node   | ports    |
      | dns  | node-a | 53/UDP   |
      | dns2 | node-b | 53/UDP   |
    When the pod is scheduled:
      | name    | ports  |
      | dns-tcp | 53/TCP |
    Then it goes to one of "node-a, node-b"

  @SCH-2 @SCH-5
  Scenario: the same port on two different host IPs does not collide
    Given these pods are running:
      | name  | node   | ports         |
      | left  | node-a | 10.0.0.1:8080 |
      | left2 | node-b | 10.0.0.1:8080 |
    When the pod is scheduled:
      | name  | ports         |
      | right | 10.0.0.2:8080 |
    Then it goes to one of "node-a, node-b"

  @SCH-2 @SCH-5
  Scenario: a port on every IP collides with the same port on one IP
    Given these pods are running:
      | name  | node   | ports         |
      | left  | node-a | 10.0.0.1:8080 |
      | left2 | node-b | 10.0.0.1:8080 |
    When the pod is scheduled:
      | name | ports |
      | all  | 8080  |
    Then it is unschedulable with "0/2 nodes are available: 2 node(s) didn't have free ports for the requested pod ports."
