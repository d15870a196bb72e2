@controllers
Feature: A ReplicaSet and its pods live in one namespace
  A ReplicaSet created without a namespace is in `default`, and so are the pods it creates: a
  ReplicaSet only ever counts, adopts and creates pods in its own namespace.

  @NS-2 @CTL-1
  Scenario: a ReplicaSet's pods are created in its namespace, and pods elsewhere are not counted
    Given namespaces "team-a, team-b"
    And these objects exist:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: lookalike, namespace: team-b, labels: { app: api } }
      spec: { containers: [{ name: api, image: "api:1" }] }
      ---
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata: { name: api, namespace: team-a }
      spec:
        replicas: 2
        selector: { matchLabels: { app: api } }
        template:
          metadata: { labels: { app: api } }
          spec: { containers: [{ name: api, image: "api:1" }] }
      """
    Then within 10 seconds the replica sets in "team-a" are:
      | name | desired | current | pods |
      | api  | 2       | 2       | 2    |
    And within 10 seconds the pods in "team-a" belong to:
      | owner          | pods |
      | ReplicaSet/api | 2    |
    And within 10 seconds the pods in "team-b" belong to:
      | owner | pods |
      | -     | 1    |
