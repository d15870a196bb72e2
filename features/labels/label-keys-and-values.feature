@labels
Feature: Label keys and values
  A label is a key/value pair attached to an object. The key is a name of at most 63 characters,
  optionally behind a DNS-subdomain prefix of at most 253 characters and a slash (`example.com/app`).
  The value may be empty and holds at most 63 characters.

  The seed text says a value may hold 253 bytes. Upstream Kubernetes allows 63 characters for a value,
  and kconform follows upstream: a 64-character value is rejected.

  Inputs write `a{63}` for 63 a's, `(ab){3}` for "ababab".

  @LBL-2
  Scenario Outline: <why> is accepted
    When the label "<key>" with value "<value>" is validated
    Then it is accepted

    Examples:
      | why                                              | key                      | value          |
      | a plain name and value                           | app                      | nginx          |
      | an empty value                                   | app                      |                |
      | a name with dashes, dots and underscores         | my-app_name.v1           | v1.2_rc-3      |
      | capital letters in name and value                | MyApp                    | Production     |
      | a name of exactly 63 characters                  | a{63}                    | x              |
      | a value of exactly 63 characters                 | app                      | v{63}          |
      | a DNS-subdomain prefix                           | example.com/app          | web            |
      | the kubernetes.io prefix                         | app.kubernetes.io/name   | mysql          |
      | a prefix of exactly 253 characters               | (abcdefghi.){25}abc/app  | web            |
      | a name that is only digits                       | 123                      | 456            |
      | a one-character name and value                   | a                        | b              |

  @LBL-2
  Scenario Outline: <why> is rejected
    When the label "<key>" with value "<value>" is validated
    Then it is rejected

    Examples:
      | why                                              | key                      | value          |
      | a value of 64 characters (the seed allows 253)   | app                      | v{64}          |
      | a value of 253 characters (the seed allows it)   | app                      | v{253}         |
      | a name of 64 characters                          | a{64}                    | x              |
      | a name starting with a dash                      | -app                     | x              |
      | a name ending with a dot                         | app.                     | x              |
      | a value starting with a dash                     | app                      | -x             |
      | a value with a space                             | app                      | a b            |
      | a value with a slash                             | app                      | a/b            |
      | an empty key                                     |                          | x              |
      | an empty name after the prefix                   | example.com/             | x              |
      | an upper-case prefix                             | Example.com/app          | x              |
      | two slashes                                      | a/b/c                    | x              |
      | a prefix of 254 characters                       | (abcdefghi.){25}abcd/app | x              |
      | a non-ASCII name                                 | café                     | x              |

  @LBL-2
  Scenario: a value longer than 63 characters is rejected with upstream's message
    When the label "app" with value "v{64}" is validated
    Then it is rejected with "metadata.labels: Invalid value: \"v{64}\": must be no more than 63 characters"

  @LBL-2
  Scenario: a key whose name part starts with a dash is rejected with upstream's message
    When the label "-app" with value "x" is validated
    Then it is rejected with:
      """
      metadata.labels: Invalid value: "-app": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
      """

  @LBL-2
  Scenario: an empty key is rejected because its name part is empty
    When the label "" with value "x" is validated
    Then it is rejected with:
      """
      metadata.labels: Invalid value: "": name part must be non-empty
      metadata.labels: Invalid value: "": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')
      """

  @LBL-2
  Scenario: an invalid value is rejected with upstream's message
    When the label "app" with value "a b" is validated
    Then it is rejected with:
      """
      metadata.labels: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')
      """
