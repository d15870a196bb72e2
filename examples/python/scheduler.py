"""A small kube-scheduler, written from the Kubernetes documentation ("Kubernetes Scheduler",
"Assigning Pods to Nodes", "Taints and Tolerations", "Resource Management for Pods and Containers",
"Resource Bin Packing", "Scheduler Performance Tuning").

schedule(nodes, pods, pod, percentage=None) -> the protocol's scheduling.schedule result:
  {scheduled: True, node, feasible, scores?} or {scheduled: False, message, reasons}.

Filtering (a node must pass every filter; the first failing filter gives the node's reasons):
  unschedulable nodes, spec.nodeName, NoSchedule/NoExecute taints, nodeSelector and required node
  affinity, host ports, then resources (pod count, cpu, memory and any other requested resource).
Scoring (weights as in the default scheduler profile): least allocated cpu/memory (1), balanced
  cpu/memory (1), PreferNoSchedule taints (3), preferred node affinity (2). Highest total wins;
  ties go to the node whose name sorts first.
Malformed quantities raise ValueError.
"""
import math
import re
from fractions import Fraction

WEIGHTS = {"fit": 1, "balanced": 1, "taints": 3, "affinity": 2}
MIN_FEASIBLE_NODES = 100
MAX_SCORE = 100

_QUANTITY = re.compile(r"^([+-]?)(\d+\.?\d*|\.\d+)(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$")
_SUFFIX = {
    "Ki": 2 ** 10, "Mi": 2 ** 20, "Gi": 2 ** 30, "Ti": 2 ** 40, "Pi": 2 ** 50, "Ei": 2 ** 60,
    "n": Fraction(1, 10 ** 9), "u": Fraction(1, 10 ** 6), "m": Fraction(1, 1000), None: 1,
    "k": 10 ** 3, "M": 10 ** 6, "G": 10 ** 9, "T": 10 ** 12, "P": 10 ** 15, "E": 10 ** 18,
}


def quantity(text, resource):
    """A resource quantity in integer base units: millicores for cpu, otherwise units (bytes, pods), rounded up."""
    m = _QUANTITY.match(str(text).strip())
    if not m:
        raise ValueError("quantities must match the regular expression "
                         "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': %r (%s)" % (text, resource))
    sign, digits, exponent, suffix = m.groups()
    value = Fraction(digits) * (Fraction(10) ** int(exponent[1:]) if exponent else _SUFFIX[suffix])
    if sign == "-":
        value = -value
    if resource == "cpu":
        value *= 1000
    return math.ceil(value)


# ---- requests and capacity ------------------------------------------------------------------------

def container_requests(container):
    """Requests of one container; a limit with no request counts as the request (API defaulting)."""
    resources = container.get("resources") or {}
    merged = dict(resources.get("limits") or {})
    merged.update(resources.get("requests") or {})
    return {name: quantity(q, name) for name, q in merged.items()}


def pod_requests(pod):
    """Effective requests: the larger of the app containers' sum and the largest init container, plus overhead."""
    spec = pod.get("spec") or {}
    total = {}
    for c in spec.get("containers") or []:
        for name, q in container_requests(c).items():
            total[name] = total.get(name, 0) + q
    for c in spec.get("initContainers") or []:
        for name, q in container_requests(c).items():
            total[name] = max(total.get(name, 0), q)
    for name, q in (spec.get("overhead") or {}).items():
        total[name] = total.get(name, 0) + quantity(q, name)
    return total


def allocatable(node):
    status = node.get("status") or {}
    raw = status.get("allocatable") or status.get("capacity") or {}
    return {name: quantity(q, name) for name, q in raw.items()}


def name_of(obj):
    return (obj.get("metadata") or {}).get("name", "")


def pods_on(node_name, pods):
    """Pods bound to the node that still hold resources (not Succeeded or Failed)."""
    return [p for p in pods
            if (p.get("spec") or {}).get("nodeName") == node_name
            and (p.get("status") or {}).get("phase") not in ("Succeeded", "Failed")]


# ---- taints and tolerations ---------------------------------------------------------------------------

def tolerates(toleration, taint):
    effect = toleration.get("effect") or ""
    if effect and effect != taint.get("effect"):
        return False
    key = toleration.get("key") or ""
    operator = toleration.get("operator") or "Equal"
    if key == "" and operator == "Exists":
        return True
    if key != taint.get("key"):
        return False
    if operator == "Exists":
        return True
    return (toleration.get("value") or "") == (taint.get("value") or "")


