// The token controller (NS-5): every ServiceAccount gets a Secret of type
// kubernetes.io/service-account-token (annotated with the account's name and uid, holding a bearer
// token the API server accepts) and lists it in `secrets`. Tokens of accounts that are gone, or
// of an earlier account with the same name, are deleted.
import { isNotFound, keyOf, splitKey, type KubeObject } from '../../client/index.ts';
import type { ComponentContext, ComponentDefinition } from '../../controlplane/Component.ts';

export const SERVICE_ACCOUNT_TOKEN_TYPE = 'kubernetes.io/service-account-token';
export const SA_NAME_ANNOTATION = 'kubernetes.io/service-account.name';
export const SA_UID_ANNOTATION = 'kubernetes.io/service-account.uid';

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');

export async function startTokenController(ctx: ComponentContext) {
  const accounts = ctx.informer('ServiceAccount');
  const tokens = ctx.informer('Secret', { fieldSelector: `type=${SERVICE_ACCOUNT_TOKEN_TYPE}` });
  const queue = ctx.queue(reconcile);
  /** Tokens this controller created whose account does not reference them yet (the informer may lag). */
  const created = new Map<string, KubeObject>();
  const owner = (secret: KubeObject) => `${secret.metadata.namespace}/${secret.metadata.annotations?.[SA_NAME_ANNOTATION] ?? ''}`;
  accounts.on({ add: (sa) => queue.add(keyOf(sa)), update: (_, sa) => queue.add(keyOf(sa)), delete: (sa) => queue.add(keyOf(sa)) });
  tokens.on({ add: (s) => queue.add(owner(s)), delete: (s) => queue.add(owner(s)) });

  async function reconcile(key: string) {
    const { namespace, name } = splitKey(key);
    const sa = accounts.get(key);
    const mine = tokens.list().filter((s) => owner(s) === key);
    const stale = mine.filter((s) => !sa || s.metadata.annotations?.[SA_UID_ANNOTATION] !== sa.metadata.uid);
    for (const s of stale) await ctx.client.delete('Secret', namespace, String(s.metadata.name)).catch(ignoreNotFound);
    if (!sa || sa.metadata.deletionTimestamp) return void created.delete(key);
    const valid = mine.filter((s) => !stale.includes(s));
    const referenced = new Set((sa.secrets ?? []).map((r: { name?: string }) => r.name));
    if (valid.some((s) => referenced.has(s.metadata.name))) return void created.delete(key);
    const pending = created.get(key);
    const ours = pending?.metadata.annotations?.[SA_UID_ANNOTATION] === sa.metadata.uid ? pending : undefined;
    if (ours && referenced.has(ours.metadata.name)) return;
    const token = valid[0] ?? ours ?? (await ctx.client.create(tokenSecret(namespace!, name, String(sa.metadata.uid), ctx.randomBytes(32))));
    created.set(key, token);
    await ctx.client.update({ ...sa, secrets: [...(sa.secrets ?? []), { name: token.metadata.name }] });
  }

  await tokens.start();
  await accounts.start();
}

function tokenSecret(namespace: string, account: string, uid: string, random: Uint8Array): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { generateName: `${account}-token-`, namespace, annotations: { [SA_NAME_ANNOTATION]: account, [SA_UID_ANNOTATION]: uid } },
    type: SERVICE_ACCOUNT_TOKEN_TYPE,
    data: { token: b64(Buffer.from(random).toString('base64url')), namespace: b64(namespace) },
  };
}

function ignoreNotFound(error: unknown): void {
  if (!isNotFound(error)) throw error;
}

export const tokenController: ComponentDefinition = {
  name: 'token-controller',
  description: 'gives every ServiceAccount a kubernetes.io/service-account-token Secret and references it',
  start: (ctx) => startTokenController(ctx),
};
