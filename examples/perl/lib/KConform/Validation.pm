package KConform::Validation;

# Label key and value rules as Kubernetes v1.32 states them (apimachinery util/validation), and the
# field.Error text forms. Every check returns a list of message strings: empty means valid.
# Lengths are counted in UTF-8 bytes, as upstream counts them.

use strict;
use warnings;
use Exporter 'import';

our @EXPORT_OK = qw(
  qualified_name_errors label_value_errors go_quote byte_length
  field_invalid field_required field_forbidden field_error_text
);

my $NAME_FMT  = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
my $NAME_MSG  = "must consist of alphanumeric characters, '-', '_' or '.', "
  . 'and must start and end with an alphanumeric character';
my $VALUE_FMT = "($NAME_FMT)?";
my $VALUE_MSG = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
  . 'and must start and end with an alphanumeric character';
my $DNS_LABEL     = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
my $SUBDOMAIN_FMT = $DNS_LABEL . '(\\.' . $DNS_LABEL . ')*';
my $SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
  . 'and must start and end with an alphanumeric character';

my $NAME_RE      = qr/\A(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)\z/;
my $VALUE_RE     = qr/\A(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?\z/;
my $SUBDOMAIN_RE = qr/\A[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*\z/;

sub byte_length {
  my ($s) = @_;
  utf8::encode($s);
  return length $s;
}

sub max_len_error { "must be no more than $_[0] characters" }

# Upstream's RegexError: the message, the examples, then the regular expression.
sub regex_error {
  my ($msg, $fmt, @examples) = @_;
  return "$msg (regex used for validation is '$fmt')" unless @examples;
  return "$msg (e.g. " . join(' or ', map {"'$_', "} @examples) . "regex used for validation is '$fmt')";
}

sub subdomain_errors {
  my ($value) = @_;
  my @errs;
  push @errs, max_len_error(253) if byte_length($value) > 253;
  push @errs, regex_error($SUBDOMAIN_MSG, $SUBDOMAIN_FMT, 'example.com') unless $value =~ $SUBDOMAIN_RE;
  return @errs;
}

# A label key: an optional DNS subdomain prefix and '/', then a name of at most 63 characters.
sub qualified_name_errors {
  my ($value) = @_;
  my @parts = split m{/}, $value, -1;
  @parts = ('') unless @parts;
  my @errs;
  my $name;
  if (@parts == 1) {
    $name = $parts[0];
  } elsif (@parts == 2) {
    my $prefix;
    ($prefix, $name) = @parts;
    if ($prefix eq '') {
      push @errs, 'prefix part must be non-empty';
    } else {
      push @errs, map {"prefix part $_"} subdomain_errors($prefix);
    }
  } else {
    return ('a qualified name ' . regex_error($NAME_MSG, $NAME_FMT, 'MyName', 'my.name', '123-abc')
        . " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
  }
  if ($name eq '') {
    push @errs, 'name part must be non-empty';
  } elsif (byte_length($name) > 63) {
    push @errs, 'name part ' . max_len_error(63);
  }
  push @errs, 'name part ' . regex_error($NAME_MSG, $NAME_FMT, 'MyName', 'my.name', '123-abc')
    unless $name =~ $NAME_RE;
  return @errs;
}

sub label_value_errors {
  my ($value) = @_;
  my @errs;
  push @errs, max_len_error(63) if byte_length($value) > 63;
  push @errs, regex_error($VALUE_MSG, $VALUE_FMT, 'MyValue', 'my_value', '12345') unless $value =~ $VALUE_RE;
  return @errs;
}

# Go's %q of a string: double quotes, backslash escapes for quotes, backslashes and control characters.
my %ESCAPES = ("\a" => '\a', "\b" => '\b', "\f" => '\f', "\n" => '\n', "\r" => '\r', "\t" => '\t', "\x0b" => '\v',
  '"' => '\"', '\\' => '\\\\');

sub go_quote {
  my ($s) = @_;
  $s =~ s/([\x00-\x1f\x7f"\\])/exists $ESCAPES{$1} ? $ESCAPES{$1} : sprintf('\\x%02x', ord $1)/ge;
  return qq("$s");
}

# field.Error as a hash {field, type, message}; message is upstream's ErrorBody (type, value, detail).
sub field_invalid {
  my ($field, $value, $detail) = @_;
  return {field => $field, type => 'Invalid value', message => 'Invalid value: ' . go_quote($value) . ": $detail"};
}

sub field_required {
  my ($field, $detail) = @_;
  return {field => $field, type => 'Required value', message => "Required value: $detail"};
}

sub field_forbidden {
  my ($field, $detail) = @_;
  return {field => $field, type => 'Forbidden', message => "Forbidden: $detail"};
}

# field.Error.Error(): "<field>: <body>".
sub field_error_text {
  my ($err) = @_;
  return "$err->{field}: $err->{message}";
}

1;
