#!/usr/bin/env perl
# perl-kselect: the `selectors` capability of the kconform driver protocol 1.0, in Perl 5 with core
# modules only. One JSON request per stdin line, one JSON response per stdout line; logs go to stderr.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::RealBin/lib";
use JSON::PP;
use B ();
use KConform::Selector qw(parse canonical matches);
use KConform::LabelSelector qw(validate_label_selector label_selector_as_selector);

my $JSON = JSON::PP->new->utf8->canonical;
my ($TRUE, $FALSE) = (JSON::PP::true, JSON::PP::false);

# ---- parameter checks: each returns a list of "params.<path>: <problem>" strings

# A JSON string, not a number: JSON::PP decodes numbers without the string flag.
sub is_string { defined $_[0] && !ref $_[0] && (B::svref_2object(\$_[0])->FLAGS & B::SVp_POK) ? 1 : 0 }

sub check_string {
  my ($v, $path, $optional) = @_;
  return () if $optional && !defined $v;
  return ("$path: Required value") unless defined $v;
  return is_string($v) ? () : ("$path: must be string");
}

sub check_labels {
  my ($v, $path) = @_;
  return ("$path: must be object") unless ref $v eq 'HASH';
  return map { is_string($v->{$_}) ? () : ("$path.$_: must be string") } sort keys %$v;
}

sub check_array {
  my ($v, $path, $item) = @_;
  return ("$path: Required value") unless defined $v;
  return ("$path: must be array") unless ref $v eq 'ARRAY';
  return map { $item->($v->[$_], "$path\[$_]") } 0 .. $#$v;
}

sub check_label_sets { check_array($_[0], $_[1], \&check_labels) }

sub check_object {
  my ($o, $path) = @_;
  return ("$path: must be object") unless ref $o eq 'HASH';
  my $m = $o->{metadata};
  return ("$path.metadata: Required value") unless defined $m;
  return ("$path.metadata: must be object") unless ref $m eq 'HASH';
  return (check_string($m->{name}, "$path.metadata.name"),
    map { defined $m->{$_} ? check_labels($m->{$_}, "$path.metadata.$_") : () } qw(labels annotations));
}

sub check_expression {
  my ($e, $path) = @_;
  return ("$path: must be object") unless ref $e eq 'HASH';
  my @errs = (check_string($e->{key}, "$path.key"), check_string($e->{operator}, "$path.operator"));
  push @errs, check_array($e->{values}, "$path.values", sub { check_string($_[0], $_[1]) }) if defined $e->{values};
  return @errs;
}

sub check_label_selector {
  my ($ls, $path) = @_;
  return ("$path: Required value") unless exists $_[2]{labelSelector};
  return () unless defined $ls;
  return ("$path: must be object or null") unless ref $ls eq 'HASH';
  my @errs;
  push @errs, check_labels($ls->{matchLabels}, "$path.matchLabels") if defined $ls->{matchLabels};
  push @errs, check_array($ls->{matchExpressions}, "$path.matchExpressions", \&check_expression)
    if defined $ls->{matchExpressions};
  return @errs;
}

# ---- methods: each takes the params hash and returns the result hash

sub invalid_selector { {valid => $FALSE, error => $_[0]} }

sub bool_list { [map { $_ ? $TRUE : $FALSE } @_] }

sub hello {
  return {
    protocol       => '1.0',
    implementation => {name => 'perl-kselect', version => '0.1.0', description => 'label selectors in Perl 5, core modules only'},
    capabilities   => ['selectors'],
  };
}

sub selectors_parse {
  my ($p) = @_;
  my ($sel, $err) = parse($p->{selector});
  return invalid_selector($err) if defined $err;
  my @reqs = map { {key => "$_->{key}", operator => $_->{op}, values => [map {"$_"} @{$_->{values}}]} } @$sel;
  return {valid => $TRUE, canonical => canonical($sel), requirements => \@reqs};
}

sub selectors_match {
  my ($p) = @_;
  my ($sel, $err) = parse($p->{selector});
  return invalid_selector($err) if defined $err;
  return {valid => $TRUE, canonical => canonical($sel), matches => bool_list(map { matches($sel, $_) } @{$p->{labelSets}})};
}

