// Failures a client call can reject with.

/** The API server answered with a Status failure. */
export class ApiStatusError extends Error {
  constructor(
    readonly code: number,
    /** The Status reason: NotFound, AlreadyExists, Conflict, Expired, Invalid, Unauthorized, ... */
    readonly reason: string,
    message: string,
    readonly status: unknown,
  ) {
    super(message);
    this.name = 'ApiStatusError';
  }
}

/** The request never got an answer (connection refused, reset, malformed response). */
export class TransportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransportError';
  }
}

export const isStatus = (error: unknown, reason: string): error is ApiStatusError => error instanceof ApiStatusError && error.reason === reason;
export const isNotFound = (error: unknown) => error instanceof ApiStatusError && error.code === 404;
/** A `.catch` handler for a write whose object may already be gone: swallows 404, rethrows anything else. */
export const ignoreNotFound = (error: unknown): void => {
  if (!isNotFound(error)) throw error;
};
export const isAlreadyExists = (error: unknown) => isStatus(error, 'AlreadyExists');
export const isConflict = (error: unknown) => error instanceof ApiStatusError && error.code === 409 && error.reason === 'Conflict';
/** 410 Gone: the resourceVersion is older than the kept history (reason Expired or Gone). */
export const isGone = (error: unknown) => error instanceof ApiStatusError && error.code === 410;
