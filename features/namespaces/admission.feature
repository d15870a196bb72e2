@namespaces
Feature: Content is created only in namespaces that exist and are not terminating
  The API server refuses to create an object in a namespace that does not exist, and in a
  namespace that is being deleted (phase Terminating), with upstream's exact messages.

  @NS-1
  Scenario: creating in a missing namespace is refused
    When I create:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web, namespace: nowhere }
      spec: { containers: [{ name: web, image: nginx }] }
      """
    Then the create fails with "namespaces \"nowhere\" not found"
    And the error reason is NotFound

  @NS-1
  Scenario: creating in a terminating namespace is refused
    Given a namespace "closing"
    And these objects exist:
      """
      apiVersion: v1
      kind: ConfigMap
      metadata: { name: held, namespace: closing, finalizers: [kconform.dev/hold] }
      """
    When I delete the namespace "closing"
    Then the delete succeeds
    And the namespace "closing" is terminating
    When I create:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web, namespace: closing }
      spec: { containers: [{ name: web, image: nginx }] }
      """
    Then the create fails with "pods \"web\" is forbidden: unable to create new content in namespace closing because it is being terminated"
    And the error reason is Forbidden

  @NS-1
  Scenario: the built-in namespaces cannot be deleted
    When I delete the namespace "default"
    Then the delete fails with "namespaces \"default\" is forbidden: this namespace may not be deleted"
    And the error reason is Forbidden
