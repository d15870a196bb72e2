# The string selector: parsing (canonical form, requirements, error texts) and matching.
use strict;
use warnings;
use Test::More;
use KConform::Selector qw(parse canonical matches parse_int64);

my $VALUE_RULE = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
  . "and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', "
  . "regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

my @valid = (
  ['an empty selector has no requirements',              '',                               '',                              []],
  ['set values are sorted and requirements sorted by key', 'tier, env in (qa, production)', 'env in (production,qa),tier',
    [['env', 'in', ['production', 'qa']], ['tier', 'exists', []]]],
  ['the equality spellings are kept apart',             'a=1,b==2,c!=3',                  'a=1,b==2,c!=3',
    [['a', '=', ['1']], ['b', '==', ['2']], ['c', '!=', ['3']]]],
  ['a missing value after = is the empty string',       'a=',                             'a=',                            [['a', '=', ['']]]],
  ['empty set members collapse to one empty value',     'x in (foo,,baz),y,z notin ()',   'x in (,baz,foo),y,z notin ()',
    [['x', 'in', ['', 'baz', 'foo']], ['y', 'exists', []], ['z', 'notin', ['']]]],
  ['in and notin are identifiers where values are read', 'in in (in,notin)',               'in in (in,notin)',              [['in', 'in', ['in', 'notin']]]],
  ['a negative zero gt value is refused',               'b<10,a>-0',                      undef,                           undef, 1],
  ['gt and lt print as > and <',                        'b<10,a>5',                       'a>5,b<10',                      [['a', 'gt', ['5']], ['b', 'lt', ['10']]]],
  ['does-not-exist prints with its bang',               '!tier',                          '!tier',                         [['tier', '!', []]]],
  ['tabs and newlines are whitespace',                  "a\t=\nb",                        'a=b',                           [['a', '=', ['b']]]],
  ['a prefixed key is accepted',                        'example.com/app=web',            'example.com/app=web',           [['example.com/app', '=', ['web']]]],
  ['equal keys keep their input order',                 'b,a=2,a=1',                      'a=2,a=1,b',                     undef],
);

for my $case (@valid) {
  my ($name, $input, $canonical, $reqs, $must_fail) = @$case;
  my ($sel, $err) = parse($input);
  if ($must_fail) {
    ok(defined $err, "$name (rejects '$input')");
    next;
  }
  is($err, undef, "$name: no error");
  is(canonical($sel), $canonical, "$name: canonical form");
  is_deeply([map { [$_->{key}, $_->{op}, $_->{values}] } @$sel], $reqs, "$name: requirements") if $reqs;
}

my @invalid = (
  ['an unclosed set',                        'env in (qa',  "unable to parse requirement: found '', expected: ',' or ')'"],
  ['a set without parenthesis',              'a in b',      "unable to parse requirement: found 'b' expected: '('"],
  ['two keys without an operator',           'a b',         "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
  ['an operator first',                      '==a',         "found '==', expected: !, identifier, or 'end of string'"],
  ['a trailing comma',                       'a=b,',        "found '', expected: identifier after ','"],
  ['a leading comma',                        ',a',          "found ',', expected: !, identifier, or 'end of string'"],
  ['a lone bang',                            '!',           "unable to parse requirement: found '', expected: identifier"],
  ['a bang followed by an operator',         '!a=b',        "found '=', expected: ',' or 'end of string'"],
  ['a parenthesis as an exact value',        'x=(',         "unable to parse requirement: found '(', expected: identifier"],
  ['a doubled open parenthesis',             'a in ((b)',   "unable to parse requirement: found '(', expected: ',', ')' or identifier"],
  ['a space inside a set',                   'a in (b c)',  "unable to parse requirement: found 'c', expected: ',' or ')'"],
  ['an empty key prefix',                    '/a',          'unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty'],
  ['a key name over 63 characters',          'a' x 64,      'unable to parse requirement: <nil>: Invalid value: "' . ('a' x 64) . '": name part must be no more than 63 characters'],
  ['a non-integer gt value',                 'k>1a',        "unable to parse requirement: values[0]: Invalid value: \"1a\": for 'Gt', 'Lt' operators, the value must be an integer"],
  ['a gt value beyond int64',                'a>9223372036854775808',
    "unable to parse requirement: values[0]: Invalid value: \"9223372036854775808\": for 'Gt', 'Lt' operators, the value must be an integer"],
  ['a signed gt value is not a label value', 'k<+5',        "unable to parse requirement: values[0][k]: Invalid value: \"+5\": $VALUE_RULE"],
  ['a non-ASCII value',                      "a=\x{e9}",    "unable to parse requirement: values[0][a]: Invalid value: \"\x{e9}\": $VALUE_RULE"],
);

for my $case (@invalid) {
  my ($name, $input, $want) = @$case;
  my ($sel, $err) = parse($input);
  is($err, $want, "rejects $name");
}

my @match = (
  ['equality needs the key',                     'env=qa',    [{env => 'qa'}, {env => 'prod'}, {}],           [1, 0, 0]],
  ['inequality holds when the key is missing',   'env!=prod', [{env => 'qa'}, {env => 'prod'}, {}],           [1, 0, 1]],
  ['notin holds when the key is missing',        'env notin (a,b)', [{env => 'a'}, {env => 'c'}, {}],         [0, 1, 1]],
  ['exists and does-not-exist',                  'a,!b',      [{a => ''}, {a => 'x', b => 'y'}, {b => 'y'}],  [1, 0, 0]],
  ['an empty selector matches everything',       '',          [{}, {a => 'b'}],                               [1, 1]],
  ['the empty value matches an empty label',     'a=',        [{a => ''}, {}],                                [1, 0]],
  ['gt compares as integers',                    'n>9',       [{n => '10'}, {n => '9'}, {n => '010'}, {n => 'x'}, {}], [1, 0, 1, 0, 0]],
  ['gt accepts a signed label value',            'n>0',       [{n => '+1'}, {n => '-1'}],                     [1, 0]],
  ['lt at the int64 boundary',                   'n<1',       [{n => '-9223372036854775808'}, {n => '-9223372036854775809'}], [1, 0]],
  ['requirements are ANDed',                     'app=nginx,env=test', [{app => 'nginx', env => 'test'}, {app => 'nginx'}], [1, 0]],
);

for my $case (@match) {
  my ($name, $input, $sets, $want) = @$case;
  my ($sel, $err) = parse($input);
  is($err, undef, "$name: parses");
  is_deeply([map { matches($sel, $_) ? 1 : 0 } @$sets], $want, $name);
}

my @ints = (['9223372036854775807', 1], ['-9223372036854775808', 1], ['9223372036854775808', 0], ['1_000', 0],
  ['', 0], ['+0', 1], [' 1', 0]);
for my $case (@ints) {
  my ($s, $ok) = @$case;
  is(defined(parse_int64($s)) ? 1 : 0, $ok, "parse_int64 of '$s' is " . ($ok ? 'an int64' : 'refused'));
}

done_testing();
