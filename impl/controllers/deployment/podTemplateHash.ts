// The pod-template-hash label (controller.ComputeHash): names a Deployment's ReplicaSet after its
// pod template, so that the same template always maps to the same ReplicaSet name.
//
// Differs from upstream on purpose: upstream hashes the Go struct dump (spew) of the
// PodTemplateSpec, which depends on Go field order and type names; we hash the template's
// canonical JSON (keys sorted, recursively). Both use 32-bit FNV-1a, mix in collisionCount the
// same way and encode the decimal digits of the sum with rand.SafeEncodeString, so the label has
// upstream's shape (e.g. `5d8f7b9c4`) but not its value for the same template.
import { NAME_ALPHABET } from '../replicaset/podFromTemplate.ts';

export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

/** JSON with object keys sorted at every level and undefined members dropped. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value).sort().filter((k) => (value as any)[k] !== undefined);
    return `{${entries.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as any)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function fnv1a32(bytes: Uint8Array, hash = 0x811c9dc5): number {
  for (const b of bytes) hash = Math.imul(hash ^ b, 0x01000193) >>> 0;
  return hash;
}

/** rand.SafeEncodeString: each character mapped into the vowel-free alphabet by its code. */
export const safeEncodeString = (s: string): string => [...s].map((ch) => NAME_ALPHABET[ch.charCodeAt(0) % NAME_ALPHABET.length]).join('');

/** The hash of `template`, with `collisionCount` (when set) appended as 8 little-endian bytes. */
export function podTemplateHash(template: unknown, collisionCount?: number): string {
  let hash = fnv1a32(new TextEncoder().encode(canonicalJson(template)));
  if (collisionCount !== undefined && collisionCount !== null) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    hash = fnv1a32(bytes, hash);
  }
  return safeEncodeString(String(hash));
}
