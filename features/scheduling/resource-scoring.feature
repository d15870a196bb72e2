@scheduling
Feature: Among the nodes that fit, the least-loaded and best-balanced win
  Scoring ranks the feasible nodes and the highest total wins. NodeResourcesFit's LeastAllocated score favours
  the node with the largest share of cpu and memory still free once the pod is placed (a container that
  requests nothing counts as 100m cpu and 200Mi memory). NodeResourcesBalancedAllocation favours the node
  whose cpu and memory would be used in the most similar proportions.

  @SCH-3 @SCH-4
  Scenario: the node with the most free cpu wins
    Given the cluster has these nodes:
      | name   |
      | busy   |
      | idle   |
    And these pods are running:
      | name  | node | cpu |
      | batch | busy | 3   |
    When the pod is scheduled:
      | name | cpu  |
      | web  | 500m |
    Then it goes to "idle"

  @SCH-3 @SCH-4
  Scenario: memory counts as much as cpu
    Given the cluster has these nodes:
      | name   |
      | busy   |
      | idle   |
    And these pods are running:
      | name  | node | memory |
      | cache | busy | 6Gi    |
    When the pod is scheduled:
      | name | memory |
      | web  | 512Mi  |
    Then it goes to "idle"

  @SCH-3 @SCH-4
  Scenario: pods that request nothing still count, so they spread
    Given the cluster has these nodes:
      | name   |
      | node-a |
      | node-b |
    And these pods are running:
      | name | node   |
      | p1   | node-a |
      | p2   | node-a |
    When the pod is scheduled:
      | name |
      | p3   |
    Then it goes to "node-b"

  @SCH-3 @SCH-4
  Scenario: a bigger node is less loaded by the same pods
    Given the cluster has these nodes:
      | name  | cpu | memory |
      | small | 2   | 4Gi    |
      | large | 8   | 16Gi   |
    When the pod is scheduled:
      | name | cpu | memory |
      | web  | 1   | 1Gi    |
    Then it goes to "large"

  @SCH-3 @SCH-4
  Scenario: when the free share is equal, the node used in balanced proportions wins
    Given the cluster has these nodes:
      | name     |
      | balanced |
      | lopsided |
    And these pods are running:
      | name | node     | cpu   | memory |
      | p1   | balanced | 1500m | 3Gi    |
      | p2   | lopsided | 2500m | 1Gi    |
    When the pod is scheduled:
      | name | cpu  | memory |
      | web  | 500m | 1Gi    |
    Then it goes to "balanced"
