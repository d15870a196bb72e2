@labels
Feature: Several requirements are ANDed
  Requirements separated by commas must all hold: `app=nginx,env=test` selects the objects that have
  both labels. There is no OR. An empty selector has no requirement, so it selects every object.

  Background:
    Given these objects:
      | name     | labels                              |
      | web-test | app=nginx, env=test, tier=front     |
      | web-prod | app=nginx, env=production           |
      | db-test  | app=mysql, env=test, tier=back      |
      | bare     |                                     |

  @LBL-5
  Scenario: both requirements must hold
    When I select objects with "app=nginx,env=test"
    Then exactly "web-test" is selected

  @LBL-5
  Scenario: equality and set requirements mix
    When I select objects with "env in (test, production),tier,app!=mysql"
    Then exactly "web-test" is selected

  @LBL-5
  Scenario: contradictory requirements select nothing
    When I select objects with "app=nginx,app=mysql"
    Then no object is selected

  @LBL-5
  Scenario: the same key twice must satisfy both requirements
    When I select objects with "env,env!=production"
    Then exactly "web-test, db-test" are selected

  @LBL-5
  Scenario: an empty selector selects every object
    When I select objects with ""
    Then every object is selected

  @LBL-5
  Scenario: a selector of spaces is empty too
    When I select objects with "   "
    Then every object is selected

  @LBL-5
  Scenario: requirements are written sorted by key in canonical form
    Then the selector "tier=front, app in (nginx), !legacy" is valid and reads "app in (nginx),!legacy,tier=front" in canonical form
