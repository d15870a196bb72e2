@labels
Feature: Set-based label selectors
  `env in (production, qa)` selects objects whose label value is one of the set.
  Upstream also accepts `notin` (the value is none of the set, or the label is missing),
  `key` alone (the label exists, with any value) and `!key` (the label does not exist).
  `key>N` and `key<N` compare a label's value as an integer; the parser accepts them.

  Background:
    Given these objects:
      | name    | labels                        |
      | prod    | app=web, env=production       |
      | qa      | app=web, env=qa               |
      | dev     | app=web, env=dev              |
      | nolabel | app=web                       |

  @LBL-4
  Scenario: "in" selects objects whose value is one of the set
    When I select objects with "env in (production, qa)"
    Then exactly "prod, qa" are selected

  @LBL-4
  Scenario: "notin" selects objects whose value is none of the set, and objects without the label
    When I select objects with "env notin (production, qa)"
    Then exactly "dev, nolabel" are selected

  @LBL-4
  Scenario: a key alone selects objects that have the label
    When I select objects with "env"
    Then exactly "prod, qa, dev" are selected

  @LBL-4
  Scenario: "!key" selects objects without the label
    When I select objects with "!env"
    Then exactly "nolabel" is selected

  @LBL-4
  Scenario: a set of one value is the same as "="
    When I select objects with "env in (qa)"
    Then exactly "qa" is selected

  @LBL-4
  Scenario: "in" matches these label sets
    Then the selector "env in (production, qa)" matches these label sets:
      | labels                 | matches |
      | env=production         | yes     |
      | env=qa                 | yes     |
      | env=dev                | no      |
      | env=                   | no      |
      | (none)                 | no      |
      | env=production, x=y    | yes     |

  @LBL-4
  Scenario: an empty value in the set matches an empty label value
    Then the selector "env in (,qa)" matches these label sets:
      | labels   | matches |
      | env=     | yes     |
      | env=qa   | yes     |
      | (none)   | no      |

  @LBL-4
  Scenario: "gt" and "lt" compare integer values; a value that is not an integer never matches
    Then the selector "replicas>2" matches these label sets:
      | labels       | matches |
      | replicas=3   | yes     |
      | replicas=2   | no      |
      | replicas=10  | yes     |
      | replicas=x   | no      |
      | (none)       | no      |
    And the selector "replicas<2" matches these label sets:
      | labels       | matches |
      | replicas=1   | yes     |
      | replicas=-5  | yes     |
      | replicas=2   | no      |
      | (none)       | no      |

  @LBL-4
  Scenario Outline: the canonical form of "<selector>" is "<canonical>"
    Then the selector "<selector>" is valid and reads "<canonical>" in canonical form

    Examples:
      | selector                        | canonical                     |
      | env in (qa, production)         | env in (production,qa)        |
      | env notin (qa,production,qa)    | env notin (production,qa)     |
      | env                             | env                           |
      | !env                            | !env                          |
      | ! env                           | !env                          |
      | replicas > 2                    | replicas>2                    |
      | replicas<10                     | replicas<10                   |
      | x in (b,a),a=1,!c               | a=1,!c,x in (a,b)             |
