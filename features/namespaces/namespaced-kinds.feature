@namespaces
Feature: Namespaced kinds belong to a namespace, `default` when none is given
  A Namespace groups objects, e.g. per project or per team. Pods, Services, ReplicationControllers,
  ReplicaSets and Deployments are namespaced: each lives in exactly one namespace, and an object
  created without one is placed in `default`.

  Note for shared clusters: the `kube:` driver puts objects whose scenario names no namespace into
  a namespace it owns, so "placed in default" holds only against a fresh API (reference, reference-http).

  @NS-1
  Scenario: a new namespace is active and groups the objects created in it
    Given a namespace "team-a"
    When I create:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: settings, namespace: team-a }
      data: { colour: blue }
      ---
      apiVersion: v1
      kind: Pod
      metadata: { name: web, namespace: team-a }
      spec: { containers: [{ name: web, image: nginx }] }
      """
    Then the create succeeds
    And the namespace "team-a" is active
    And every created object is in namespace "team-a"
    When I list pods in "team-a"
    Then the list holds exactly "web"
    When I list config maps in "team-a"
    Then the list holds exactly "settings"

  @NS-2
  Scenario: objects created without a namespace are placed in default
    When I create:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web }
      spec: { containers: [{ name: web, image: nginx }] }
      ---
      apiVersion: v1
      kind: Service
      metadata: { name: web }
      spec: { selector: { app: web }, ports: [{ port: 80 }] }
      ---
      apiVersion: v1
      kind: ReplicationController
      metadata: { name: web-rc }
      spec:
        replicas: 1
        selector: { app: web-rc }
        template:
          metadata: { labels: { app: web-rc } }
          spec: { containers: [{ name: web, image: nginx }] }
      ---
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata: { name: web-rs }
      spec:
        replicas: 0
        selector: { matchLabels: { app: web-rs } }
        template:
          metadata: { labels: { app: web-rs } }
          spec: { containers: [{ name: web, image: nginx }] }
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: web-deploy }
      spec:
        replicas: 0
        selector: { matchLabels: { app: web-deploy } }
        template:
          metadata: { labels: { app: web-deploy } }
          spec: { containers: [{ name: web, image: nginx }] }
      """
    Then the create succeeds
    And every created object is in namespace "default"
    When I get the pod "web" in "default"
    Then the object is in namespace "default"

  @NS-2
  Scenario: objects created with a namespace are placed in it
    Given a namespace "team-a"
    When I create:
      """
      apiVersion: v1
      kind: Service
      metadata: { name: web, namespace: team-a }
      spec: { selector: { app: web }, ports: [{ port: 80 }] }
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: { name: web, namespace: team-a }
      spec:
        replicas: 0
        selector: { matchLabels: { app: web } }
        template:
          metadata: { labels: { app: web } }
          spec: { containers: [{ name: web, image: nginx }] }
      """
    Then the create succeeds
    And every created object is in namespace "team-a"
    When I get the service "web" in "default"
    Then the get fails with "services \"web\" not found"
    And the error reason is NotFound
