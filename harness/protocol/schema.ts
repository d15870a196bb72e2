import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvModule, { type ValidateFunction } from 'ajv';
import { describeAjvErrors } from '../validation/fieldPath.ts';

const Ajv = AjvModule.default ?? AjvModule;

/** spec/protocol: core.schema.json (messages, hello, shared definitions) and one file per capability. */
export const PROTOCOL_SCHEMA_DIR = fileURLToPath(new URL('../../spec/protocol/', import.meta.url));

type SchemaFile = { $id: string; definitions: Record<string, unknown> };
const files: SchemaFile[] = readdirSync(PROTOCOL_SCHEMA_DIR)
  .filter((f) => f.endsWith('.schema.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(PROTOCOL_SCHEMA_DIR, f), 'utf8')));
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
for (const f of files) ajv.addSchema(f);
/** Definition name → the $id of the file defining it. */
const owner = new Map<string, string>();
for (const f of files) for (const def of Object.keys(f.definitions)) owner.set(def, f.$id);
const cache = new Map<string, ValidateFunction | null>();

function validator(def: string): ValidateFunction | null {
  if (!cache.has(def)) cache.set(def, owner.has(def) ? ajv.getSchema(`${owner.get(def)}#/definitions/${def}`)! : null);
  return cache.get(def)!;
}

/** The methods the protocol schema defines (those with both `.params` and `.result`). */
export function protocolMethods(): string[] {
  return [...owner.keys()]
    .filter((k) => k.endsWith('.params'))
    .map((k) => k.slice(0, -'.params'.length))
    .filter((m) => owner.has(`${m}.result`));
}

/**
 * Check one protocol message against the schema. Returns undefined when it conforms, or
 * `<path>: <rule>` naming the first broken rules.
 *  - 'request': the whole request line (`{id, method, params}`), params checked for the method.
 *  - 'response': the whole response line, its result checked for the method.
 */
export function checkMessage(direction: 'request' | 'response', method: string, msg: unknown): string | undefined {
  const envelope = validator(direction)!;
  if (!envelope(msg)) return describeAjvErrors(envelope.errors).join('; ');
  const body = direction === 'request' ? (msg as { params: unknown }).params : (msg as { result?: unknown }).result;
  if (direction === 'response' && body === undefined) return undefined; // an error response
  const v = validator(`${method}.${direction === 'request' ? 'params' : 'result'}`);
  if (!v) return direction === 'request' ? `method "${method}" is not part of the protocol` : undefined;
  if (v(body)) return undefined;
  return describeAjvErrors(v.errors, direction === 'request' ? 'params' : 'result').join('; ');
}
