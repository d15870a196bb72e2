"""Label selectors, written from the Kubernetes documentation ("Labels and Selectors").

String form:  selector    := '' | requirement (',' requirement)*
              requirement := '!' key | key | key op value | key ('in'|'notin') '(' value (',' value)* ')'
              op          := '=' | '==' | '!=' | '>' | '<'
Requirements are ANDed. `!=` and `notin` also select objects without the key; `>` and `<` compare integers.
Whitespace between tokens is ignored.

parse(text) returns a list of Requirement sorted by key, or raises SelectorError whose str() is the message.
canonical(reqs) is the selector written back: sorted by key, set values sorted, no spaces.
from_label_selector(obj) converts the object form {matchLabels, matchExpressions}: it returns
(requirements, []) or (None, field errors with paths under spec.selector).

Note: this module's name shadows Python's standard `selectors` module for scripts in this folder;
nothing here needs the standard one.
"""
import labels

SPECIAL = "!=(),<>"


class SelectorError(Exception):
    pass


class Requirement:
    def __init__(self, key, operator, values):
        self.key = key
        self.operator = operator  # one of = == != in notin exists ! gt lt
        self.values = values

    def to_json(self):
        return {"key": self.key, "operator": self.operator, "values": list(self.values)}

    def __str__(self):
        op, key, vals = self.operator, self.key, self.values
        if op == "exists":
            return key
        if op == "!":
            return "!" + key
        if op in ("in", "notin"):
            return "%s %s (%s)" % (key, op, ",".join(vals))
        symbol = {"gt": ">", "lt": "<"}.get(op, op)
        return key + symbol + vals[0]

    def matches(self, label_set):
        op, has = self.operator, self.key in label_set
        value = label_set.get(self.key)
        if op in ("=", "==", "in"):
            return has and value in self.values
        if op in ("!=", "notin"):
            return not has or value not in self.values
        if op == "exists":
            return has
        if op == "!":
            return not has
        if op in ("gt", "lt"):
            if not has:
                return False
            try:
                have, want = int(value), int(self.values[0])
            except ValueError:
                return False
            return have > want if op == "gt" else have < want
        return False


# ---- lexer ---------------------------------------------------------------------------------------

def tokenize(text):
    """A list of (kind, literal) ending with ('end', ''). Kinds: ident in notin ! != = == > < ( ) ,"""
    tokens, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c in SPECIAL:
            two = text[i:i + 2]
            if two in ("!=", "=="):
                tokens.append((two, two))
                i += 2
            else:
                tokens.append((c, c))
                i += 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in SPECIAL:
                j += 1
            word = text[i:j]
            tokens.append((word if word in ("in", "notin") else "ident", word))
            i = j
    tokens.append(("end", ""))
    return tokens


# ---- parser --------------------------------------------------------------------------------------

