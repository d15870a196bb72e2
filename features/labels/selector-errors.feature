@labels
Feature: How invalid label selectors are reported
  A selector that does not parse is rejected with upstream's error text (Kubernetes v1.32,
  `labels.Parse`). A syntax error says what was found and what was expected. An error inside one
  requirement starts with `unable to parse requirement: `. A bad key is reported at the nil field
  path `<nil>`; a bad value at `values[<index>][<key>]`, where the index is the value's place in
  the sorted set. A requirement with two errors lists both in brackets.

  Scenario Outline: <mistake>: "<selector>" is rejected
    Then the selector "<selector>" is rejected with "<error>"

    @LBL-5
    Examples: where requirements start and end
      | mistake                                     | selector  | error                                                    |
      | a leading comma                             | ,app      | found ',', expected: !, identifier, or 'end of string'   |
      | an operator with no key                     | =web      | found '=', expected: !, identifier, or 'end of string'   |
      | nothing after the last comma                | app,      | found '', expected: identifier after ','                 |
      | two commas in a row                         | app,,env  | found ',', expected: identifier after ','                |
      | two values with no comma between            | app=a b   | found 'b', expected: ',' or 'end of string'              |
      | a value after a does-not-exist requirement  | !app=web  | found '=', expected: ',' or 'end of string'              |

    @LBL-3
    Examples: keys, operators and exact values
      | mistake                                     | selector  | error                                                                      |
      | a lone "!"                                  | !         | unable to parse requirement: found '', expected: identifier                |
      | "!" before a parenthesis                    | !(app)    | unable to parse requirement: found '(', expected: identifier               |
      | a word where the operator goes              | app gt 1  | unable to parse requirement: found 'gt', expected: in, notin, =, ==, !=, gt, lt |
      | "!" where the operator goes                 | app !web  | unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt  |
      | a parenthesis where the operator goes       | app (web) | unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt  |
      | three equals signs                          | app===web | unable to parse requirement: found '=', expected: identifier               |
      | a parenthesised exact value                 | app=(web) | unable to parse requirement: found '(', expected: identifier               |

    @LBL-4
    Examples: value sets
      | mistake                                     | selector        | error                                                                    |
      | "in" with no set                            | env in          | unable to parse requirement: found '' expected: '('                      |
      | "notin" with no set                         | env notin       | unable to parse requirement: found '' expected: '('                      |
      | "in" with a bare value                      | env in qa       | unable to parse requirement: found 'qa' expected: '('                    |
      | an open parenthesis only                    | env in (        | unable to parse requirement: found '', expected: ',', ')' or identifier  |
      | an unclosed set                             | env in (qa,prod | unable to parse requirement: found '', expected: ',' or ')'              |
      | two values with no comma in a set           | env in (qa b)   | unable to parse requirement: found 'b', expected: ',' or ')'             |
      | an operator first in a set                  | env in (!qa)    | unable to parse requirement: found '!', expected: ',', ')' or identifier |
      | an operator after a comma in a set          | env in (qa,=)   | unable to parse requirement: found '=', expected: ',', or identifier     |
      | a second closing parenthesis                | env in (qa))    | found ')', expected: ',' or 'end of string'                              |

    @LBL-4
    Examples: gt and lt take one integer
      | mistake                                     | selector                 | error                                                                                                            |
      | a word                                      | replicas>many            | unable to parse requirement: values[0]: Invalid value: \"many\": for 'Gt', 'Lt' operators, the value must be an integer |
      | no value                                    | replicas<                | unable to parse requirement: values[0]: Invalid value: \"\": for 'Gt', 'Lt' operators, the value must be an integer     |
      | a fraction                                  | replicas>1.5             | unable to parse requirement: values[0]: Invalid value: \"1.5\": for 'Gt', 'Lt' operators, the value must be an integer  |
      | a number past the int64 range               | replicas>9223372036854775808 | unable to parse requirement: values[0]: Invalid value: \"9223372036854775808\": for 'Gt', 'Lt' operators, the value must be an integer |

  @LBL-2
  Scenario Outline: a selector with <mistake> is rejected with the rule it breaks
    Then the selector "<selector>" is rejected with "unable to parse requirement: <error>"

    Examples:
      | mistake                           | selector             | error                                                                          |
      | a name part of 64 characters      | k{64}=v              | <nil>: Invalid value: \"k{64}\": name part must be no more than 63 characters  |
      | a prefix of 254 characters        | p{254}/app           | <nil>: Invalid value: \"p{254}/app\": prefix part must be no more than 253 characters |
      | an empty prefix                   | /app=web             | <nil>: Invalid value: \"/app\": prefix part must be non-empty                  |
      | a value of 64 characters          | app=v{64}            | values[0][app]: Invalid value: \"v{64}\": must be no more than 63 characters   |
      | a 64-byte value of 32 characters  | app=(é){32}          | values[0][app]: Invalid value: \"(é){32}\": must be no more than 63 characters; a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?') |
      | a key starting with a dash        | -app=web             | <nil>: Invalid value: \"-app\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') |
      | two slashes in a key              | a/b/c                | <nil>: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName') |
      | a value ending with a dot         | app=web.             | values[0][app]: Invalid value: \"web.\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?') |
      | a bad value sorted first in a set | app in (web,-db)     | values[0][app]: Invalid value: \"-db\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?') |
      | a negative number after gt        | replicas>-1          | values[0][replicas]: Invalid value: \"-1\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?') |
      | a gt value breaking two rules     | replicas<-a          | [values[0]: Invalid value: \"-a\": for 'Gt', 'Lt' operators, the value must be an integer, values[0][replicas]: Invalid value: \"-a\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')] |

  @LBL-4
  Scenario: empty sets and empty values are not errors
    Then the selector "env in ()" is valid and reads "env in ()" in canonical form
    And the selector "env in (,)" is valid and reads "env in ()" in canonical form
    And the selector "env notin (qa,)" is valid and reads "env notin (,qa)" in canonical form
    And the selector "env=" is valid and reads "env=" in canonical form
    And the selector "env!=" is valid and reads "env!=" in canonical form
