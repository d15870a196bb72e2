package KConform::Selector;

# The string form of a label selector, as Kubernetes v1.32's labels.Parse reads it: a lexer, a
# recursive-descent parser, requirement validation, the canonical String() form and matching.
#
# A requirement is {key, op, values}; op is upstream's operator spelling
# ('=', '==', '!=', 'in', 'notin', 'exists', '!', 'gt', 'lt'). A selector is an array ref of
# requirements sorted by key (stable). parse() returns ($selector, undef) or (undef, $error_text).

use strict;
use warnings;
use Exporter 'import';
use KConform::Validation qw(qualified_name_errors label_value_errors field_invalid field_error_text);

our @EXPORT_OK = qw(parse new_requirement sort_by_key canonical matches parse_int64);

# Token kinds are their literal spelling, except these three.
use constant { T_ERROR => 'error', T_END => 'end', T_ID => 'identifier' };

my %KEYWORD = map { $_ => 1 } (')', ',', '!', '==', '=', '>', 'in', '<', '!=', 'notin', '(');
my $SPECIAL    = qr/[=!(),><]/;
my $WHITESPACE = qr/[ \t\r\n]/;

# ---- lexer: works on characters; a NUL character ends a scan as the end of input does upstream.

sub lex_all {
  my ($s) = @_;
  my @chars = split //, $s;
  my $pos   = 0;
  my $read  = sub { $pos < @chars ? $chars[$pos++] : "\0" };
  my @tokens;
  while (1) {
    my $ch = $read->();
    $ch = $read->() while $ch =~ $WHITESPACE;
    if ($ch eq "\0") {
      push @tokens, [T_END, ''];
      last;
    }
    $pos--;
    if ($ch =~ $SPECIAL) {
      my ($buffer, $last) = ('', undef);
      while (1) {
        my $c = $read->();
        last if $c eq "\0";
        if ($c !~ $SPECIAL) { $pos--; last }
        $buffer .= $c;
        if ($KEYWORD{$buffer}) {
          $last = $buffer;
        } elsif (defined $last) {
          $pos--;
          last;
        }
      }
      push @tokens, defined $last ? [$last, $last] : [T_ERROR, "error expected: keyword found '$buffer'"];
    } else {
      my $buffer = '';
      while (1) {
        my $c = $read->();
        last if $c eq "\0";
        if ($c =~ $SPECIAL || $c =~ $WHITESPACE) { $pos--; last }
        $buffer .= $c;
      }
      push @tokens, [($buffer eq 'in' || $buffer eq 'notin') ? $buffer : T_ID, $buffer];
    }
  }
  return \@tokens;
}

# ---- requirement construction and validation (upstream's NewRequirement)

# Renders a field path; undef is upstream's nil path.
sub path_text { defined $_[0] ? $_[0] : '<nil>' }
sub child { defined $_[0] ? "$_[0].$_[1]" : $_[1] }

sub parse_int64 {
  my ($s) = @_;
  return undef unless $s =~ /\A([+-]?)0*([0-9]+)\z/;
  my ($sign, $digits) = ($1, $2);
  my $limit = $sign eq '-' ? '9223372036854775808' : '9223372036854775807';
  return undef if length($digits) > 19 || (length($digits) == 19 && $digits gt $limit);
  return 0 + ($sign eq '-' ? "-$digits" : $digits);
}

