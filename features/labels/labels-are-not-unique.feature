@labels
Feature: Labels do not identify objects
  Labels are not unique: many objects usually carry the same labels, and a selector chooses all of
  them. That is how a Service or a ReplicaSet addresses a whole set of Pods.

  @LBL-1
  Scenario: many objects carry the same labels and are selected together
    Given 5 objects labelled "app=nginx, tier=front"
    When I select objects with "app=nginx"
    Then exactly "object-1, object-2, object-3, object-4, object-5" are selected

  @LBL-1
  Scenario: objects of different kinds may carry the same labels
    Given these objects:
      | kind       | name       | labels   |
      | Pod        | web-1      | app=web  |
      | Service    | web        | app=web  |
      | ReplicaSet | web-5d1e   | app=web  |
    When I select objects with "app=web"
    Then exactly "web-1, web, web-5d1e" are selected
