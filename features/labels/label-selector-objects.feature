@labels
Feature: The LabelSelector of ReplicaSets and Services
  Services choose their Pods with a plain map of labels (`spec.selector`), ReplicaSets and Deployments
  with a LabelSelector (`spec.selector`: `matchLabels` and `matchExpressions`). Both are label
  selectors: matchLabels entries are `key=value` requirements, and each expression is a requirement
  with the operator In, NotIn, Exists or DoesNotExist. All of them are ANDed.

  Background:
    Given these objects:
      | name      | labels                          |
      | web-a     | app=web, tier=front, env=prod   |
      | web-b     | app=web, tier=front, env=canary |
      | web-c     | app=web, tier=back              |
      | other     | app=api, tier=front             |

  @LBL-6 @LBL-5
  Scenario: matchLabels and matchExpressions are ANDed
    When the label selector is:
      """
      matchLabels:
        app: web
      matchExpressions:
        - { key: tier, operator: In, values: [front] }
        - { key: env, operator: NotIn, values: [canary] }
      """
    Then exactly "web-a" is selected
    And it reads "app=web,env notin (canary),tier in (front)" in canonical form

  @LBL-6
  Scenario: Exists and DoesNotExist take no values
    When the label selector is:
      """
      matchExpressions:
        - { key: env, operator: Exists }
        - { key: legacy, operator: DoesNotExist }
      """
    Then exactly "web-a, web-b" are selected

  @LBL-6
  Scenario: an empty LabelSelector selects everything
    When the label selector is:
      """
      {}
      """
    Then every object is selected

  @LBL-6
  Scenario: a null LabelSelector selects nothing
    When the label selector is:
      """
      null
      """
    Then no object is selected

  @LBL-6
  Scenario: In needs values
    When the label selector is:
      """
      matchExpressions:
        - { key: tier, operator: In, values: [] }
      """
    Then it is rejected

  @LBL-6
  Scenario: Exists must not have values
    When the label selector is:
      """
      matchExpressions:
        - { key: tier, operator: Exists, values: [front] }
      """
    Then it is rejected

  @LBL-6
  Scenario: an unknown operator is rejected
    When the label selector is:
      """
      matchExpressions:
        - { key: tier, operator: Equals, values: [front] }
      """
    Then it is rejected

  @LBL-6
  Scenario: a Service's selector map selects its Pods
    Given these manifests:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: frontend-1, labels: { app: guestbook, tier: frontend } }
      ---
      apiVersion: v1
      kind: Pod
      metadata: { name: frontend-2, labels: { app: guestbook, tier: frontend } }
      ---
      apiVersion: v1
      kind: Pod
      metadata: { name: redis-leader, labels: { app: redis, role: leader, tier: backend } }
      """
    When I select objects with "app=guestbook,tier=frontend"
    Then exactly "frontend-1, frontend-2" are selected
