# The protocol loop, end to end: the program is started and fed one request per line.
use strict;
use warnings;
use Test::More;
use IPC::Open2 qw(open2);
use JSON::PP;
use FindBin;

my $json = JSON::PP->new->utf8->canonical;
my ($T, $F) = (JSON::PP::true, JSON::PP::false);

my @cases = (
  ['hello announces the selectors capability only',
    {id => 1, method => 'hello', params => {protocol => '1.0'}},
    sub { is_deeply($_[0]{result}{capabilities}, ['selectors'], $_[1]); }],
  ['a parse answers canonical form and requirements',
    {id => 2, method => 'selectors.parse', params => {selector => 'tier, env in (qa, production)'}},
    {id => 2, result => {valid => $T, canonical => 'env in (production,qa),tier',
      requirements => [{key => 'env', operator => 'in', values => ['production', 'qa']}, {key => 'tier', operator => 'exists', values => []}]}}],
  ['an invalid selector is a result, not an error',
    {id => 3, method => 'selectors.match', params => {selector => 'env in (qa', labelSets => [{}]}},
    {id => 3, result => {valid => $F, error => "unable to parse requirement: found '', expected: ',' or ')'"}}],
  ['select ignores annotations',
    {id => 4, method => 'selectors.select', params => {selector => 'app=web',
      objects => [{metadata => {name => 'a', labels => {app => 'web'}}}, {metadata => {name => 'b', annotations => {app => 'web'}}}]}},
    {id => 4, result => {valid => $T, selected => ['a']}}],
  ['a null label selector matches nothing',
    {id => 5, method => 'selectors.matchLabelSelector', params => {labelSelector => undef, labelSets => [{}, {a => 'b'}]}},
    {id => 5, result => {valid => $T, canonical => '', matches => [$F, $F]}}],
  ['a number where a string belongs is InvalidParams',
    {id => 6, method => 'selectors.match', params => {selector => 7}},
    {id => 6, error => {code => 'InvalidParams', message => 'params.labelSets: Required value; params.selector: must be string'}}],
  ['a method of another capability is not found',
    {id => 7, method => 'labels.validate', params => {key => 'a', value => 'b'}},
    sub { is($_[0]{error}{code}, 'MethodNotFound', $_[1]); }],
  ['a line that is not JSON is answered with a null id',
    'not json',
    sub { ok(!defined $_[0]{id} && $_[0]{error}{code} eq 'InvalidParams', $_[1]); }],
  ['shutdown answers an empty result',
    {id => 9, method => 'shutdown', params => {}},
    {id => 9, result => {}}],
);

my $pid = open2(my $out, my $in, $^X, "$FindBin::Bin/../kconform_impl.pl");
for my $case (@cases) {
  my ($name, $request, $want) = @$case;
  print {$in} (ref $request ? $json->encode($request) : $request), "\n";
  $in->flush;
  my $line = <$out>;
  my $got = defined $line ? $json->decode($line) : {};
  ref $want eq 'CODE' ? $want->($got, $name) : is_deeply($got, $want, $name);
}
close $in;
ok(!defined <$out>, 'the program exits after shutdown');
waitpid $pid, 0;
is($? >> 8, 0, 'the exit status is 0');

done_testing();