sub selectors_select {
  my ($p) = @_;
  my ($sel, $err) = parse($p->{selector});
  return invalid_selector($err) if defined $err;
  my @names = map { "$_->{metadata}{name}" } grep { matches($sel, $_->{metadata}{labels} || {}) } @{$p->{objects}};
  return {valid => $TRUE, selected => \@names};
}

sub selectors_match_label_selector {
  my ($p) = @_;
  my $ls = $p->{labelSelector};
  if (my @errs = validate_label_selector($ls)) {
    return {valid => $FALSE, errors => \@errs};
  }
  my ($sel, $err) = label_selector_as_selector($ls);
  die "$err\n" if defined $err;    # unreachable for a validated selector
  my @sets = @{$p->{labelSets}};
  return {valid => $TRUE, canonical => '', matches => bool_list(map {0} @sets)} if !ref $sel;    # null: nothing
  return {valid => $TRUE, canonical => canonical($sel), matches => bool_list(map { matches($sel, $_) } @sets)};
}

my %METHODS = (
  hello                          => [\&hello, sub { check_string($_[0]{protocol}, 'params.protocol') }],
  shutdown                       => [sub { {} }, sub { () }],
  'selectors.parse'              => [\&selectors_parse, sub { check_string($_[0]{selector}, 'params.selector') }],
  'selectors.match'              => [\&selectors_match, sub {
    (check_label_sets($_[0]{labelSets}, 'params.labelSets'), check_string($_[0]{selector}, 'params.selector'))
  }],
  'selectors.select'             => [\&selectors_select, sub {
    (check_array($_[0]{objects}, 'params.objects', \&check_object), check_string($_[0]{selector}, 'params.selector'))
  }],
  'selectors.matchLabelSelector' => [\&selectors_match_label_selector, sub {
    (check_label_selector($_[0]{labelSelector}, 'params.labelSelector', $_[0]),
      check_label_sets($_[0]{labelSets}, 'params.labelSets'))
  }],
);

# ---- the protocol loop

sub error_response {
  my ($id, $code, $message) = @_;
  return {id => $id, error => {code => $code, message => $message}};
}

# Answers one request line; returns (response, is_shutdown).
sub answer {
  my ($line) = @_;
  my $req = eval { $JSON->decode($line) };
  return (error_response(undef, 'InvalidParams', 'not a JSON request: ' . ($@ =~ s/ at \S+ line \d+.*//sr))) unless ref $req eq 'HASH';
  my $id = $req->{id};
  $id = undef unless defined $id && !ref $id && $id =~ /\A[1-9][0-9]*\z/;
  my ($method, $params) = ($req->{method}, $req->{params});
  return (error_response(undef, 'InvalidParams', 'a request needs an integer id >= 1'))        unless defined $id;
  return (error_response($id, 'InvalidParams', 'method: must be string'))                    unless is_string($method);
  return (error_response($id, 'MethodNotFound', qq(method "$method" is not part of this implementation)))
    unless $METHODS{$method};
  return (error_response($id, 'InvalidParams', 'params: must be object'))                    unless ref $params eq 'HASH';
  my ($handler, $check) = @{$METHODS{$method}};
  if (my @problems = $check->($params)) {
    return (error_response($id, 'InvalidParams', join('; ', sort @problems)));
  }
  my $result = eval { $handler->($params) };
  if (!defined $result) {
    my $why = $@ || 'no result';
    chomp $why;
    print STDERR "perl-kselect: $method failed: $why\n";
    return (error_response($id, 'Internal', "$method failed: $why"));
  }
  return ({id => 0 + $id, result => $result}, $method eq 'shutdown');
}

sub main {
  binmode STDIN;
  binmode STDOUT;
  $| = 1;
  while (my $line = <STDIN>) {
    next if $line =~ /\A\s*\z/;
    my ($response, $stop) = answer($line);
    print $JSON->encode($response), "\n";
    last if $stop;
  }
  return 0;
}

exit main() unless caller;
1;
