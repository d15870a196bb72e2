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
  Scenario: In and NotIn need values
    When the label selector is:
      """
      matchExpressions:
        - { key: tier, operator: In, values: [] }
        - { key: env, operator: NotIn }
      """
    Then it is rejected with:
      """
      spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'
      spec.selector.matchExpressions[1].values: Required value: must be specified when `operator` is 'In' or 'NotIn'
      """

  @LBL-6
  Scenario: Exists and DoesNotExist must not have values
    When the label selector is:
      """
      matchExpressions:
        - { key: tier, operator: Exists, values: [front] }
        - { key: legacy, operator: DoesNotExist, values: [""] }
      """
    Then it is rejected with:
      """
      spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'
      spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'
      """

  @LBL-6
  Scenario: an operator other than In, NotIn, Exists and DoesNotExist is rejected, even one the string form knows
    When the label selector is:
      """
      matchExpressions:
        - { key: tier, operator: Equals, values: [front] }
        - { key: tier, operator: in, values: [front] }
        - { key: replicas, operator: Gt, values: ["1"] }
      """
    Then it is rejected with:
      """
      spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator
      spec.selector.matchExpressions[1].operator: Invalid value: "in": not a valid selector operator
      spec.selector.matchExpressions[2].operator: Invalid value: "Gt": not a valid selector operator
      """

  @LBL-6 @LBL-2
  Scenario: a bad key or value in an expression is reported at its own field, values by their index as written
    When the label selector is:
      """
      matchExpressions:
        - { key: -tier, operator: Exists }
        - { key: env, operator: In, values: [qa, prod-, dev] }
      """
    Then it is rejected with:
      """
      spec.selector.matchExpressions[0].key: Invalid value: "-tier": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
      spec.selector.matchExpressions[1].values[1]: Invalid value: "prod-": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
      """

  @LBL-6 @LBL-2
  Scenario: matchLabels errors are all reported at matchLabels, before the expressions' errors
    When the label selector is:
      """
      matchLabels:
        example.com/app/x: web
        tier: front-
      matchExpressions:
        - { key: env, operator: In }
      """
    Then it is rejected with:
      """
      spec.selector.matchLabels: Invalid value: "example.com/app/x": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')
      spec.selector.matchLabels: Invalid value: "front-": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
      spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'
      """

  @LBL-6
  Scenario: an expression's errors come in upstream's order: operator and values, then key, then each value
    When the label selector is:
      """
      matchExpressions:
        - { key: a/b/c, operator: Exists, values: [-x] }
      """
    Then it is rejected with:
      """
      spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'
      spec.selector.matchExpressions[0].key: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')
      spec.selector.matchExpressions[0].values[0]: Invalid value: "-x": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
      """

  @LBL-6
  Scenario: a Service's selector map selects its Pods
    Given these manifests:
      """
      apiVersion: v1
      kind: Pod
      metadata: { name: frontend-1, labels: { app: guestbook, tier: frontend } }
      spec: { containers: [{ name: php-redis, image: gb-frontend }] }
      ---
      apiVersion: v1
      kind: Pod
      metadata: { name: frontend-2, labels: { app: guestbook, tier: frontend } }
      spec: { containers: [{ name: php-redis, image: gb-frontend }] }
      ---
      apiVersion: v1
      kind: Pod
      metadata: { name: redis-leader, labels: { app: redis, role: leader, tier: backend } }
      spec: { containers: [{ name: leader, image: redis }] }
      """
    When I select objects with "app=guestbook,tier=frontend"
    Then exactly "frontend-1, frontend-2" are selected