sub json_list { '[' . join(',', map { my $v = $_; $v =~ s/(["\\])/\\$1/g; qq("$v") } @{$_[0]}) . ']' }

# Returns ($requirement, $error_text_or_undef). $path is undef for a selector parsed from a string.
sub new_requirement {
  my ($key, $op, $values, $path) = @_;
  my @errs;
  my $key_path    = child($path, 'key');
  my $values_path = child($path, 'values');
  if (my @m = qualified_name_errors($key)) { push @errs, field_invalid($key_path, $key, join('; ', @m)) }
  my $n = @$values;
  if ($op eq 'in' || $op eq 'notin') {
    push @errs, list_invalid($values_path, $values, "for 'in', 'notin' operators, values set can't be empty") if !$n;
  } elsif ($op eq '=' || $op eq '==' || $op eq '!=') {
    push @errs, list_invalid($values_path, $values, 'exact-match compatibility requires one single value') if $n != 1;
  } elsif ($op eq 'exists' || $op eq '!') {
    push @errs, list_invalid($values_path, $values, 'values set must be empty for exists and does not exist') if $n;
  } elsif ($op eq 'gt' || $op eq 'lt') {
    push @errs, list_invalid($values_path, $values, "for 'Gt', 'Lt' operators, exactly one value is required")
      if $n != 1;
    for my $i (0 .. $n - 1) {
      push @errs, field_invalid("${values_path}[$i]", $values->[$i], "for 'Gt', 'Lt' operators, the value must be an integer")
        unless defined parse_int64($values->[$i]);
    }
  }
  for my $i (0 .. $n - 1) {
    if (my @m = label_value_errors($values->[$i])) {
      push @errs, field_invalid("${values_path}[$i][$key]", $values->[$i], join('; ', @m));
    }
  }
  return ({key => $key, op => $op, values => [@$values]}, aggregate(map { field_error_text($_) } @errs));
}

sub list_invalid {
  my ($field, $list, $detail) = @_;
  return {field => $field, type => 'Invalid value', message => 'Invalid value: ' . json_list($list) . ": $detail"};
}

# utilerrors.Aggregate's text: duplicates dropped; one error alone, several in brackets.
sub aggregate {
  my %seen;
  my @msgs = grep { !$seen{$_}++ } @_;
  return undef unless @msgs;
  return $msgs[0] if @msgs == 1;
  return '[' . join(', ', @msgs) . ']';
}

# ---- parser

sub uniq_sorted { my %h = map { $_ => 1 } @_; return [sort keys %h] }

sub parse {
  my ($input) = @_;
  my $tokens = lex_all($input);
  my $pos    = 0;
  # In the values context the keywords 'in' and 'notin' are identifiers.
  my $peek = sub {
    my ($kind, $lit) = @{$tokens->[$pos]};
    $kind = T_ID if $kind eq 'in' || $kind eq 'notin';
    return ($kind, $lit);
  };
  my $next = sub { my @t = $peek->(); $pos++; return @t };
  my $next_raw = sub { my @t = @{$tokens->[$pos]}; $pos++; return @t };

  my $requirement = sub {
    my ($kind, $key) = $next->();
    my $op;
    if ($kind eq '!') {
      $op = '!';
      ($kind, $key) = $next->();
    }
    return (undef, "found '$key', expected: identifier") if $kind ne T_ID;
    if (my @m = qualified_name_errors($key)) {
      return (undef, field_error_text(field_invalid('<nil>', $key, join('; ', @m))));
    }
    my ($after) = $peek->();
    $op = 'exists' if !defined $op && ($after eq T_END || $after eq ',');
    return new_requirement($key, $op, []) if defined $op;

    my ($opkind, $oplit) = $next_raw->();
    my %ops = ('in' => 'in', 'notin' => 'notin', '=' => '=', '==' => '==', '!=' => '!=', '>' => 'gt', '<' => 'lt');
    $op = $ops{$opkind};
    return (undef, "found '$oplit', expected: in, notin, =, ==, !=, gt, lt") unless defined $op;

    my @values;
    if ($op eq 'in' || $op eq 'notin') {
      my ($k, $l) = $next->();
      return (undef, "found '$l' expected: '('") if $k ne '(';
      my ($first, $first_lit) = $peek->();
      if ($first eq ')') {
        $next->();
        @values = ('');
      } elsif ($first eq T_ID || $first eq ',') {
        my %set;
        while (1) {
          my ($tk, $tl) = $next->();
          if ($tk eq T_ID) {
            $set{$tl} = 1;
            my ($nk, $nl) = $peek->();
            next if $nk eq ',';
            last if $nk eq ')';
            return (undef, "found '$nl', expected: ',' or ')'");
          } elsif ($tk eq ',') {
            $set{''} = 1 unless %set;
            my ($nk) = $peek->();
            if ($nk eq ')') { $set{''} = 1; last }
            if ($nk eq ',') { $next->(); $set{''} = 1 }
          } else {
            return (undef, "found '$tl', expected: ',', or identifier");
          }
        }
        my ($ck) = $next->();
        return (undef, "found '$first_lit', expected: ')'") if $ck ne ')';
        @values = keys %set;
      } else {
        return (undef, "found '$first_lit', expected: ',', ')' or identifier");
      }
    } else {
      my ($k) = $peek->();
      if ($k eq T_END || $k eq ',') {
        @values = ('');
      } else {
        my ($vk, $vl) = $next->();
        return (undef, "found '$vl', expected: identifier") if $vk ne T_ID;
        @values = ($vl);
      }
    }
    return new_requirement($key, $op, uniq_sorted(@values));
  };

  my @reqs;
  while (1) {
    my ($kind, $lit) = $peek->();
    if ($kind eq T_END) { last }
    if ($kind ne T_ID && $kind ne '!') {
      return (undef, "found '$lit', expected: !, identifier, or 'end of string'");
    }
    my ($req, $err) = $requirement->();
    return (undef, "unable to parse requirement: $err") if defined $err;
    push @reqs, $req;
    my ($after, $after_lit) = $next->();
    last if $after eq T_END;
    return (undef, "found '$after_lit', expected: ',' or 'end of string'") if $after ne ',';
    my ($follow, $follow_lit) = $peek->();
    return (undef, "found '$follow_lit', expected: identifier after ','") if $follow ne T_ID && $follow ne '!';
  }
  return ([sort_by_key(@reqs)], undef);
}

sub sort_by_key {
  my @indexed = map { [$_, $_[$_]] } 0 .. $#_;
  return map { $_->[1] } sort { $a->[1]{key} cmp $b->[1]{key} || $a->[0] <=> $b->[0] } @indexed;
}

# ---- canonical form and matching

my %SPELLING = ('=' => '=', '==' => '==', '!=' => '!=', 'in' => ' in ', 'notin' => ' notin ', 'gt' => '>', 'lt' => '<');

sub requirement_text {
  my ($r) = @_;
  return $r->{key}       if $r->{op} eq 'exists';
  return "!$r->{key}"    if $r->{op} eq '!';
  my @vals = @{$r->{values}};
  my $vals = @vals == 1 ? $vals[0] : join(',', sort @vals);
  $vals = "($vals)" if $r->{op} eq 'in' || $r->{op} eq 'notin';
  return $r->{key} . $SPELLING{$r->{op}} . $vals;
}

sub canonical { join ',', map { requirement_text($_) } @{$_[0]} }

sub requirement_matches {
  my ($r, $labels) = @_;
  my $op  = $r->{op};
  my $has = exists $labels->{$r->{key}};
  my $val = $labels->{$r->{key}};
  my $listed = $has && scalar grep { $_ eq $val } @{$r->{values}};
  return $listed  if $op eq 'in'    || $op eq '=' || $op eq '==';
  return !$listed if $op eq 'notin' || $op eq '!=';
  return $has  if $op eq 'exists';
  return !$has if $op eq '!';
  if ($op eq 'gt' || $op eq 'lt') {
    return 0 unless $has && @{$r->{values}} == 1;
    my ($have, $want) = (parse_int64($val), parse_int64($r->{values}[0]));
    return 0 unless defined $have && defined $want;
    return $op eq 'gt' ? $have > $want : $have < $want;
  }
  return 0;
}

# A selector matches a label set when every requirement does; the empty selector matches everything.
sub matches {
  my ($selector, $labels) = @_;
  for my $r (@$selector) { return 0 unless requirement_matches($r, $labels) }
  return 1;
}

1;
