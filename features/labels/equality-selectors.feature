@labels
Feature: Equality-based label selectors
  `key=value` (also written `key==value`, which upstream keeps as written in canonical form) selects
  objects whose label has that value.
  `key!=value` selects objects whose label has another value, and also objects without the label at all.

  Background:
    Given these objects:
      | name     | labels                       |
      | web-prod | app=nginx, env=production    |
      | web-test | app=nginx, env=test          |
      | db-prod  | app=mysql, env=production    |
      | orphan   |                              |

  @LBL-3
  Scenario: "=" selects objects whose label has the value
    When I select objects with "app=nginx"
    Then exactly "web-prod, web-test" are selected

  @LBL-3
  Scenario: "==" means the same as "="
    When I select objects with "app==nginx"
    Then exactly "web-prod, web-test" are selected

  @LBL-3
  Scenario: "!=" selects objects with another value, and objects without the label
    When I select objects with "env!=production"
    Then exactly "web-test, orphan" are selected

  @LBL-3
  Scenario: a value no object has selects nothing
    When I select objects with "app=redis"
    Then no object is selected

  @LBL-3
  Scenario: spaces around keys, operators and values are ignored
    When I select objects with "  app  =  nginx  "
    Then exactly "web-prod, web-test" are selected

  @LBL-3
  Scenario Outline: "<selector>" against <labels>
    Then the selector "<selector>" <verdict> "<labels>"

    Examples:
      | selector        | verdict          | labels                |
      | app=nginx       | matches          | app=nginx             |
      | app=nginx       | does not match   | app=Nginx             |
      | app=nginx       | does not match   | app=nginx-2           |
      | app=nginx       | does not match   |                       |
      | app=            | matches          | app=                  |
      | app=            | does not match   | app=x                 |
      | app=            | does not match   |                       |
      | app!=nginx      | matches          |                       |
      | app!=nginx      | matches          | app=                  |
      | app!=nginx      | does not match   | app=nginx             |
      | app!=           | matches          | app=x                 |
      | app!=           | matches          | other=x               |
      | app!=           | does not match   | app=                  |
      | example.com/app=web | matches      | example.com/app=web   |
      | example.com/app=web | does not match | app=web             |

  @LBL-3
  Scenario: the canonical form of an equality selector
    Then the selector "app == nginx" is valid and reads "app==nginx" in canonical form
    And the selector "env!=production" is valid and reads "env!=production" in canonical form
    And the selector "tier=back,app=web" is valid and reads "app=web,tier=back" in canonical form
