// Kubernetes `Status` failures (metav1.Status) with upstream's codes, reasons and messages.
// Every failure the API server answers with is an ApiError; nothing else escapes a handler.

export interface StatusCause {
  reason: string;
  message: string;
  field: string;
}

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[] };
  code: number;
}

/** Names a resource in messages: `pods`, or `deployments.apps` outside the core group. */
export interface ResourceName {
  resource: string;
  group: string;
}

export class ApiError extends Error {
  readonly body: StatusBody;

  constructor(code: number, reason: string, message: string, details?: StatusBody['details']) {
    super(message);
    this.name = 'ApiError';
    this.body = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code };
  }

  get code(): number {
    return this.body.code;
  }

  get reason(): string {
    return this.body.reason;
  }
}

const qualified = (r: ResourceName) => (r.group ? `${r.resource}.${r.group}` : r.resource);
const detailsOf = (r: ResourceName, name: string) => ({ name, ...(r.group ? { group: r.group } : {}), kind: r.resource });

export const badRequest = (message: string) => new ApiError(400, 'BadRequest', message);

export const notFound = (r: ResourceName, name: string) =>
  new ApiError(404, 'NotFound', `${qualified(r)} "${name}" not found`, detailsOf(r, name));

/** A path the server does not serve at all. */
export const pathNotFound = () => new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});

export const alreadyExists = (r: ResourceName, name: string) =>
  new ApiError(409, 'AlreadyExists', `${qualified(r)} "${name}" already exists`, detailsOf(r, name));

export const conflict = (r: ResourceName, name: string, why = 'the object has been modified; please apply your changes to the latest version and try again') =>
  new ApiError(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(r)} "${name}": ${why}`, detailsOf(r, name));

export const forbidden = (r: ResourceName, name: string, why: string, causes?: StatusCause[]) =>
  new ApiError(403, 'Forbidden', `${qualified(r)} "${name}" is forbidden: ${why}`, { ...detailsOf(r, name), ...(causes ? { causes } : {}) });

/** The field errors' StatusCause reasons, keyed by their display text. */
const CAUSE_REASONS: Record<string, string> = {
  'Invalid value': 'FieldValueInvalid',
  'Required value': 'FieldValueRequired',
  Forbidden: 'FieldValueForbidden',
  'Too long': 'FieldValueTooLong',
  'Too many': 'FieldValueTooMany',
  'Unsupported value': 'FieldValueNotSupported',
  'Duplicate value': 'FieldValueDuplicate',
  'Not found': 'FieldValueNotFound',
};

export interface FieldErrorLike {
  field: string;
  type?: string;
  message: string;
}

/** 422 Invalid: `Pod "x" is invalid: <field>: <message>` (several: `[a, b]`), one cause per error. */
export function invalid(kind: string, group: string, name: string, errors: readonly FieldErrorLike[]): ApiError {
  const lines = [...new Set(errors.map((e) => `${e.field}: ${e.message}`))];
  const summary = lines.length === 1 ? lines[0] : `[${lines.join(', ')}]`;
  const causes = errors.map((e) => ({ reason: CAUSE_REASONS[e.type ?? ''] ?? 'FieldValueInvalid', message: e.message, field: e.field }));
  return new ApiError(422, 'Invalid', `${kind}${group ? `.${group}` : ''} "${name}" is invalid: ${summary}`, { name, ...(group ? { group } : {}), kind, causes });
}

/** 410 Expired, as a watch ERROR event or a list with a stale continue token. */
export const expired = (message: string) => new ApiError(410, 'Expired', message);

export const tooLarge = (limit: number) => new ApiError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);

export const unsupportedMediaType = (contentType: string) =>
  new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml${contentType ? ` (got ${JSON.stringify(contentType)})` : ''}`);

export const methodNotAllowed = () => new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');

export const timeout = (message: string) => new ApiError(504, 'Timeout', message);