def tolerated(taint, tolerations):
    return any(tolerates(t, taint) for t in tolerations)


def tolerations_of(pod):
    return (pod.get("spec") or {}).get("tolerations") or []


def taints_of(node):
    return (node.get("spec") or {}).get("taints") or []


# ---- node selectors ---------------------------------------------------------------------------------

def _expression_matches(expr, value_of):
    key, op, values = expr.get("key"), expr.get("operator"), expr.get("values") or []
    has, value = value_of(key)
    if op == "In":
        return has and value in values
    if op == "NotIn":
        return not has or value not in values
    if op == "Exists":
        return has
    if op == "DoesNotExist":
        return not has
    if op in ("Gt", "Lt"):
        if not has or len(values) != 1:
            return False
        try:
            have, want = int(value), int(values[0])
        except ValueError:
            return False
        return have > want if op == "Gt" else have < want
    return False


def term_matches(term, node):
    """A node selector term: all matchExpressions (labels) and matchFields (metadata.name) hold; empty matches nothing."""
    exprs, fields = term.get("matchExpressions") or [], term.get("matchFields") or []
    if not exprs and not fields:
        return False
    node_labels = (node.get("metadata") or {}).get("labels") or {}

    def by_label(key):
        return key in node_labels, node_labels.get(key)

    def by_field(key):
        return (True, name_of(node)) if key == "metadata.name" else (False, None)

    return all(_expression_matches(e, by_label) for e in exprs) and all(_expression_matches(f, by_field) for f in fields)


def node_affinity(pod):
    return ((pod.get("spec") or {}).get("affinity") or {}).get("nodeAffinity") or {}


def selector_matches(pod, node):
    spec = pod.get("spec") or {}
    node_labels = (node.get("metadata") or {}).get("labels") or {}
    for key, value in (spec.get("nodeSelector") or {}).items():
        if node_labels.get(key) != value:
            return False
    required = node_affinity(pod).get("requiredDuringSchedulingIgnoredDuringExecution")
    if required is not None:
        return any(term_matches(t, node) for t in required.get("nodeSelectorTerms") or [])
    return True


# ---- filters ----------------------------------------------------------------------------------------

def host_ports(pod):
    ports = []
    for c in (pod.get("spec") or {}).get("containers") or []:
        for p in c.get("ports") or []:
            if p.get("hostPort"):
                ports.append((p.get("hostIP") or "0.0.0.0", p.get("protocol") or "TCP", p["hostPort"]))
    return ports


def _ports_conflict(a, b):
    return a[1] == b[1] and a[2] == b[2] and (a[0] == b[0] or "0.0.0.0" in (a[0], b[0]))


def filter_node(pod, node, pods, requests):
    """The reasons the node cannot host the pod; [] when it can."""
    spec, name = pod.get("spec") or {}, name_of(node)
    tolerations = tolerations_of(pod)
    if (node.get("spec") or {}).get("unschedulable"):
        if not tolerated({"key": "node.kubernetes.io/unschedulable", "effect": "NoSchedule"}, tolerations):
            return ["node(s) were unschedulable"]
    if spec.get("nodeName") and spec["nodeName"] != name:
        return ["node(s) didn't match the requested node name"]
    for taint in taints_of(node):
        if taint.get("effect") in ("NoSchedule", "NoExecute") and not tolerated(taint, tolerations):
            return ["node(s) had untolerated taint {%s: %s}" % (taint.get("key", ""), taint.get("value") or "")]
    if not selector_matches(pod, node):
        return ["node(s) didn't match Pod's node affinity/selector"]
    placed = pods_on(name, pods)
    used_ports = [p for other in placed for p in host_ports(other)]
    if any(_ports_conflict(mine, theirs) for mine in host_ports(pod) for theirs in used_ports):
        return ["node(s) didn't have free ports for the requested pod ports"]
    return resource_reasons(node, placed, requests)


def resource_reasons(node, placed, requests):
    alloc = allocatable(node)
    reasons = []
    if "pods" in alloc and len(placed) + 1 > alloc["pods"]:
        reasons.append("Too many pods")
    used = sum_requests(placed)
    ordered = ["cpu", "memory"] + sorted(r for r in requests if r not in ("cpu", "memory", "pods"))
    for resource in ordered:
        want = requests.get(resource, 0)
        if want > 0 and used.get(resource, 0) + want > alloc.get(resource, 0):
            reasons.append("Insufficient " + resource)
    return reasons


