@namespaces
Feature: Nodes, PersistentVolumes and Namespaces belong to no namespace
  Some kinds are cluster-scoped: a Node, a PersistentVolume and a Namespace itself are not inside
  any namespace. A namespace written on such an object is dropped by the API server.

  @NS-3
  Scenario: a Node, a PersistentVolume and a Namespace have no namespace
    When I create:
      """
      apiVersion: v1
      kind: Node
      metadata: { name: node-1, labels: { kubernetes.io/hostname: node-1 } }
      ---
      apiVersion: v1
      kind: PersistentVolume
      metadata: { name: pv-1 }
      spec:
        capacity: { storage: 1Gi }
        accessModes: [ReadWriteOnce]
        hostPath: { path: /data/pv-1 }
      ---
      apiVersion: v1
      kind: Namespace
      metadata: { name: team-a }
      """
    Then the create succeeds
    And every created object belongs to no namespace
    When I get the node "node-1"
    Then the object belongs to no namespace
    When I get the persistent volume "pv-1"
    Then the object belongs to no namespace

  @NS-3
  Scenario: a namespace written on a cluster-scoped object is dropped
    Given a namespace "team-a"
    When I create:
      """
      apiVersion: v1
      kind: PersistentVolume
      metadata: { name: pv-2, namespace: team-a }
      spec:
        capacity: { storage: 1Gi }
        accessModes: [ReadWriteOnce]
        hostPath: { path: /data/pv-2 }
      """
    Then the create succeeds
    And every created object belongs to no namespace

  @NS-3
  Scenario: cluster-scoped objects are listed without a namespace
    When I create:
      """
      apiVersion: v1
      kind: Node
      metadata: { name: node-a }
      ---
      apiVersion: v1
      kind: Node
      metadata: { name: node-b }
      """
    Then the create succeeds
    When I list nodes in all namespaces
    Then the list holds exactly "node-a, node-b"
