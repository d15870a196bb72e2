// The typed failures of a Store. The API server maps each code to a Kubernetes Status.

export type StoreErrorCode = 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Gone' | 'Unavailable';

export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly key: string;

  constructor(code: StoreErrorCode, key: string, message: string) {
    super(message);
    this.name = 'StoreError';
    this.code = code;
    this.key = key;
  }
}

export const notFound = (key: string) => new StoreError('NotFound', key, `key not found: ${key}`);
export const alreadyExists = (key: string) => new StoreError('AlreadyExists', key, `key exists: ${key}`);
export const conflict = (key: string, expected: number, actual: number) =>
  new StoreError('Conflict', key, `revision mismatch on ${key}: expected ${expected}, found ${actual}`);
/** `oldest` is the oldest revision still kept, when the backend knows it. */
export const gone = (key: string, revision: number, oldest?: number) =>
  new StoreError('Gone', key, oldest === undefined ? `too old resource version: ${revision}` : `too old resource version: ${revision} (${oldest})`);

export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code);
}
