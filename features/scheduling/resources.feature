@scheduling
Feature: Resource requests decide which nodes can host a pod
  The scheduler removes the nodes that cannot hold the pod's requests: a node's allocatable cpu, memory,
  ephemeral storage, extended resources and pod count, less what the pods already on it request, must cover
  the pod. A pod's requests are the sum of its containers', or the largest init container's when that is
  bigger (init containers run one at a time, before the others), plus the pod overhead of its runtime class.
  Node capacity left out of a table is 4 cpu, 8Gi memory and 110 pods.

  @SCH-2 @SCH-5
  Scenario: a pod goes to the only node with enough free cpu
    Given the cluster has these nodes:
      | name  | cpu |
      | small | 1   |
      | large | 4   |
    When the pod is scheduled:
      | name | cpu |
      | web  | 2   |
    Then it goes to "large"

  @SCH-2 @SCH-5
  Scenario: what running pods request is no longer free
    Given the cluster has these nodes:
      | name   | cpu |
      | node-a | 4   |
      | node-b | 2   |
    And these pods are running:
      | name  | node   | cpu  |
      | batch | node-a | 3    |
    When the pod is scheduled:
      | name | cpu   |
      | web  | 1500m |
    Then it goes to "node-b"

  @SCH-2 @SCH-5
  Scenario: memory is checked like cpu
    Given the cluster has these nodes:
      | name   | memory |
      | node-a | 4Gi    |
      | node-b | 16Gi   |
    When the pod is scheduled:
      | name  | memory |
      | cache | 6Gi    |
    Then it goes to "node-b"

  @SCH-2 @SCH-5
  Scenario: a node full of pods takes no more, whatever their requests
    Given the cluster has these nodes:
      | name   | pods |
      | node-a | 2    |
      | node-b | 110  |
    And these pods are running:
      | name | node   |
      | p1   | node-a |
      | p2   | node-a |
    When the pod is scheduled:
      | name |
      | web  |
    Then it goes to "node-b"

  @SCH-2 @SCH-5
  Scenario: ephemeral storage is a resource too
    Given the cluster has these nodes:
      | name   | ephemeral |
      | node-a | 10Gi      |
      | node-b | 100Gi     |
    When the pod is scheduled:
      | name    | ephemeral |
      | scratch | 20Gi      |
    Then it goes to "node-b"

  @SCH-2 @SCH-5
  Scenario: extended resources such as GPUs are only found on the nodes that advertise them
    Given the cluster has these nodes:
      | name   | extended          |
      | plain  |                   |
      | gpu    | example.com/gpu=2 |
    When the pod is scheduled:
      | name  | extended          |
      | train | example.com/gpu=1 |
    Then it goes to "gpu"

  @SCH-2 @SCH-5
  Scenario: the largest init container counts when it asks for more than the app containers together
    Given the cluster has these nodes:
      | name   | cpu |
      | node-a | 2   |
      | node-b | 4   |
    When the pod is scheduled:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: migrate-then-serve }
      spec:
        initContainers:
          - { name: migrate, image: migrate:1, resources: { requests: { cpu: "3" } } }
        containers:
          - { name: web, image: web:1, resources: { requests: { cpu: "1" } } }
      """
    Then it goes to "node-b"

  @SCH-2 @SCH-5
  Scenario: init containers that ask for less than the app containers add nothing
    Given the cluster has these nodes:
      | name   | cpu |
      | node-a | 2   |
    When the pod is scheduled:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: warm-up }
      spec:
        initContainers:
          - { name: warm, image: warm:1, resources: { requests: { cpu: 1500m } } }
        containers:
          - { name: web, image: web:1, resources: { requests: { cpu: "1" } } }
          - { name: log, image: log:1, resources: { requests: { cpu: "1" } } }
      """
    Then it goes to "node-a"

  # The API server's RuntimeClass admission copies the class's overhead into spec.overhead.
  @SCH-2 @SCH-5
  Scenario: the pod overhead of the runtime class is added to the requests
    Given these objects exist:
      """
      apiVersion: node.k8s.io/v1
      kind: RuntimeClass
      metadata: { name: sandboxed }
      handler: kata
      overhead: { podFixed: { cpu: 600m, memory: 120Mi } }
      """
    And the cluster has these nodes:
      | name   | cpu |
      | node-a | 2   |
      | node-b | 4   |
    When the pod is created through the API server:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web }
      spec:
        runtimeClassName: sandboxed
        containers:
          - { name: web, image: web:1, resources: { requests: { cpu: 1500m } } }
      """
    Then it goes to "node-b"

  # What the scheduler reads is the admitted pod, whose spec.overhead admission set from its class.
  @SCH-2 @SCH-5
  Scenario: the scheduler counts the overhead an admitted pod carries
    Given the cluster has these nodes:
      | name   | cpu |
      | node-a | 2   |
      | node-b | 4   |
    When the scheduler is asked to place the pod:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web }
      spec:
        runtimeClassName: sandboxed
        overhead: { cpu: 600m, memory: 120Mi }
        containers:
          - { name: web, image: web:1, resources: { requests: { cpu: 1500m } } }
      """
    Then it goes to "node-b"

  # Upstream's RuntimeClass admission: only a RuntimeClass defines a pod's overhead.
  @SCH-2 @SCH-5
  Scenario: a pod cannot bring its own overhead
    When I create:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web }
      spec:
        overhead: { cpu: 600m }
        containers:
          - { name: web, image: web:1 }
      """
    Then the create fails with "pods \"web\" is forbidden: pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead"
    And the error reason is Forbidden

  @SCH-2 @SCH-5
  Scenario: a pod that requests nothing fits a node whose cpu is all requested
    Given the cluster has these nodes:
      | name   | cpu |
      | node-a | 2   |
    And these pods are running:
      | name | node   | cpu |
      | hog  | node-a | 2   |
    When the pod is scheduled:
      | name        |
      | best-effort |
    Then it goes to "node-a"

  @SCH-2 @SCH-5
  Scenario: a node short of several resources is rejected for each of them
    Given the cluster has these nodes:
      | name   | cpu | memory | pods |
      | tiny   | 1   | 1Gi    | 1    |
    And these pods are running:
      | name | node |
      | p1   | tiny |
    When the pod is scheduled:
      | name | cpu | memory |
      | big  | 2   | 2Gi    |
    Then it is unschedulable with "0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 Too many pods."
    And node "tiny" was rejected because "Too many pods"
    And node "tiny" was rejected because "Insufficient memory"

  @SCH-2 @SCH-5
  Scenario: no node advertises the extended resource
    Given the cluster has these nodes:
      | name   |
      | node-a |
      | node-b |
    When the pod is scheduled:
      | name  | extended          |
      | train | example.com/gpu=1 |
    Then it is unschedulable with "0/2 nodes are available: 2 Insufficient example.com/gpu."
