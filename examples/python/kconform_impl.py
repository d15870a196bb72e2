#!/usr/bin/env python3
"""pykube-lite: an implementation of the kconform driver protocol 1.0 (docs/protocol.md), capabilities
`labels`, `selectors` and `scheduling`. Newline-delimited JSON: one request per stdin line, one response
per stdout line. stdout carries protocol lines only; logs go to stderr.

Run it under kconform:  npx kconform run --driver 'stdio:python3 examples/python/kconform_impl.py'
"""
import json
import os
import sys
import traceback

sys.dont_write_bytecode = True  # keep the repository free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import labels  # noqa: E402
import scheduler  # noqa: E402
import selectors as sel  # noqa: E402  (this folder's selectors.py, not the standard library's)

PROTOCOL = "1.0"
CAPABILITIES = ["labels", "selectors", "scheduling"]


class RpcError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


# ---- params checking ---------------------------------------------------------------------------

def _is_labels(v):
    return isinstance(v, dict) and all(isinstance(x, str) for x in v.values())


def _is_label_sets(v):
    return isinstance(v, list) and all(_is_labels(x) for x in v)


def _is_objects(v):
    return isinstance(v, list) and all(
        isinstance(o, dict) and isinstance(o.get("metadata"), dict)
        and isinstance(o["metadata"].get("name"), str)
        and _is_labels(o["metadata"].get("labels", {})) for o in v)


def _is_label_selector(v):
    if v is None:
        return True
    if not isinstance(v, dict) or not _is_labels(v.get("matchLabels", {})):
        return False
    exprs = v.get("matchExpressions", [])
    return isinstance(exprs, list) and all(
        isinstance(e, dict) and isinstance(e.get("key"), str) and isinstance(e.get("operator"), str)
        and isinstance(e.get("values", []), list) and all(isinstance(x, str) for x in e.get("values", []))
        for e in exprs)


def _is_kube_objects(v):
    return isinstance(v, list) and all(isinstance(o, dict) and isinstance(o.get("metadata", {}), dict) for o in v)


CHECKS = {
    "string": (lambda v: isinstance(v, str), "must be string"),
    "labels": (_is_labels, "must be an object of strings"),
    "labelSets": (_is_label_sets, "must be an array of objects of strings"),
    "objects": (_is_objects, "must be an array of objects with metadata.name"),
    "labelSelector": (_is_label_selector, "must be null or a LabelSelector"),
    "kubeObjects": (_is_kube_objects, "must be an array of objects"),
    "kubeObject": (lambda v: isinstance(v, dict) and isinstance(v.get("metadata", {}), dict), "must be an object"),
    "number": (lambda v: isinstance(v, (int, float)) and not isinstance(v, bool), "must be number"),
}


def check_params(params, required, optional=None):
    """Raise InvalidParams naming every missing or mistyped field."""
    problems = []
    for name, kind in sorted(required.items()):
        if name not in params:
            problems.append("params.%s: Required value" % name)
        elif not CHECKS[kind][0](params[name]):
            problems.append("params.%s: %s" % (name, CHECKS[kind][1]))
    for name, kind in sorted((optional or {}).items()):
        if name in params and params[name] is not None and not CHECKS[kind][0](params[name]):
            problems.append("params.%s: %s" % (name, CHECKS[kind][1]))
    if problems:
        raise RpcError("InvalidParams", "; ".join(problems))


# ---- methods -----------------------------------------------------------------------------------

def hello(p):
    check_params(p, {"protocol": "string"})
    if p["protocol"].split(".")[0] != PROTOCOL.split(".")[0]:
        raise RpcError("InvalidParams", "protocol %s is not supported; this implementation speaks %s"
                       % (p["protocol"], PROTOCOL))
    return {"protocol": PROTOCOL,
            "implementation": {"name": "pykube-lite", "version": "0.1",
                               "description": "an independent Python implementation written from the documentation"},
            "capabilities": CAPABILITIES}


def validation(errors):
    return {"valid": not errors, "errors": errors}


def labels_validate(p):
    check_params(p, {"key": "string", "value": "string"})
    return validation(labels.validate_label(p["key"], p["value"]))


def labels_validate_annotations(p):
    check_params(p, {"annotations": "labels"})
    return validation(labels.validate_annotations(p["annotations"]))


