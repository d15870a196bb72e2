@scheduling
Feature: Node selectors and node affinity express hardware and software constraints
  spec.nodeSelector lists labels a node must have. Required node affinity is a list of terms: a node must match
  at least one term (terms are ORed), and all the expressions of that term (expressions are ANDed). Operators
  are In, NotIn, Exists, DoesNotExist, Gt and Lt (integer comparison); NotIn and DoesNotExist also match nodes
  without the label. matchFields can name nodes by metadata.name. When both nodeSelector and required
  affinity are set, a node must satisfy both. Preferred terms do not filter: each matching term adds its
  weight to the node's score.
  Where several nodes qualify and score the same, upstream picks one of them at random, so the scenarios
  accept any of them.

  Background:
    Given the cluster has these nodes:
      | name  | labels                   |
      | ssd-1 | disktype=ssd, cpu-gen=3  |
      | hdd-1 | disktype=hdd, cpu-gen=2  |
      | bare  | cpu-gen=1                |

  @SCH-2 @SCH-5
  Scenario: nodeSelector keeps the pod to nodes with the label
    When the pod is scheduled:
      | name | node selector |
      | db   | disktype=ssd  |
    Then it goes to "ssd-1"

  @SCH-2 @SCH-5
  Scenario: a nodeSelector no node satisfies leaves the pod unschedulable
    When the pod is scheduled:
      | name | node selector |
      | db   | disktype=nvme |
    Then it is unschedulable with "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector."
    And node "bare" was rejected because "node(s) didn't match Pod's node affinity/selector"

  @SCH-2 @SCH-5
  Scenario Outline: one required expression with operator <operator> (ties broken at random)
    When the pod is scheduled:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: db }
      spec:
        containers: [{ name: db, image: postgres:16 }]
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
                - matchExpressions: [{ key: <key>, operator: <operator>, values: <values> }]
      """
    Then it goes to one of "<nodes>"

    Examples:
      | key      | operator     | values       | nodes        |
      | disktype | In           | [ssd, nvme]  | ssd-1        |
      | disktype | NotIn        | [hdd]        | ssd-1, bare  |
      | disktype | Exists       | []           | ssd-1, hdd-1 |
      | disktype | DoesNotExist | []           | bare         |
      | cpu-gen  | Gt           | ["2"]        | ssd-1        |
      | cpu-gen  | Lt           | ["3"]        | hdd-1, bare  |

  @SCH-2 @SCH-5
  Scenario: required terms are ORed
    When the pod is scheduled:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: db }
      spec:
        containers: [{ name: db, image: postgres:16 }]
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
                - matchExpressions: [{ key: disktype, operator: In, values: [nvme] }]
                - matchExpressions: [{ key: cpu-gen, operator: Lt, values: ["2"] }]
      """
    Then it goes to "bare"

  @SCH-2 @SCH-5
  Scenario: the expressions of one term are ANDed
    When the pod is scheduled:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: db }
      spec:
        containers: [{ name: db, image: postgres:16 }]
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
                - matchExpressions:
                    - { key: disktype, operator: Exists }
                    - { key: cpu-gen, operator: Lt, values: ["3"] }
      """
    Then it goes to "hdd-1"

  @SCH-2 @SCH-5
  Scenario: nodeSelector and required affinity must both hold
    When the pod is scheduled:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: db }
      spec:
        containers: [{ name: db, image: postgres:16 }]
        nodeSelector: { disktype: hdd }
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
                - matchExpressions: [{ key: cpu-gen, operator: Gt, values: ["2"] }]
      """
    Then it is unschedulable with "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector."

  @SCH-2 @SCH-5
  Scenario: matchFields names the node by metadata.name
    When the pod is scheduled:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: agent }
      spec:
        containers: [{ name: agent, image: agent:1 }]
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
                - matchFields: [{ key: metadata.name, operator: In, values: [hdd-1] }]
      """
    Then it goes to "hdd-1"

  @SCH-3 @SCH-4 @SCH-5
  Scenario: preferred terms add their weights, and the node with the highest sum wins
    When the pod is scheduled:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: batch }
      spec:
        containers: [{ name: batch, image: batch:1 }]
        affinity:
          nodeAffinity:
            preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 20
                preference: { matchExpressions: [{ key: disktype, operator: In, values: [ssd] }] }
              - weight: 80
                preference: { matchExpressions: [{ key: cpu-gen, operator: Lt, values: ["2"] }] }
      """
    Then it goes to "bare"

  @SCH-3 @SCH-5
  Scenario: a preference no node satisfies does not stop the pod (ties broken at random)
    When the pod is scheduled:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: batch }
      spec:
        containers: [{ name: batch, image: batch:1 }]
        affinity:
          nodeAffinity:
            preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 50
                preference: { matchExpressions: [{ key: disktype, operator: In, values: [nvme] }] }
      """
    Then it goes to one of "ssd-1, hdd-1, bare"
