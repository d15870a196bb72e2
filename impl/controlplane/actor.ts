// Which component is running: an AsyncLocalStorage scope, so a Store call can be attributed to
// whoever made it. The API server's request handling runs as API_SERVER.
import { AsyncLocalStorage } from 'node:async_hooks';

export const API_SERVER = 'kube-apiserver';

const scope = new AsyncLocalStorage<string>();

export const currentActor = (): string => scope.getStore() ?? 'unknown';

export const runAs = <T>(actor: string, fn: () => T): T => scope.run(actor, fn);