def _parsed(text):
    try:
        return sel.parse(text), None
    except sel.SelectorError as e:
        return None, {"valid": False, "error": str(e)}


def selectors_parse(p):
    check_params(p, {"selector": "string"})
    reqs, invalid = _parsed(p["selector"])
    if invalid:
        return invalid
    return {"valid": True, "canonical": sel.canonical(reqs), "requirements": [r.to_json() for r in reqs]}


def selectors_match(p):
    check_params(p, {"selector": "string", "labelSets": "labelSets"})
    reqs, invalid = _parsed(p["selector"])
    if invalid:
        return invalid
    return {"valid": True, "canonical": sel.canonical(reqs),
            "matches": [sel.matches(reqs, s) for s in p["labelSets"]]}


def selectors_select(p):
    check_params(p, {"selector": "string", "objects": "objects"})
    reqs, invalid = _parsed(p["selector"])
    if invalid:
        return invalid
    chosen = [o["metadata"]["name"] for o in p["objects"] if sel.matches(reqs, o["metadata"].get("labels") or {})]
    return {"valid": True, "selected": chosen}


def selectors_match_label_selector(p):
    check_params(p, {"labelSelector": "labelSelector", "labelSets": "labelSets"})
    if p["labelSelector"] is None:
        return {"valid": True, "canonical": "", "matches": [False for _ in p["labelSets"]]}
    reqs, errors = sel.from_label_selector(p["labelSelector"])
    if errors:
        return {"valid": False, "errors": errors}
    return {"valid": True, "canonical": sel.canonical(reqs),
            "matches": [sel.matches(reqs, s) for s in p["labelSets"]]}


def scheduling_schedule(p):
    check_params(p, {"nodes": "kubeObjects", "pods": "kubeObjects", "pod": "kubeObject"},
                 {"percentageOfNodesToScore": "number", "seed": "number"})
    try:
        return scheduler.schedule(p["nodes"], p["pods"], p["pod"], p.get("percentageOfNodesToScore"))
    except ValueError as e:
        raise RpcError("InvalidParams", str(e))


def shutdown(p):
    return {}


METHODS = {
    "hello": hello,
    "shutdown": shutdown,
    "labels.validate": labels_validate,
    "labels.validateAnnotations": labels_validate_annotations,
    "selectors.parse": selectors_parse,
    "selectors.match": selectors_match,
    "selectors.select": selectors_select,
    "selectors.matchLabelSelector": selectors_match_label_selector,
    "scheduling.schedule": scheduling_schedule,
}


# ---- the loop ----------------------------------------------------------------------------------

def log(*args):
    print("pykube-lite:", *args, file=sys.stderr, flush=True)


def answer(line):
    """The response to one input line, and whether the session should end."""
    try:
        msg = json.loads(line)
    except ValueError as e:
        return {"id": None, "error": {"code": "BadRequest", "message": "the line is not JSON: %s" % e}}, False
    rid = msg.get("id") if isinstance(msg, dict) else None
    if not isinstance(msg, dict) or not isinstance(rid, int) or isinstance(rid, bool) or rid < 1 \
            or not isinstance(msg.get("method"), str):
        return {"id": None, "error": {"code": "BadRequest", "message": "not a request: needs an integer id >= 1 "
                                                                        "and a string method"}}, False
    method, params = msg["method"], msg.get("params", {})
    handler = METHODS.get(method)
    try:
        if handler is None:
            raise RpcError("MethodNotFound", "method %s is not implemented by pykube-lite" % json.dumps(method))
        if not isinstance(params, dict):
            raise RpcError("InvalidParams", "params: must be object")
        return {"id": rid, "result": handler(params)}, method == "shutdown"
    except RpcError as e:
        return {"id": rid, "error": {"code": e.code, "message": e.message}}, False
    except Exception as e:  # a bug here must not kill the session
        log("internal error in %s:\n%s" % (method, traceback.format_exc()))
        return {"id": rid, "error": {"code": "Internal", "message": "%s: %s" % (type(e).__name__, e)}}, False


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        response, done = answer(line)
        sys.stdout.write(json.dumps(response, separators=(",", ":")) + "\n")
        sys.stdout.flush()
        if done:
            return


if __name__ == "__main__":
    main()
