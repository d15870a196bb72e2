@scheduling
Feature: Pod affinity and anti-affinity place pods near or away from other pods
  Required pod affinity puts a pod in a topology domain (a node, a zone: the nodes sharing the value of the
  topology key) that already runs pods matching a label selector; required anti-affinity keeps it out of any
  domain that runs such pods, and the anti-affinity of pods already running is honoured the same way for the
  pod being scheduled. Preferred terms only change scores. Tables write a required term as
  `<labels> by <hostname|zone>`. Where several nodes qualify, upstream may pick any (ties at random).

  Background:
    Given the cluster has these nodes:
      | name | zone   |
      | a1   | zone-a |
      | a2   | zone-a |
      | b1   | zone-b |
    And these pods are running:
      | name    | node | labels    |
      | cache-1 | a1   | app=cache |

  @SCH-2 @SCH-5
  Scenario: affinity by hostname puts the pod on the node running the matching pod
    When the pod is scheduled:
      | name | labels  | affinity              |
      | web  | app=web | app=cache by hostname |
    Then it goes to "a1"

  @SCH-2 @SCH-5
  Scenario: affinity by zone allows any node of the zone
    When the pod is scheduled:
      | name | labels  | affinity          |
      | web  | app=web | app=cache by zone |
    Then it goes to one of "a1, a2"

  @SCH-2 @SCH-5
  Scenario: affinity to pods that run nowhere leaves the pod unschedulable
    When the pod is scheduled:
      | name | labels  | affinity           |
      | web  | app=web | app=search by zone |
    Then it is unschedulable with "0/3 nodes are available: 3 node(s) didn't match pod affinity rules."

  @SCH-2 @SCH-5
  Scenario: the first pod of a group with affinity to its own labels may go anywhere
    When the pod is scheduled:
      | name  | labels  | affinity            |
      | web-1 | app=web | app=web by hostname |
    Then it goes to one of "a1, a2, b1"

  @SCH-2 @SCH-5
  Scenario: anti-affinity by hostname keeps the pod off the node running the matching pod
    When the pod is scheduled:
      | name    | labels    | anti-affinity         |
      | cache-2 | app=cache | app=cache by hostname |
    Then it goes to one of "a2, b1"

  @SCH-2 @SCH-5
  Scenario: anti-affinity by zone keeps the pod out of the whole zone
    When the pod is scheduled:
      | name    | labels    | anti-affinity     |
      | cache-2 | app=cache | app=cache by zone |
    Then it goes to "b1"

  @SCH-2 @SCH-5
  Scenario: the anti-affinity of a running pod keeps matching pods out of its domain
    Given these pods are running:
      | name | node | labels | anti-affinity   |
      | db-1 | b1   | app=db | app=web by zone |
    When the pod is scheduled:
      | name | labels  |
      | web  | app=web |
    Then it goes to one of "a1, a2"

  @SCH-2 @SCH-5
  Scenario: anti-affinity that every node violates
    Given these pods are running:
      | name    | node | labels    |
      | cache-2 | a2   | app=cache |
      | cache-3 | b1   | app=cache |
    When the pod is scheduled:
      | name    | labels    | anti-affinity         |
      | cache-4 | app=cache | app=cache by hostname |
    Then it is unschedulable with "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules."

  @SCH-2 @SCH-5
  Scenario: a running pod's anti-affinity is reported as such
    Given these pods are running:
      | name | node | labels | anti-affinity       |
      | db-1 | a1   | app=db | app=web by hostname |
      | db-2 | a2   | app=db | app=web by hostname |
      | db-3 | b1   | app=db | app=web by hostname |
    When the pod is scheduled:
      | name | labels  |
      | web  | app=web |
    Then it is unschedulable with "0/3 nodes are available: 3 node(s) didn't satisfy existing pods anti-affinity rules."

  @SCH-3 @SCH-5
  Scenario: preferred affinity draws the pod to the matching pod's node
    When the pod is scheduled:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web, labels: { app: web } }
      spec:
        containers: [{ name: web, image: web:1 }]
        affinity:
          podAffinity:
            preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 100
                podAffinityTerm:
                  labelSelector: { matchLabels: { app: cache } }
                  topologyKey: kubernetes.io/hostname
      """
    Then it goes to "a1"

  @SCH-3 @SCH-5
  Scenario: preferred anti-affinity steers the pod away from the matching pod's zone
    When the pod is scheduled:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web, labels: { app: web } }
      spec:
        containers: [{ name: web, image: web:1 }]
        affinity:
          podAntiAffinity:
            preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 100
                podAffinityTerm:
                  labelSelector: { matchLabels: { app: cache } }
                  topologyKey: topology.kubernetes.io/zone
      """
    Then it goes to "b1"
