@controllers @kubelet
Feature: A rolling update replaces a Deployment's Pods without dropping below its availability
  While a new template rolls out, the Deployment controller scales the new ReplicaSet up by at
  most `maxSurge` Pods over `spec.replicas`, and scales old ReplicaSets down only as far as
  `maxUnavailable` allows, counting Pods that are Ready. These scenarios need Pods to run and
  become Ready: the cluster's nodes each get a simulated kubelet. Each is observed every second
  of cluster time.

  Background:
    Given a namespace "shop"
    And these objects exist:
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: web, namespace: shop }
      spec:
        replicas: 4
        selector: { matchLabels: { app: web } }
        strategy: { type: RollingUpdate, rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } }
        template:
          metadata: { labels: { app: web } }
          spec: { containers: [{ name: web, image: "nginx:1.24" }] }
      """

  @CTL-4 @CTL-3
  Scenario: a rolling update replaces every pod within maxSurge and maxUnavailable
    Given a cluster with the nodes "node-a, node-b"
    And within 60 seconds the rollout of the deployment "web" in "shop" is complete
    When I set the image of the deployment "web" in "shop" to "nginx:1.25"
    Then within 120 seconds the rollout of the deployment "web" in "shop" completes, at every second with:
      | pods at most | ready at least |
      | 5            | 3              |
    And the replica sets in "shop" are:
      | revision | image      | desired | current | ready | pods |
      | 1        | nginx:1.24 | 0       | 0       | 0     | 0    |
      | 2        | nginx:1.25 | 4       | 4       | 4     | 4    |

  @CTL-4
  Scenario: a rollback rolls the old template out again
    Given a cluster with the nodes "node-a, node-b"
    And within 60 seconds the rollout of the deployment "web" in "shop" is complete
    When I set the image of the deployment "web" in "shop" to "nginx:1.25"
    And within 120 seconds the rollout of the deployment "web" in "shop" is complete
    And I roll the deployment "web" in "shop" back to revision 1
    Then within 120 seconds the rollout of the deployment "web" in "shop" is complete
    And the replica sets in "shop" are:
      | revision | image      | desired | ready |
      | 2        | nginx:1.25 | 0       | 0     |
      | 3        | nginx:1.24 | 4       | 4     |
    And the deployment "web" in "shop" is at revision 3
