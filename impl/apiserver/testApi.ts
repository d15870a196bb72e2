// For tests: an API handler on a store (default: a fresh memory store), called as `api(method, url, body?, contentType?)`.
import { memoryStore, type Store } from '../store/index.ts';
import { createApiHandler } from './apiHandler.ts';

export type TestApi = (method: string, url: string, body?: unknown, contentType?: string) => Promise<{ status: number; body: any }>;

export async function testApi(store: Store = memoryStore()): Promise<TestApi> {
  const handler = await createApiHandler(store);
  return async (method, url, body, contentType = 'application/json') => {
    const reply = await handler.handle({ method, url, headers: { 'content-type': contentType }, body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)) });
    if (!('body' in reply)) throw new Error(`${method} ${url} answered with a watch`);
    return { status: reply.status, body: JSON.parse(reply.body) };
  };
}
