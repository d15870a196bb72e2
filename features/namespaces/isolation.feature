@namespaces
Feature: Names are unique per namespace, and a list in one namespace shows only its objects
  A name must be unique within its namespace, not across namespaces: two teams may each run a
  `web` Pod. Listing one namespace never returns another namespace's objects; listing across all
  namespaces returns both.

  Background:
    Given namespaces "team-a, team-b"

  @NS-6
  Scenario: the same name may exist in two namespaces
    When I create:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web, namespace: team-a }
      spec: { containers: [{ name: web, image: nginx }] }
      ---
      apiVersion: v1
      kind: Pod
      metadata: { name: web, namespace: team-b }
      spec: { containers: [{ name: web, image: nginx }] }
      """
    Then the create succeeds
    And the pod "web" in "team-a" and the pod "web" in "team-b" are different objects

  @NS-6
  Scenario: a name is unique within one namespace
    Given these objects exist:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web, namespace: team-a }
      spec: { containers: [{ name: web, image: nginx }] }
      """
    When I create:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web, namespace: team-a }
      spec: { containers: [{ name: web, image: nginx:1.27 }] }
      """
    Then the create fails with "pods \"web\" already exists"
    And the error reason is AlreadyExists

  @NS-6 @NS-1
  Scenario: a list in one namespace never shows another namespace's objects
    Given these objects exist:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: web, namespace: team-a, labels: { app: web } }
      spec: { containers: [{ name: web, image: nginx }] }
      ---
      apiVersion: v1
      kind: Pod
      metadata: { name: web, namespace: team-b, labels: { app: web } }
      spec: { containers: [{ name: web, image: nginx }] }
      ---
      apiVersion: v1
      kind: Pod
      metadata: { name: api, namespace: team-b, labels: { app: api } }
      spec: { containers: [{ name: api, image: nginx }] }
      """
    When I list pods in "team-a"
    Then the list holds exactly "web"
    When I list pods in "team-b"
    Then the list holds exactly "api, web"
    When I list pods in "team-a" with labels "app=api"
    Then the list holds exactly ""
    When I list pods in all namespaces
    Then the list holds exactly "team-a/web, team-b/api, team-b/web"