class _Parser:
    def __init__(self, text):
        self.tokens = tokenize(text)
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos]

    def take(self):
        tok = self.tokens[self.pos]
        if tok[0] != "end":
            self.pos += 1
        return tok

    def fail(self, found, expected):
        raise SelectorError("unable to parse requirement: found '%s', expected: %s" % (found, expected))

    def selector(self):
        reqs = []
        if self.peek()[0] == "end":
            return reqs
        while True:
            reqs.append(self.requirement())
            kind, lit = self.take()
            if kind == "end":
                return reqs
            if kind != ",":
                raise SelectorError("found '%s', expected: ',' or 'end of string'" % lit)

    def key(self):
        kind, lit = self.take()
        if kind != "ident":
            self.fail(lit, "identifier")
        problems = labels.qualified_name_problems(lit)
        if problems:
            raise SelectorError("unable to parse requirement: invalid label key %s: %s"
                                % (labels.quote(lit), "; ".join(problems)))
        return lit

    def requirement(self):
        if self.peek()[0] == "!":
            self.take()
            return Requirement(self.key(), "!", [])
        key = self.key()
        kind, lit = self.peek()
        if kind in ("end", ","):
            return Requirement(key, "exists", [])
        self.take()
        if kind in ("=", "==", "!="):
            return Requirement(key, kind, [self.value(key, allow_empty=True)])
        if kind in (">", "<"):
            value = self.value(key, allow_empty=False, integer=True)
            return Requirement(key, "gt" if kind == ">" else "lt", [value])
        if kind in ("in", "notin"):
            return Requirement(key, kind, self.value_set(key))
        self.fail(lit, "'=', '==', '!=', 'in', 'notin', '>' or '<'")

    def value(self, key, allow_empty, integer=False):
        kind, lit = self.peek()
        if kind in ("ident", "in", "notin"):
            self.take()
        elif allow_empty and kind in ("end", ","):
            lit = ""
        else:
            self.take()
            self.fail(lit, "identifier")
        if integer:
            try:
                int(lit)
            except ValueError:
                raise SelectorError("unable to parse requirement: for 'gt', 'lt' operators, the value must be "
                                    "an integer: %s" % labels.quote(lit))
            return lit
        check_value(key, lit)
        return lit

    def value_set(self, key):
        kind, lit = self.take()
        if kind != "(":
            self.fail(lit, "'('")
        values = set()
        if self.peek()[0] == ")":
            self.take()
            raise SelectorError("unable to parse requirement: for 'in', 'notin' operators, values set can't be empty")
        while True:
            kind, lit = self.take()
            if kind not in ("ident", "in", "notin"):
                self.fail(lit, "identifier")
            check_value(key, lit)
            values.add(lit)
            kind, lit = self.take()
            if kind == ")":
                return sorted(values)
            if kind != ",":
                self.fail(lit, "',' or ')'")


def check_value(key, value):
    problems = labels.value_problems(value)
    if problems:
        raise SelectorError("unable to parse requirement: invalid label value: %s: at key: %s: %s"
                            % (labels.quote(value), labels.quote(key), "; ".join(problems)))


def parse(text):
    reqs = _Parser(text).selector()
    return sorted(reqs, key=lambda r: r.key)  # sorted() is stable: same-key requirements keep their order


def canonical(reqs):
    return ",".join(str(r) for r in reqs)


def matches(reqs, label_set):
    return all(r.matches(label_set) for r in reqs)


# ---- the object form (metav1.LabelSelector) -------------------------------------------------------

_OPERATORS = {"In": "in", "NotIn": "notin", "Exists": "exists", "DoesNotExist": "!"}


def from_label_selector(obj, field="spec.selector"):
    """(requirements, errors). An empty object selects everything; None must be handled by the caller."""
    errors, reqs = [], []
    match_labels = obj.get("matchLabels") or {}
    for key, value in match_labels.items():
        errors += labels.validate_label(key, value, field + ".matchLabels")
        reqs.append(Requirement(key, "=", [value]))
    for i, expr in enumerate(obj.get("matchExpressions") or []):
        path = "%s.matchExpressions[%d]" % (field, i)
        key, op, values = expr.get("key", ""), expr.get("operator", ""), expr.get("values") or []
        errors += [labels.invalid(path + ".key", key, p) for p in labels.qualified_name_problems(key)]
        if op in ("In", "NotIn"):
            if not values:
                errors.append({"field": path + ".values", "type": "Required value",
                               "message": "Required value: must be specified when `operator` is 'In' or 'NotIn'"})
        elif op in ("Exists", "DoesNotExist"):
            if values:
                errors.append({"field": path + ".values", "type": "Forbidden",
                               "message": "Forbidden: may not be specified when `operator` is 'Exists' or "
                                          "'DoesNotExist'"})
        else:
            errors.append(labels.invalid(path + ".operator", op, "not a valid selector operator"))
            continue
        for j, v in enumerate(values):
            errors += [labels.invalid("%s.values[%d]" % (path, j), v, p) for p in labels.value_problems(v)]
        reqs.append(Requirement(key, _OPERATORS[op], sorted(set(values))))
    if errors:
        return None, errors
    return sorted(reqs, key=lambda r: r.key), []
