@scheduling
Feature: Taints keep pods off nodes unless the pods tolerate them
  A taint `key=value:Effect` on a node repels pods. With NoSchedule or NoExecute the node is filtered out for a
  pod that does not tolerate the taint; with PreferNoSchedule the node only scores lower. A toleration with
  operator Equal (written `key=value:Effect` in the tables) matches a taint with the same key and value;
  Exists (`key:Effect`) matches any value; a toleration without an effect matches every effect, and `*` (Exists
  without a key) tolerates every taint.

  @SCH-2 @SCH-5
  Scenario Outline: a <effect> taint keeps pods that do not tolerate it away
    Given the cluster has these nodes:
      | name   | taints                 |
      | gpu    | dedicated=gpu:<effect> |
      | plain  |                        |
    When the pod is scheduled:
      | name |
      | web  |
    Then it goes to "plain"

    Examples:
      | effect     |
      | NoSchedule |
      | NoExecute  |

  @SCH-2 @SCH-5
  Scenario: the only node is tainted and the pod does not tolerate it
    Given the cluster has these nodes:
      | name | taints                  |
      | gpu  | dedicated=gpu:NoSchedule |
    When the pod is scheduled:
      | name |
      | web  |
    Then it is unschedulable with "0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}."
    And node "gpu" was rejected because "node(s) had untolerated taint {dedicated: gpu}"

  @SCH-2 @SCH-5
  Scenario Outline: toleration <toleration> against the taint dedicated=gpu:NoSchedule
    Given the cluster has these nodes:
      | name | taints                   |
      | gpu  | dedicated=gpu:NoSchedule |
    When the pod is scheduled:
      | name  | tolerations  |
      | train | <toleration> |
    Then <outcome>

    Examples: tolerations that match
      | toleration               | outcome                |
      | dedicated=gpu:NoSchedule | it goes to "gpu"       |
      | dedicated:NoSchedule     | it goes to "gpu"       |
      | dedicated=gpu            | it goes to "gpu"       |
      | dedicated                | it goes to "gpu"       |
      | *                        | it goes to "gpu"       |

    Examples: tolerations that do not match
      | toleration                      | outcome                                                                                           |
      | dedicated=tpu:NoSchedule        | it is unschedulable with "0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}." |
      | dedicated=gpu:PreferNoSchedule  | it is unschedulable with "0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}." |
      | team=gpu:NoSchedule             | it is unschedulable with "0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}." |

  @SCH-2 @SCH-5
  Scenario: every NoSchedule taint of a node must be tolerated
    Given the cluster has these nodes:
      | name | taints                                      |
      | gpu  | dedicated=gpu:NoSchedule, spot:NoSchedule   |
    When the pod is scheduled:
      | name  | tolerations              |
      | train | dedicated=gpu:NoSchedule |
    Then it is unschedulable with "0/1 nodes are available: 1 node(s) had untolerated taint {spot: }."

  @SCH-3 @SCH-5
  Scenario: a PreferNoSchedule taint makes a node the last choice
    Given the cluster has these nodes:
      | name  | taints                 |
      | spot  | spot:PreferNoSchedule  |
      | plain |                        |
    When the pod is scheduled:
      | name |
      | web  |
    Then it goes to "plain"

  @SCH-2 @SCH-3
  Scenario: a PreferNoSchedule taint does not filter the node out
    Given the cluster has these nodes:
      | name  | taints                 |
      | spot  | spot:PreferNoSchedule  |
    When the pod is scheduled:
      | name |
      | web  |
    Then it goes to "spot"

  @SCH-3 @SCH-5
  Scenario: a pod that tolerates the PreferNoSchedule taint has no reason to avoid the node (ties broken at random)
    Given the cluster has these nodes:
      | name  | taints                 |
      | spot  | spot:PreferNoSchedule  |
      | plain |                        |
    When the pod is scheduled:
      | name  | tolerations           |
      | batch | spot:PreferNoSchedule |
    Then it goes to one of "spot, plain"
