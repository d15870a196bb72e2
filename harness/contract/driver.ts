import type { Capability, Hello, Method, Params, Result } from './methods.ts';

/**
 * The one door between the suite and an implementation. Steps and properties hold a Driver and
 * nothing else: they never import impl/.
 *
 * `call` resolves with the method's result or rejects with a DriverError. A DriverError whose
 * `kind` is 'protocol' means the implementation broke the protocol (malformed line, crash, timeout,
 * schema violation); any other kind is an answer the implementation chose to give.
 */
export interface Driver {
  readonly name: string;
  readonly hello: Hello;
  has(capability: Capability): boolean;
  call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>>;
  close(): Promise<void>;
}

/** The error codes of the protocol. Kubernetes status reasons are used where one fits. */
export type ErrorCode =
  | 'MethodNotFound'
  | 'InvalidParams'
  | 'NotApplicable'
  | 'Internal'
  | 'ProtocolError'
  | 'Timeout'
  | 'BadRequest'
  | 'Invalid'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Gone'
  | 'Forbidden';

export interface ErrorBody {
  code: ErrorCode | string;
  message: string;
  field?: string;
  causes?: { field: string; message: string; type?: string }[];
}

export class DriverError extends Error {
  readonly code: string;
  readonly field?: string;
  readonly causes?: ErrorBody['causes'];
  /** 'protocol' when the implementation broke the protocol; 'answer' when it returned this error. */
  readonly kind: 'protocol' | 'answer';
  /** The offending message, for protocol errors. */
  readonly offending?: string;
  /** The message without the field prefix. */
  readonly detail: string;

  constructor(body: ErrorBody, kind: 'protocol' | 'answer' = 'answer', offending?: string) {
    super(body.field ? `${body.field}: ${body.message}` : body.message);
    this.name = 'DriverError';
    this.detail = body.message;
    this.code = body.code;
    this.field = body.field;
    this.causes = body.causes;
    this.kind = kind;
    this.offending = offending;
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.detail, ...(this.field ? { field: this.field } : {}), ...(this.causes ? { causes: this.causes } : {}) };
  }
}
