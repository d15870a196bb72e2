// Port layouts from spec/ports/*.yaml, checked against spec/ports/layout.schema.json.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import type { FieldError } from '../ipam/fieldError.ts';

export type NodeRole = 'master' | 'worker';

export interface Listener {
  node: NodeRole;
  component: string;
  /** A port, or an inclusive range `first-last`. */
  port: number | string;
  protocol?: 'TCP' | 'UDP';
  purpose: string;
  scheme?: 'http' | 'https' | 'none';
  paths?: string[];
}

export interface PortLayout {
  layout: string;
  description: string;
  source?: string;
  components: Listener[];
  removed?: { component: string; port: number | string; note: string }[];
}

export type LayoutResult = { ok: true; layout: PortLayout } | { ok: false; errors: FieldError[] };

export const LAYOUT_NAMES = ['seed', 'upstream'] as const;
const SPEC_DIR = new URL('../../spec/ports/', import.meta.url);

const require = createRequire(import.meta.url);
const Ajv = require('ajv') as typeof import('ajv').default;
const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(new URL('layout.schema.json', SPEC_DIR), 'utf8')));

/** `/components/3/port` → `components[3].port`. */
export function fieldPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

/** Checks a parsed layout document against the schema. Never throws. */
export function validateLayout(document: unknown): LayoutResult {
  if (validate(document)) return { ok: true, layout: document as PortLayout };
  const errors = (validate.errors ?? [])
    .filter((e) => e.keyword !== 'if')
    .map((e) => ({ field: fieldPath(e.instancePath) || '<root>', type: 'FieldValueInvalid', message: `Invalid value: ${e.message ?? 'invalid'}` }));
  return { ok: false, errors };
}

/** Loads `spec/ports/layout-<name>.yaml` (or any YAML text) and validates it. Never throws. */
export function loadLayout(name: (typeof LAYOUT_NAMES)[number] | { yaml: string }): LayoutResult {
  let document: unknown;
  try {
    document = parse(typeof name === 'string' ? readFileSync(new URL(`layout-${name}.yaml`, SPEC_DIR), 'utf8') : name.yaml);
  } catch (err) {
    return { ok: false, errors: [{ field: '<root>', type: 'FieldValueInvalid', message: `Invalid value: ${(err as Error).message}` }] };
  }
  return validateLayout(document);
}