def sum_requests(pods):
    total = {}
    for p in pods:
        for name, q in pod_requests(p).items():
            total[name] = total.get(name, 0) + q
    return total


# ---- scoring ----------------------------------------------------------------------------------------

def resource_scores(node, placed, requests):
    """(least allocated, balanced allocation), each 0..100, over cpu and memory."""
    alloc, used = allocatable(node), sum_requests(placed)
    least, fractions = [], []
    for resource in ("cpu", "memory"):
        capacity = alloc.get(resource, 0)
        requested = used.get(resource, 0) + requests.get(resource, 0)
        if capacity <= 0:
            least.append(0)
            continue
        least.append(max(0, (capacity - requested) * MAX_SCORE // capacity))
        fractions.append(min(1.0, requested / capacity))
    fit = sum(least) // len(least)
    spread = abs(fractions[0] - fractions[1]) / 2 if len(fractions) == 2 else 0.0
    return fit, int((1 - spread) * MAX_SCORE)


def prefer_no_schedule_count(pod, node):
    tolerations = tolerations_of(pod)
    return sum(1 for t in taints_of(node) if t.get("effect") == "PreferNoSchedule" and not tolerated(t, tolerations))


def preferred_affinity_sum(pod, node):
    total = 0
    for term in node_affinity(pod).get("preferredDuringSchedulingIgnoredDuringExecution") or []:
        if term_matches(term.get("preference") or {}, node):
            total += term.get("weight", 0)
    return total


def score_nodes(pod, nodes, pods, requests):
    taint_counts = {name_of(n): prefer_no_schedule_count(pod, n) for n in nodes}
    affinity_sums = {name_of(n): preferred_affinity_sum(pod, n) for n in nodes}
    max_taints, max_affinity = max(taint_counts.values()), max(affinity_sums.values())
    scores = {}
    for node in nodes:
        name = name_of(node)
        fit, balanced = resource_scores(node, pods_on(name, pods), requests)
        taints = MAX_SCORE - taint_counts[name] * MAX_SCORE // max_taints if max_taints else MAX_SCORE
        affinity = affinity_sums[name] * MAX_SCORE // max_affinity if max_affinity else 0
        scores[name] = (WEIGHTS["fit"] * fit + WEIGHTS["balanced"] * balanced
                        + WEIGHTS["taints"] * taints + WEIGHTS["affinity"] * affinity)
    return scores


# ---- the cycle --------------------------------------------------------------------------------------

def nodes_to_find(total, percentage):
    """How many feasible nodes are enough before scoring (Scheduler Performance Tuning)."""
    if total < MIN_FEASIBLE_NODES or (percentage is not None and percentage >= 100):
        return total
    if not percentage:
        percentage = max(5, 50 - total // 125)
    return min(total, max(MIN_FEASIBLE_NODES, total * percentage // 100))


def unschedulable_message(total, reasons):
    counts = {}
    for node_reasons in reasons.values():
        for r in node_reasons:
            counts[r] = counts.get(r, 0) + 1
    parts = sorted("%d %s" % (n, r) for r, n in counts.items())
    return "0/%d nodes are available: %s." % (total, ", ".join(parts))


def schedule(nodes, pods, pod, percentage=None):
    requests = pod_requests(pod)
    if not nodes:
        return {"scheduled": False, "message": "no nodes available to schedule pods", "reasons": {}}
    enough = nodes_to_find(len(nodes), percentage)
    feasible, reasons = [], {}
    for node in nodes:
        why = filter_node(pod, node, pods, requests)
        if why:
            reasons[name_of(node)] = why
        else:
            feasible.append(node)
            if len(feasible) >= enough:
                break
    if not feasible:
        return {"scheduled": False, "message": unschedulable_message(len(nodes), reasons), "reasons": reasons}
    names = [name_of(n) for n in feasible]
    if len(feasible) == 1:
        return {"scheduled": True, "node": names[0], "feasible": names}
    scores = score_nodes(pod, feasible, pods, requests)
    best = min(names, key=lambda n: (-scores[n], n))
    return {"scheduled": True, "node": best, "feasible": names, "scores": scores}
