@controllers
Feature: A ReplicaSet keeps its number of Pod replicas, choosing its Pods with a label selector
  The ReplicaSet controller watches ReplicaSets and Pods through the API server. For every
  ReplicaSet it counts the active Pods it controls and creates or deletes Pods until there are
  `spec.replicas` of them. It chooses Pods by its label selector: a matching Pod that nobody
  controls is adopted, a Pod it controls whose labels stop matching is released. A Pod it controls
  names it in `metadata.ownerReferences` (controller: true); deleting the ReplicaSet deletes its
  Pods through the garbage collector.

  Scenarios tagged @kubelet need Pods to run (a kubelet per node); the others only count Pods.

  Background:
    Given a namespace "shop"
    And these objects exist:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata: { name: web, namespace: shop }
      spec:
        replicas: 3
        selector: { matchLabels: { app: web } }
        template:
          metadata: { labels: { app: web } }
          spec: { containers: [{ name: web, image: "nginx:1.25" }] }
      """

  @CTL-1 @LBL-6
  Scenario: a ReplicaSet creates its replicas and replaces a deleted one
    Then within 10 seconds the replica sets in "shop" are:
      | name | desired | current | pods |
      | web  | 3       | 3       | 3    |
    When I delete a pod of the replica set "web" in "shop"
    Then within 10 seconds the replica sets in "shop" are:
      | name | desired | current | pods |
      | web  | 3       | 3       | 3    |

  @CTL-1
  Scenario: scaling a ReplicaSet up and down changes the number of its pods
    When I scale the replica set "web" in "shop" to 5
    Then within 10 seconds the replica sets in "shop" are:
      | name | desired | current | pods |
      | web  | 5       | 5       | 5    |
    When I scale the replica set "web" in "shop" to 1
    Then within 10 seconds the replica sets in "shop" are:
      | name | desired | current | pods |
      | web  | 1       | 1       | 1    |
    When I scale the replica set "web" in "shop" to 0
    Then within 10 seconds the replica sets in "shop" are:
      | name | desired | current | pods |
      | web  | 0       | 0       | 0    |

  @CTL-1
  Scenario: every pod a ReplicaSet creates names it as its controller
    Then within 10 seconds the replica sets in "shop" are:
      | name | pods |
      | web  | 3    |
    And every pod of the replica set "web" in "shop" has this owner reference:
      | apiVersion | kind       | name | controller | blockOwnerDeletion |
      | apps/v1    | ReplicaSet | web  | true       | true               |

  @LBL-6 @CTL-1
  Scenario: a ReplicaSet adopts a matching orphan and releases a pod whose labels stop matching
    # The adopted pod makes one too many; its deletion cost keeps it over the ReplicaSet's own pods.
    When I create:
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: stray
        namespace: shop
        labels: { app: web }
        annotations: { controller.kubernetes.io/pod-deletion-cost: "100" }
      spec: { containers: [{ name: web, image: "nginx:1.25" }] }
      ---
      apiVersion: v1
      kind: Pod
      metadata: { name: other, namespace: shop, labels: { app: db } }
      spec: { containers: [{ name: db, image: "postgres:16" }] }
      """
    Then the create succeeds
    And within 10 seconds the replica sets in "shop" are:
      | name | desired | current | pods |
      | web  | 3       | 3       | 3    |
    And the pod "stray" in "shop" is controlled by the replica set "web"
    And the pod "other" in "shop" has no controller
    When I label the pod "stray" in "shop" with "app=debug"
    Then the pod "stray" in "shop" has no controller
    And within 10 seconds the replica sets in "shop" are:
      | name | desired | current | pods |
      | web  | 3       | 3       | 3    |
    And within 10 seconds the pods in "shop" belong to:
      | owner          | pods |
      | ReplicaSet/web | 3    |
      | -              | 2    |

  @CTL-1 @CTL-3
  Scenario: deleting a ReplicaSet deletes its pods (garbage collection by owner references)
    Given within 10 seconds the replica sets in "shop" are:
      | name | pods |
      | web  | 3    |
    When I delete the replica set "web" in "shop"
    Then within 10 seconds no replica set and no pod is left in "shop"

  @CTL-3 @kubelet
  Scenario: the cluster heals itself: a deleted replica is replaced and runs again
    Given a cluster with the nodes "node-a, node-b"
    And within 60 seconds the replica sets in "shop" are:
      | name | desired | current | ready | ready pods |
      | web  | 3       | 3       | 3     | 3          |
    When I delete a pod of the replica set "web" in "shop"
    Then within 60 seconds the replica sets in "shop" are:
      | name | desired | current | ready | ready pods |
      | web  | 3       | 3       | 3     | 3          |
