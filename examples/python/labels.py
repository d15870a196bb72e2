"""Label key and value rules, written from the Kubernetes documentation
("Labels and Selectors: syntax and character set", "Annotations").

A key is an optional DNS-subdomain prefix (at most 253 characters) and '/', then a name of at most 63
characters: alphanumerics, '-', '_' and '.', starting and ending with an alphanumeric. A value is empty or
follows the same rule as a name. Annotation keys follow the label key rules; all keys and values of an
object's annotations together hold at most 256 KiB.

Every function returns a list of field errors {field, type, message}; an empty list means valid.
The message starts with the error type, as kubectl prints it: `Invalid value: "v1/2": ...`.
"""
import json
import re

NAME_MAX = 63
PREFIX_MAX = 253
ANNOTATIONS_MAX_BYTES = 256 * 1024

_NAME_RE = re.compile(r"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")
_VALUE_RE = re.compile(r"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")
_SUBDOMAIN_RE = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")

NAME_FORMAT = (
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
    "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
)
QUALIFIED_FORMAT = (
    "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with "
    "an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
    "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' "
    "(e.g. 'example.com/MyName')"
)
PREFIX_FORMAT = (
    "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
    "'.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for "
    "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
)
VALUE_FORMAT = (
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must "
    "start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used "
    "for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
)


def quote(s):
    """A Go-like %q rendering of a string (JSON quoting; identical for printable ASCII)."""
    return json.dumps(s, ensure_ascii=False)


def qualified_name_problems(key):
    """Why `key` is not a qualified name (label or annotation key), as plain sentences; [] when valid."""
    parts = key.split("/")
    if len(parts) == 1:
        prefix, name = None, parts[0]
    elif len(parts) == 2:
        prefix, name = parts
    else:
        return [QUALIFIED_FORMAT]
    problems = []
    if prefix is not None:
        if prefix == "":
            problems.append("prefix part must be non-empty")
        else:
            if len(prefix) > PREFIX_MAX:
                problems.append("prefix part must be no more than %d characters" % PREFIX_MAX)
            if not _SUBDOMAIN_RE.match(prefix):
                problems.append(PREFIX_FORMAT)
    if name == "":
        problems.append("name part must be non-empty")
    else:
        if len(name) > NAME_MAX:
            problems.append("name part must be no more than %d characters" % NAME_MAX)
        if not _NAME_RE.match(name):
            problems.append(NAME_FORMAT)
    return problems


def value_problems(value):
    """Why `value` is not a valid label value; [] when valid."""
    problems = []
    if len(value) > NAME_MAX:
        problems.append("must be no more than %d characters" % NAME_MAX)
    if not _VALUE_RE.match(value):
        problems.append(VALUE_FORMAT)
    return problems


def invalid(field, value, detail):
    return {"field": field, "type": "Invalid value", "message": "Invalid value: %s: %s" % (quote(value), detail)}


def validate_label(key, value, field="metadata.labels"):
    errors = [invalid(field, key, p) for p in qualified_name_problems(key)]
    errors += [invalid(field, value, p) for p in value_problems(value)]
    return errors


def validate_labels(labels, field="metadata.labels"):
    errors = []
    for key, value in labels.items():
        errors += validate_label(key, value, field)
    return errors


def validate_annotations(annotations, field="metadata.annotations"):
    errors = []
    total = 0
    for key, value in annotations.items():
        errors += [invalid(field, key, p) for p in qualified_name_problems(key)]
        total += len(key.encode("utf-8")) + len(value.encode("utf-8"))
    if total > ANNOTATIONS_MAX_BYTES:
        errors.append({
            "field": field,
            "type": "Too long",
            "message": "Too long: must have at most %d bytes" % ANNOTATIONS_MAX_BYTES,
        })
    return errors
