// The API server under at least 10,000 generated malformed or hostile requests over real HTTP
// (see fuzzRequests.ts), on the memory store with seeded objects: no answer is a 5xx, every
// error is a valid Status whose code is the HTTP status, no write succeeds, the server still
// answers afterwards, and the stored state is byte-for-byte what it was.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import fc from 'fast-check';
import { memoryStore } from '../store/index.ts';
import { startApiServer, type RunningApiServer } from './apiServer.ts';
import { hostileRequest, type FuzzRequest } from './fuzzRequests.ts';
import { dumpState, seedFuzzState } from './fuzzState.ts';

const RUNS = 100;
const BATCH = 100;
const CONCURRENCY = 8;

const store = memoryStore();
let server: RunningApiServer;
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

before(async () => {
  server = await startApiServer({ store });
  await seedFuzzState(server.handler);
});

after(async () => {
  agent.destroy();
  await server.close();
  await store.close();
});

function send(r: FuzzRequest): Promise<{ status: number; body: string }> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const headers = { ...r.headers, ...(r.body ? { 'content-length': String(r.body.length) } : {}) };
    const req = request({ host: url.hostname, port: url.port, method: r.method, path: r.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resolve({ status: -1, body: error.code }) : reject(error)));
    req.end(r.body);
  });
}

/** Why the answer breaks the rules, or undefined. */
function problem(r: FuzzRequest, status: number, body: string): string | undefined {
  if (status === -1) return r.body && r.body.length > 1024 * 1024 ? undefined : `connection reset (${body})`;
  if (status >= 500) return `answered ${status}: ${body.slice(0, 200)}`;
  if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && status < 300) return `a write succeeded (${status}) though it is ${r.defect}`;
  if (status < 400 || r.method === 'HEAD') return undefined;
  let s: any;
  try {
    s = JSON.parse(body);
  } catch {
    return `error ${status} without a JSON body: ${body.slice(0, 100)}`;
  }
  const valid = s?.kind === 'Status' && s.apiVersion === 'v1' && s.status === 'Failure' && s.code === status && typeof s.reason === 'string' && s.reason !== '' && typeof s.message === 'string';
  return valid ? undefined : `error ${status} is not a valid Status: ${body.slice(0, 200)}`;
}

test('10,000 hostile requests get no 5xx, only valid Status errors, and leave the stored state unchanged', async (t) => {
  const before = await dumpState(store);
  let sent = 0;
  const statuses = new Map<number, number>();
  const details = await fc.check(
    fc.asyncProperty(fc.array(hostileRequest, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
      let next = 0;
      const failures: string[] = [];
      const worker = async () => {
        while (next < batch.length) {
          const r = batch[next++];
          const { status, body } = await send(r);
          sent++;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const p = problem(r, status, body);
          if (p) failures.push(`${r.method} ${r.path.slice(0, 120)} (${r.defect}): ${p}`);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      if (failures.length) throw new Error(failures.slice(0, 10).join('\n'));
    }),
    { numRuns: RUNS, endOnFailure: true },
  );
  if (details.failed) assert.fail(`seed ${details.seed}, path ${details.counterexamplePath}:\n${(details.errorInstance as Error).message}`);
  t.diagnostic(`sent ${sent} hostile requests; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  console.log(`fuzz: ${sent} hostile requests sent`);
  assert.ok(sent >= RUNS * BATCH, `only ${sent} requests were sent`);
  const health = await send({ method: 'GET', path: '/healthz', headers: {}, defect: 'none' });
  assert.deepEqual([health.status, health.body], [200, 'ok'], 'the server no longer answers');
  assert.equal(await dumpState(store), before, 'the stored state changed');
});
