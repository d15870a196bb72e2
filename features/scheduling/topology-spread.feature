@scheduling
Feature: Topology spread constraints bound how unevenly matching pods are spread
  A constraint counts the pods matching its label selector in each domain of its topology key (a zone, a node).
  Placing the pod in a domain must keep that domain's count, minus the smallest count of any domain, within
  maxSkew. With whenUnsatisfiable DoNotSchedule that is a filter; with ScheduleAnyway it only makes domains
  with fewer matching pods score higher. Ties are broken at random, so scenarios accept any qualifying node.

  Background:
    Given the cluster has these nodes:
      | name | zone   |
      | a1   | zone-a |
      | a2   | zone-a |
      | b1   | zone-b |
    And these pods are running:
      | name  | node | labels  |
      | web-1 | a1   | app=web |

  @SCH-2 @SCH-5
  Scenario Outline: DoNotSchedule with maxSkew <maxSkew> across zones
    When the pod is scheduled:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web-2, labels: { app: web } }
      spec:
        containers: [{ name: web, image: web:1 }]
        topologySpreadConstraints:
          - maxSkew: <maxSkew>
            topologyKey: topology.kubernetes.io/zone
            whenUnsatisfiable: DoNotSchedule
            labelSelector: { matchLabels: { app: web } }
      """
    Then it goes to one of "<nodes>"

    Examples:
      | maxSkew | nodes      |
      | 1       | b1         |
      | 2       | a1, a2, b1 |

  @SCH-2 @SCH-5
  Scenario: DoNotSchedule leaves the pod pending rather than skew the zones
    Given the cluster has these nodes:
      | name | zone   | cpu |
      | b2   | zone-b | 1   |
    And these pods are running:
      | name  | node | labels  | cpu |
      | batch | b1   | app=etl | 4   |
    When the pod is scheduled:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web-2, labels: { app: web } }
      spec:
        containers: [{ name: web, image: web:1, resources: { requests: { cpu: "2" } } }]
        topologySpreadConstraints:
          - maxSkew: 1
            topologyKey: topology.kubernetes.io/zone
            whenUnsatisfiable: DoNotSchedule
            labelSelector: { matchLabels: { app: web } }
      """
    Then it is unschedulable with "0/4 nodes are available: 2 Insufficient cpu, 2 node(s) didn't match pod topology spread constraints."
    And node "a2" was rejected because "node(s) didn't match pod topology spread constraints"

  @SCH-3 @SCH-5
  Scenario: ScheduleAnyway prefers the zone with fewer matching pods
    When the pod is scheduled:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web-2, labels: { app: web } }
      spec:
        containers: [{ name: web, image: web:1 }]
        topologySpreadConstraints:
          - maxSkew: 1
            topologyKey: topology.kubernetes.io/zone
            whenUnsatisfiable: ScheduleAnyway
            labelSelector: { matchLabels: { app: web } }
      """
    Then it goes to "b1"

  @SCH-2 @SCH-5
  Scenario: a node without the topology key cannot take part in a DoNotSchedule constraint
    Given the cluster has these nodes:
      | name    |
      | no-zone |
    When the pod is scheduled:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web-2, labels: { app: web } }
      spec:
        nodeSelector: { kubernetes.io/hostname: no-zone }
        containers: [{ name: web, image: web:1 }]
        topologySpreadConstraints:
          - maxSkew: 1
            topologyKey: topology.kubernetes.io/zone
            whenUnsatisfiable: DoNotSchedule
            labelSelector: { matchLabels: { app: web } }
      """
    Then node "no-zone" was rejected because "node(s) didn't match pod topology spread constraints (missing required label)"

  @SCH-2 @SCH-5
  Scenario: spreading by hostname with maxSkew 1 fills the empty nodes first
    When the pod is scheduled:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web-2, labels: { app: web } }
      spec:
        containers: [{ name: web, image: web:1 }]
        topologySpreadConstraints:
          - maxSkew: 1
            topologyKey: kubernetes.io/hostname
            whenUnsatisfiable: DoNotSchedule
            labelSelector: { matchLabels: { app: web } }
      """
    Then it goes to one of "a2, b1"
