@labels
Feature: Annotations carry information and never select
  Annotations are key/value data attached to objects, like labels, but they are never used to select
  objects: a Deployment, for example, records its rolling-update state in annotations. Their keys follow
  the label key rules; their values are free text, and all annotations of an object together may hold
  at most 256 KiB (262144 bytes, keys and values counted).

  @ANN-1
  Scenario: a selector never looks at annotations
    Given these objects:
      | name   | labels    | annotations                                 |
      | web-1  | app=web   | deployment.kubernetes.io/revision=3         |
      | note-1 |           | app=web                                     |
      | note-2 | tier=back | app=web, kubernetes.io/change-cause=rollout |
    When I select objects with "app=web"
    Then exactly "web-1" is selected

  @ANN-1
  Scenario: an annotation-only key is not there for a selector
    Given these objects:
      | name   | labels | annotations     |
      | note-1 |        | owner=team-a    |
    When I select objects with "owner"
    Then no object is selected

  @ANN-1
  Scenario: the rolling-update bookkeeping of a Deployment lives in annotations and selects nothing
    Given these manifests:
      """
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web-7c9f
        labels:
          app: web
          pod-template-hash: 7c9f
        annotations:
          deployment.kubernetes.io/revision: "2"
          deployment.kubernetes.io/desired-replicas: "3"
          deployment.kubernetes.io/max-replicas: "4"
      ---
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: web-5d1e
        labels:
          app: web
          pod-template-hash: 5d1e
        annotations:
          deployment.kubernetes.io/revision: "1"
      """
    When I select objects with "deployment.kubernetes.io/revision"
    Then no object is selected
    When I select objects with "app=web,pod-template-hash=7c9f"
    Then exactly "web-7c9f" is selected

  @ANN-1
  Scenario: annotation values are free text
    When these annotations are validated:
      | key                                | value                                      |
      | kubernetes.io/change-cause         | kubectl set image deployment/web web=nginx |
      | description                        | Ünïcode, spaces, "quotes" and / slashes    |
      | example.com/config                 | {"replicas": 3}                            |
    Then it is accepted

  @ANN-1
  Scenario: annotation keys follow the label key rules
    When the annotation "-bad" with value "x" is validated
    Then it is rejected with:
      """
      metadata.annotations: Invalid value: "-bad": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
      """

  @ANN-1
  Scenario: annotations may hold 256 KiB in all, and not one byte more
    When the annotation "data" with value "x{262140}" is validated
    Then it is accepted
    When the annotation "data" with value "x{262141}" is validated
    Then it is rejected with "metadata.annotations: Too long: may not be more than 262144 bytes"
