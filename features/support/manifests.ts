import { existsSync, readFileSync } from 'node:fs';
import AjvModule, { type ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';
import { describeAjvErrors } from '../../harness/validation/fieldPath.ts';

const Ajv = AjvModule.default ?? AjvModule;
const ajv = new Ajv({ allErrors: true, strict: false });
const schemaUrl = (name: string) => new URL(`../../spec/schemas/manifests/${name}.schema.json`, import.meta.url);
const validators = new Map<string, ValidateFunction>();

/** The validator of spec/schemas/manifests/<kind>.schema.json, or of object.schema.json for kinds without one. */
function validatorFor(kind: string): ValidateFunction {
  const url = existsSync(schemaUrl(kind.toLowerCase())) ? schemaUrl(kind.toLowerCase()) : schemaUrl('object');
  if (!validators.has(url.href)) validators.set(url.href, ajv.compile(JSON.parse(readFileSync(url, 'utf8'))));
  return validators.get(url.href)!;
}

export type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> } } & Record<string, unknown>;

/** Thrown for a manifest that is not YAML or breaks its schema; the message names the document, field and rule. */
export class ManifestError extends Error {
  override name = 'ManifestError';
}

/**
 * Parse a docstring of one or more YAML documents and check each against spec/schemas/manifests/<kind>.schema.json
 * (or object.schema.json for kinds without their own).
 */
export function parseManifests(text: string): Manifest[] {
  const docs = parseAllDocuments(text);
  return docs.map((doc, i) => {
    const where = `manifest ${i + 1}`;
    if (doc.errors.length) throw new ManifestError(`${where}: not valid YAML: ${doc.errors[0].message}`);
    const value = doc.toJS() as unknown;
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ManifestError(`${where}: must be a mapping (an object), got ${JSON.stringify(value)}`);
    const kind = typeof (value as { kind?: unknown }).kind === 'string' ? (value as { kind: string }).kind : 'object';
    const validate = validatorFor(kind);
    if (!validate(value)) {
      const name = (value as { metadata?: { name?: string } }).metadata?.name;
      throw new ManifestError(`${where}${name ? ` (${kind} ${name})` : ''}: ${describeAjvErrors(validate.errors).join('; ')}`);
    }
    return value as Manifest;
  });
}
