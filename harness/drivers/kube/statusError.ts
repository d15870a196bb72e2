// A failed API response as the protocol's DriverError: the Status reason is the code (Expired →
// Gone), the Status message is the message, the field causes are the causes.
import { DriverError } from '../../contract/driver.ts';
import type { RawResponse } from './rawApi.ts';

/** Reasons for statuses that came without a Status body (e.g. a proxy's plain-text 502). */
const REASON_BY_CODE: Record<number, string> = {
  400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed', 409: 'Conflict',
  410: 'Gone', 413: 'RequestEntityTooLarge', 415: 'UnsupportedMediaType', 422: 'Invalid', 429: 'TooManyRequests', 504: 'Timeout',
};

type Status = { kind?: string; reason?: string; message?: string; code?: number; details?: { causes?: { field?: string; message?: string; reason?: string }[] } };

/** The error a Status (or a bare HTTP failure) stands for. */
export function statusError(status: Status | undefined, httpStatus: number): DriverError {
  const isStatus = status && typeof status === 'object' && status.kind === 'Status';
  const reason = isStatus && status.reason ? status.reason : (REASON_BY_CODE[httpStatus] ?? (httpStatus >= 500 ? 'Internal' : 'BadRequest'));
  const code = reason === 'Expired' ? 'Gone' : reason;
  const message = isStatus && typeof status.message === 'string' ? status.message : `the server answered HTTP ${httpStatus}`;
  const causes = isStatus ? status.details?.causes?.map((c) => ({ field: c.field ?? '', message: c.message ?? '', ...(c.reason ? { type: c.reason } : {}) })) : undefined;
  return new DriverError({ code, message, ...(causes?.length ? { causes } : {}) });
}

/** The body of a 2xx response; throws the DriverError of any other. */
export function okBody(response: RawResponse): any {
  if (response.status >= 200 && response.status < 300) return response.body;
  throw statusError(response.body, response.status);
}
