@scheduling
Feature: Data locality: nodes that already hold the pod's images score higher
  ImageLocality scores a node by the size of the pod's images it already has, scaled by how many nodes have
  them (so that pods do not all pile onto the one node with the image). Images below 23MB per container earn
  nothing; an image name without a tag means `:latest`.

  @SCH-3 @SCH-5
  Scenario: the node with the big image wins
    Given the cluster has these nodes:
      | name   | images                 |
      | cold   |                        |
      | warm   | ml/model:2 (800Mi)     |
    When the pod is scheduled:
      | name  | images     |
      | infer | ml/model:2 |
    Then it goes to "warm"

  @SCH-3 @SCH-5
  Scenario: a tiny image earns nothing, so a less loaded node wins
    Given the cluster has these nodes:
      | name   | images              |
      | cold   |                     |
      | warm   | busybox:1.36 (4Mi)  |
    And these pods are running:
      | name  | node | cpu  |
      | batch | warm | 1    |
    When the pod is scheduled:
      | name | images       |
      | tool | busybox:1.36 |
    Then it goes to "cold"

  @SCH-3 @SCH-5
  Scenario: an image without a tag is the latest one
    Given the cluster has these nodes:
      | name   | images                  |
      | cold   |                         |
      | warm   | redis:latest (300Mi)    |
    When the pod is scheduled:
      | name  | images |
      | cache | redis  |
    Then it goes to "warm"
