// v1.NodeSelector (required node affinity) and preferred scheduling terms, compiled once per pod.
// Terms are ORed, expressions inside a term ANDed; matchFields supports metadata.name.
// A term that cannot be parsed (bad operator, Gt without one integer) never matches, as upstream
// ignores parse errors for backwards compatibility.
import type { Labels } from './labelSelector.ts';

interface Expr {
  key: string;
  op: string;
  values: readonly string[];
  /** Gt/Lt bound. */
  bound: number;
}

export interface NodeSelectorTerm {
  exprs: Expr[];
  fields: Expr[];
  valid: boolean;
}

type RawExpr = { key: string; operator: string; values?: string[] };
type RawTerm = { matchExpressions?: RawExpr[]; matchFields?: RawExpr[] };

const INTEGER = /^[+-]?[0-9]+$/;

function compileExpr(raw: RawExpr, isField: boolean): Expr | null {
  const values = raw.values ?? [];
  switch (raw.operator) {
    case 'In':
    case 'NotIn':
      return values.length > 0 ? { key: raw.key, op: raw.operator, values, bound: 0 } : null;
    case 'Exists':
    case 'DoesNotExist':
      return !isField && values.length === 0 ? { key: raw.key, op: raw.operator, values, bound: 0 } : null;
    case 'Gt':
    case 'Lt':
      if (isField || values.length !== 1 || !INTEGER.test(values[0])) return null;
      return { key: raw.key, op: raw.operator, values, bound: Number(values[0]) };
    default:
      return null;
  }
}

export function compileTerm(raw: RawTerm): NodeSelectorTerm {
  const exprs: Expr[] = [];
  const fields: Expr[] = [];
  let valid = (raw.matchExpressions?.length ?? 0) + (raw.matchFields?.length ?? 0) > 0;
  for (const e of raw.matchExpressions ?? []) {
    const c = compileExpr(e, false);
    if (c) exprs.push(c);
    else valid = false;
  }
  for (const f of raw.matchFields ?? []) {
    const c = f.key === 'metadata.name' ? compileExpr(f, true) : null;
    if (c) fields.push(c);
    else valid = false;
  }
  return { exprs, fields, valid };
}

function exprMatches(e: Expr, value: string | undefined): boolean {
  switch (e.op) {
    case 'In':
      return value !== undefined && e.values.includes(value);
    case 'NotIn':
      return value === undefined || !e.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || !INTEGER.test(value)) return false;
      const n = Number(value);
      return e.op === 'Gt' ? n > e.bound : n < e.bound;
    }
    default:
      return false;
  }
}

export function termMatches(t: NodeSelectorTerm, labels: Labels, nodeName: string): boolean {
  if (!t.valid) return false;
  for (const e of t.exprs) if (!exprMatches(e, labels[e.key])) return false;
  for (const f of t.fields) if (!exprMatches(f, nodeName)) return false;
  return true;
}

/** spec.nodeSelector AND spec.affinity.nodeAffinity.required (terms ORed). */
export class RequiredNodeAffinity {
  constructor(
    readonly nodeSelector: Readonly<Record<string, string>> | null,
    /** null: no required node affinity; []: one that matches no node. */
    readonly terms: NodeSelectorTerm[] | null,
  ) {}

  static readonly NONE = new RequiredNodeAffinity(null, null);

  get isEmpty(): boolean {
    return this.nodeSelector === null && this.terms === null;
  }

  matches(labels: Labels, nodeName: string): boolean {
    if (this.nodeSelector) {
      for (const k in this.nodeSelector) if (labels[k] !== this.nodeSelector[k]) return false;
    }
    if (this.terms) {
      for (const t of this.terms) if (termMatches(t, labels, nodeName)) return true;
      return false;
    }
    return true;
  }
}

export interface PreferredTerm {
  weight: number;
  term: NodeSelectorTerm;
}

/** Preferred terms with weight 0 or no requirements are dropped, as upstream does. */
export function compilePreferred(raw: { weight: number; preference?: RawTerm }[]): PreferredTerm[] {
  const out: PreferredTerm[] = [];
  for (const p of raw) {
    const pref = p.preference ?? {};
    if (!p.weight || (pref.matchExpressions?.length ?? 0) + (pref.matchFields?.length ?? 0) === 0) continue;
    out.push({ weight: p.weight, term: compileTerm(pref) });
  }
  return out;
}
