# The object form of a selector: validation errors (field paths under spec.selector) and conversion.
use strict;
use warnings;
use Test::More;
use KConform::Selector qw(canonical matches);
use KConform::LabelSelector qw(validate_label_selector label_selector_as_selector);

my $NAME_RULE = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
  . "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
  . "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

my @invalid = (
  ['In without values is a required value',
    {matchExpressions => [{key => 'tier', operator => 'In', values => []}]},
    [['spec.selector.matchExpressions[0].values', 'Required value', "Required value: must be specified when `operator` is 'In' or 'NotIn'"]]],
  ['Exists with values is forbidden',
    {matchExpressions => [{key => 'tier', operator => 'Exists', values => ['a']}]},
    [['spec.selector.matchExpressions[0].values', 'Forbidden', "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"]]],
  ['an unknown operator is an invalid value, and so is Gt',
    {matchExpressions => [{key => 'a', operator => 'Exists'}, {key => 'n', operator => 'Gt', values => ['1']}]},
    [['spec.selector.matchExpressions[1].operator', 'Invalid value', 'Invalid value: "Gt": not a valid selector operator']]],
  ['a bad key in matchLabels is reported on matchLabels',
    {matchLabels => {'-x' => 'web'}},
    [['spec.selector.matchLabels', 'Invalid value', qq(Invalid value: "-x": $NAME_RULE)]]],
  ['a bad expression value is reported with its index',
    {matchExpressions => [{key => 'a', operator => 'NotIn', values => ['ok', 'no way']}]},
    [['spec.selector.matchExpressions[0].values[1]', 'Invalid value', 'Invalid value: "no way": a valid label must be an empty string or consist of alphanumeric characters, '
      . "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"]]],
  ['operator errors come before key errors',
    {matchExpressions => [{key => '', operator => 'in', values => ['a']}]},
    [['spec.selector.matchExpressions[0].operator', 'Invalid value', 'Invalid value: "in": not a valid selector operator'],
     ['spec.selector.matchExpressions[0].key', 'Invalid value', 'Invalid value: "": name part must be non-empty'],
     ['spec.selector.matchExpressions[0].key', 'Invalid value', qq(Invalid value: "": $NAME_RULE)]]],
);

for my $case (@invalid) {
  my ($name, $ls, $want) = @$case;
  is_deeply([map { [$_->{field}, $_->{type}, $_->{message}] } validate_label_selector($ls)], $want, $name);
}

my @valid = (
  ['an empty selector selects everything', {}, '', [{}, {a => 'b'}], [1, 1]],
  ['matchLabels and expressions are ANDed and sorted by key',
    {matchLabels => {app => 'web'}, matchExpressions => [{key => 'tier', operator => 'Exists'}, {key => 'env', operator => 'NotIn', values => ['prod', 'dev']}]},
    'app=web,env notin (dev,prod),tier', [{app => 'web', tier => 'x'}, {app => 'web', tier => 'x', env => 'dev'}, {app => 'web'}], [1, 0, 0]],
  ['duplicate values are kept in the canonical form',
    {matchExpressions => [{key => 'a', operator => 'In', values => ['y', 'x', 'y']}]}, 'a in (x,y,y)', [{a => 'y'}], [1]],
  ['DoesNotExist prints with a bang', {matchExpressions => [{key => 'a', operator => 'DoesNotExist'}]}, '!a', [{a => ''}, {}], [0, 1]],
);

for my $case (@valid) {
  my ($name, $ls, $canonical, $sets, $want) = @$case;
  is_deeply([validate_label_selector($ls)], [], "$name: valid");
  my ($sel, $err) = label_selector_as_selector($ls);
  is($err, undef, "$name: converts");
  is(canonical($sel), $canonical, "$name: canonical form");
  is_deeply([map { matches($sel, $_) ? 1 : 0 } @$sets], $want, "$name: matches");
}

my ($nothing) = label_selector_as_selector(undef);
is($nothing, 'nothing', 'a null selector selects nothing');

done_testing();
