@controllers
Feature: A Deployment rolls its Pods out through ReplicaSets, and rolls back
  The Deployment controller keeps one ReplicaSet per Pod template (named after the template's
  hash) and records the revision of each in the annotation `deployment.kubernetes.io/revision`.
  A new template gets a new ReplicaSet at the next revision, scaled up while the old ones are
  scaled down, within `maxSurge` pods over and `maxUnavailable` pods under `spec.replicas`.
  Going back to an old template (what `kubectl rollout undo` does) makes that template's
  ReplicaSet the new one again, at the next revision.

  Here the Pods ask for a node pool no node has, so none is ever scheduled or Ready: what the
  controllers do is observed without any Pod running (rolling-updates.feature runs them).

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
          spec:
            nodeSelector: { pool: nowhere }
            containers: [{ name: web, image: "nginx:1.24" }]
      """

  @CTL-2 @ANN-1
  Scenario: a Deployment creates a ReplicaSet, which creates the Pods
    Then within 10 seconds the replica sets in "shop" are:
      | owner          | revision | image      | desired | pods |
      | Deployment/web | 1        | nginx:1.24 | 4       | 4    |
    And the deployment "web" in "shop" is at revision 1

  @CTL-2
  Scenario: scaling a Deployment scales its ReplicaSet
    When I scale the deployment "web" in "shop" to 6
    Then within 10 seconds the replica sets in "shop" are:
      | revision | image      | desired | pods |
      | 1        | nginx:1.24 | 6       | 6    |

  @CTL-4 @ANN-1
  Scenario: a new template starts a new revision; unavailable old pods go first, within maxSurge and maxUnavailable
    # 4 replicas, maxSurge 1, maxUnavailable 1: at most 5 pods, of which 3 must be available or
    # may become so. No pod is available here, so one old pod may go for one more new pod, and no more.
    When I set the image of the deployment "web" in "shop" to "nginx:1.25"
    Then within 10 seconds the replica sets in "shop" are:
      | revision | image      | desired | pods |
      | 1        | nginx:1.24 | 3       | 3    |
      | 2        | nginx:1.25 | 2       | 2    |
    And the deployment "web" in "shop" is at revision 2

  @CTL-4
  Scenario: rolling back to an old template makes its ReplicaSet the new one, at the next revision
    When I set the image of the deployment "web" in "shop" to "nginx:1.25"
    Then within 10 seconds the replica sets in "shop" are:
      | revision | image      | desired |
      | 1        | nginx:1.24 | 3       |
      | 2        | nginx:1.25 | 2       |
    When I roll the deployment "web" in "shop" back to revision 1
    Then within 10 seconds the replica sets in "shop" are:
      | revision | image      | desired |
      | 2        | nginx:1.25 | 2       |
      | 3        | nginx:1.24 | 3       |
    And the deployment "web" in "shop" is at revision 3

  @CTL-2 @CTL-3
  Scenario: deleting a Deployment deletes its ReplicaSets and their pods
    Given within 10 seconds the replica sets in "shop" are:
      | revision | pods |
      | 1        | 4    |
    When I delete the deployment "web" in "shop"
    Then within 10 seconds no replica set and no pod is left in "shop"
