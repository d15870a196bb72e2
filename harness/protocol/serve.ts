import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Driver, ErrorBody } from '../contract/driver.ts';
import { DriverError } from '../contract/driver.ts';
import { capabilityOf, type Method } from '../contract/methods.ts';
import { checkMessage } from './schema.ts';

type Request = { id?: unknown; method?: unknown; params?: unknown };

/** Parse one request line; undefined for a blank line. */
function parseRequest(line: string): Request | Error | undefined {
  if (line.trim() === '') return undefined;
  try {
    const req = JSON.parse(line);
    return req && typeof req === 'object' && !Array.isArray(req) ? req : new Error('a request must be a JSON object');
  } catch (e) {
    return new Error(`request is not JSON: ${(e as Error).message}`);
  }
}

/** Answer one request. Never throws: every failure becomes an error response (id null when the request has no usable id). */
export async function answer(driver: Driver, req: Request | Error): Promise<string> {
  if (req instanceof Error) return JSON.stringify({ id: null, error: { code: 'BadRequest', message: req.message } });
  const id = typeof req.id === 'number' && Number.isInteger(req.id) && req.id > 0 ? req.id : null;
  const fail = (error: ErrorBody) => JSON.stringify({ id, error });
  const method = String(req.method);
  const problem = checkMessage('request', method, req);
  if (problem) return fail({ code: problem.includes('not part of the protocol') ? 'MethodNotFound' : 'InvalidParams', message: problem });
  const cap = capabilityOf(method);
  if (cap && !driver.has(cap)) return fail({ code: 'MethodNotFound', message: `capability ${cap} is not implemented by ${driver.hello.implementation.name}` });
  try {
    const result = await driver.call(method as Method, req.params as never);
    return JSON.stringify({ id, result });
  } catch (e) {
    if (e instanceof DriverError) return fail(e.toBody());
    return fail({ code: 'Internal', message: (e as Error)?.message ?? String(e) });
  }
}

/**
 * Serve the protocol for `driver` on a pair of streams until the input ends or `shutdown` is
 * answered. Requests are answered concurrently; each response carries its request's id.
 */
export function serve(driver: Driver, input: Readable, output: Writable): Promise<void> {
  return new Promise((resolve) => {
    const rl = createInterface({ input });
    const inflight = new Set<Promise<void>>();
    let stopping = false;
    const finish = async () => {
      await Promise.all(inflight);
      await driver.close();
      resolve();
    };
    rl.on('line', (line) => {
      const req = parseRequest(line);
      if (stopping || req === undefined) return;
      const p = answer(driver, req).then((out) => {
        output.write(out + '\n');
        inflight.delete(p);
      });
      inflight.add(p);
      if (!(req instanceof Error) && req.method === 'shutdown') {
        stopping = true;
        rl.close();
      }
    });
    rl.on('close', () => void finish());
  });
}
