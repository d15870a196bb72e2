import type { ErrorObject } from 'ajv';

/** `/spec/containers/0/image` → `spec.containers[0].image` (Kubernetes' field path spelling). */
export function fieldPath(instancePath: string, base = ''): string {
  let out = base;
  for (const raw of instancePath.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out || '<root>';
}

/** One ajv error as `<field path>: <rule>`, naming the missing or extra property where ajv knows it. */
export function describeAjvError(e: ErrorObject, base = ''): string {
  const at = fieldPath(e.instancePath, base);
  switch (e.keyword) {
    case 'required':
      return `${fieldPath(`${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}`, base)}: Required value`;
    case 'additionalProperties':
      return `${fieldPath(`${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`, base)}: unknown field`;
    case 'enum':
      return `${at}: Unsupported value: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `${at}: must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    default:
      return `${at}: ${e.message}`;
  }
}

/**
 * The useful errors of one ajv run, as `<path>: <rule>` lines. ajv reports every branch of a
 * failed `oneOf`/`anyOf`; of those, only the errors of the branch that got deepest are kept,
 * and the bare "must match" summaries are dropped.
 */
export function describeAjvErrors(errors: ErrorObject[] | null | undefined, base = ''): string[] {
  if (!errors?.length) return [];
  const inBranch = (e: ErrorObject) => /\/(oneOf|anyOf)\/\d+\//.test(e.schemaPath);
  const specific = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if');
  const direct = specific.filter((e) => !inBranch(e));
  const branch = specific.filter(inBranch);
  const depth = (e: ErrorObject) => e.instancePath.split('/').length;
  const deepest = Math.max(0, ...branch.map(depth));
  const chosen = [...direct, ...branch.filter((e) => depth(e) === deepest)];
  const pool = chosen.length ? chosen : errors;
  return [...new Set(pool.map((e) => describeAjvError(e, base)))];
}
