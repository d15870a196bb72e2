import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AjvModule, { type ValidateFunction } from 'ajv';
import { describeAjvErrors } from '../validation/fieldPath.ts';

const Ajv = AjvModule.default ?? AjvModule;

export const PROTOCOL_SCHEMA_PATH = fileURLToPath(new URL('../../spec/protocol/kconform-protocol.schema.json', import.meta.url));
const schema = JSON.parse(readFileSync(PROTOCOL_SCHEMA_PATH, 'utf8')) as { $id: string; definitions: Record<string, unknown> };
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
ajv.addSchema(schema);
const cache = new Map<string, ValidateFunction | null>();

function validator(def: string): ValidateFunction | null {
  if (!cache.has(def)) cache.set(def, def in schema.definitions ? ajv.getSchema(`${schema.$id}#/definitions/${def}`)! : null);
  return cache.get(def)!;
}

/** The methods the protocol schema defines (those with both `.params` and `.result`). */
export function protocolMethods(): string[] {
  return Object.keys(schema.definitions)
    .filter((k) => k.endsWith('.params'))
    .map((k) => k.slice(0, -'.params'.length))
    .filter((m) => `${m}.result` in schema.definitions);
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
