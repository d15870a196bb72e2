package KConform::LabelSelector;

# The object form of a label selector ({matchLabels, matchExpressions}), as Kubernetes v1.32
# validates it (ValidateLabelSelector, field paths under spec.selector) and turns it into a
# selector (LabelSelectorAsSelector).

use strict;
use warnings;
use Exporter 'import';
use KConform::Validation qw(qualified_name_errors label_value_errors field_invalid field_required field_forbidden);
use KConform::Selector qw(new_requirement sort_by_key);

our @EXPORT_OK = qw(validate_label_selector label_selector_as_selector);

my $ROOT = 'spec.selector';
my %OPERATOR = (In => 'in', NotIn => 'notin', Exists => 'exists', DoesNotExist => '!');

sub label_name_errors {
  my ($name, $field) = @_;
  return map { field_invalid($field, $name, $_) } qualified_name_errors($name);
}

# Returns the list of field errors ({field, type, message}); empty when valid. matchLabels keys are
# visited in sorted order (upstream visits a Go map, in no fixed order).
sub validate_label_selector {
  my ($ls) = @_;
  return () unless defined $ls;
  my @errs;
  my $labels = $ls->{matchLabels} || {};
  for my $k (sort keys %$labels) {
    push @errs, label_name_errors($k, "$ROOT.matchLabels");
    push @errs, map { field_invalid("$ROOT.matchLabels", $labels->{$k}, $_) } label_value_errors($labels->{$k});
  }
  my $exprs = $ls->{matchExpressions} || [];
  for my $i (0 .. $#$exprs) {
    my $e      = $exprs->[$i];
    my $path   = "$ROOT.matchExpressions[$i]";
    my @values = @{$e->{values} || []};
    my $op     = $e->{operator};
    if ($op eq 'In' || $op eq 'NotIn') {
      push @errs, field_required("$path.values", "must be specified when `operator` is 'In' or 'NotIn'") unless @values;
    } elsif ($op eq 'Exists' || $op eq 'DoesNotExist') {
      push @errs, field_forbidden("$path.values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'")
        if @values;
    } else {
      push @errs, field_invalid("$path.operator", $op, 'not a valid selector operator');
    }
    push @errs, label_name_errors($e->{key}, "$path.key");
    for my $j (0 .. $#values) {
      push @errs, map { field_invalid("$path.values[$j]", $values[$j], $_) } label_value_errors($values[$j]);
    }
  }
  return @errs;
}

# Returns ($selector, undef) for a validated label selector, or (undef, $error_text). undef (null)
# selects nothing and is returned as the string 'nothing'; {} selects everything ([]).
sub label_selector_as_selector {
  my ($ls) = @_;
  return ('nothing', undef) unless defined $ls;
  my @reqs;
  my $labels = $ls->{matchLabels} || {};
  for my $k (sort keys %$labels) {
    my ($r, $err) = new_requirement($k, '=', [$labels->{$k}]);
    return (undef, $err) if defined $err;
    push @reqs, $r;
  }
  for my $e (@{$ls->{matchExpressions} || []}) {
    my $op = $OPERATOR{$e->{operator}};
    return (undef, '"' . $e->{operator} . '" is not a valid label selector operator') unless defined $op;
    my ($r, $err) = new_requirement($e->{key}, $op, [@{$e->{values} || []}]);
    return (undef, $err) if defined $err;
    push @reqs, $r;
  }
  return ([sort_by_key(@reqs)], undef);
}

1;
