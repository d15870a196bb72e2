// The token controller (NS-5). Accounts: every ServiceAccount that lists no valid token gets a new
// Secret of type kubernetes.io/service-account-token, added to its `secrets` (the legacy
// behaviour the seed describes; upstream stopped creating them in 1.24). Secrets: a token Secret naming an account
// (annotation kubernetes.io/service-account.name) gets its `token`, `ca.crt` and `namespace` keys
// and the account's uid annotation filled in, as upstream's controller still does; one whose
// account is gone (or is another account with that name) is deleted.
import { ignoreNotFound, isNotFound, keyOf, splitKey, type ApiClient, type KubeObject } from '../../client/index.ts';
import type { ComponentContext, ComponentDefinition } from '../../controlplane/Component.ts';

export const SERVICE_ACCOUNT_TOKEN_TYPE = 'kubernetes.io/service-account-token';
export const SA_NAME_ANNOTATION = 'kubernetes.io/service-account.name';
export const SA_UID_ANNOTATION = 'kubernetes.io/service-account.uid';
/** The keys a filled-in token Secret holds. ca.crt is empty: the reference serves plain HTTP. */
export const TOKEN_KEYS = ['token', 'ca.crt', 'namespace'];

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64');
const annotation = (o: KubeObject, key: string): string | undefined => o.metadata.annotations?.[key];

export async function startTokenController(ctx: ComponentContext) {
  const accounts = ctx.informer('ServiceAccount');
  const tokens = ctx.informer('Secret', { fieldSelector: `type=${SERVICE_ACCOUNT_TOKEN_TYPE}` });
  const accountQueue = ctx.queue(reconcileAccount, { name: 'accounts' });
  const secretQueue = ctx.queue(reconcileSecret, { name: 'secrets' });
  /** Tokens this controller created that their account does not list yet (the informer may lag). */
  const created = new Map<string, KubeObject>();
  /** The resourceVersion of this controller's last write of an account: an older cached copy is stale. */
  const wrote = new Map<string, string>();
  const owner = (secret: KubeObject) => `${secret.metadata.namespace}/${annotation(secret, SA_NAME_ANNOTATION) ?? ''}`;
  accounts.on({ add: (sa) => accountQueue.add(keyOf(sa)), update: (_, sa) => accountQueue.add(keyOf(sa)), delete: (sa) => accountQueue.add(keyOf(sa)) });
  tokens.on({
    add: (s) => (secretQueue.add(keyOf(s)), accountQueue.add(owner(s))),
    update: (_, s) => secretQueue.add(keyOf(s)),
    delete: (s) => accountQueue.add(owner(s)),
  });

  /** The account a secret names, read through the API when the cache has none (it may lag). */
  async function accountOf(secret: KubeObject): Promise<KubeObject | undefined> {
    const cached = accounts.get(owner(secret));
    if (cached) return cached;
    return ctx.client.get('ServiceAccount', secret.metadata.namespace, annotation(secret, SA_NAME_ANNOTATION) ?? '').catch((error) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
  }

  async function reconcileSecret(key: string) {
    const secret = tokens.get(key);
    if (!secret) return;
    const sa = await accountOf(secret);
    const uid = annotation(secret, SA_UID_ANNOTATION);
    if (!sa || (uid && uid !== sa.metadata.uid)) return remove(ctx.client, secret);
    const data = secret.data ?? {};
    if (uid && TOKEN_KEYS.every((k) => k in data)) return;
    const filled = { token: data.token || b64(newToken(ctx)), 'ca.crt': data['ca.crt'] ?? '', namespace: b64(String(secret.metadata.namespace)) };
    await ctx.client.update({ ...secret, metadata: { ...secret.metadata, annotations: { ...secret.metadata.annotations, [SA_UID_ANNOTATION]: sa.metadata.uid } }, data: { ...data, ...filled } });
  }

  async function reconcileAccount(key: string) {
    const { namespace, name } = splitKey(key);
    const sa = accounts.get(key);
    if (!sa || sa.metadata.deletionTimestamp) {
      created.delete(key);
      for (const s of tokens.list()) if (owner(s) === key) secretQueue.add(keyOf(s));
      return;
    }
    const written = wrote.get(key);
    if (written !== undefined && olderThan(sa.metadata.resourceVersion, written)) return;
    wrote.delete(key);
    const valid = tokens.list().filter((s) => owner(s) === key && annotation(s, SA_UID_ANNOTATION) === sa.metadata.uid);
    const listed = new Set((sa.secrets ?? []).map((r: { name?: string }) => r.name));
    if (valid.some((s) => listed.has(s.metadata.name))) return void created.delete(key);
    const pending = created.get(key);
    const ours = pending && annotation(pending, SA_UID_ANNOTATION) === sa.metadata.uid ? pending : undefined;
    if (ours && listed.has(ours.metadata.name)) return;
    const token = ours ?? (await ctx.client.create(tokenSecret(namespace!, name, String(sa.metadata.uid), newToken(ctx))));
    created.set(key, token);
    const updated = await ctx.client.update({ ...sa, secrets: [...(sa.secrets ?? []), { name: token.metadata.name }] });
    wrote.set(key, String(updated.metadata.resourceVersion));
  }

  await tokens.start();
  await accounts.start();
}

/** True when both versions are numbers (as this API server's are) and `a` is the older one. */
const olderThan = (a: unknown, b: string) => /^\d+$/.test(String(a)) && /^\d+$/.test(b) && Number(a) < Number(b);

/** An opaque bearer token: 32 random bytes, base64url. */
const newToken = (ctx: ComponentContext) => Buffer.from(ctx.randomBytes(32)).toString('base64url');

function tokenSecret(namespace: string, account: string, uid: string, token: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { generateName: `${account}-token-`, namespace, annotations: { [SA_NAME_ANNOTATION]: account, [SA_UID_ANNOTATION]: uid } },
    type: SERVICE_ACCOUNT_TOKEN_TYPE,
    data: { token: b64(token), 'ca.crt': '', namespace: b64(namespace) },
  };
}

async function remove(client: ApiClient, secret: KubeObject): Promise<void> {
  await client.delete('Secret', secret.metadata.namespace, String(secret.metadata.name), { uid: secret.metadata.uid }).catch(ignoreNotFound);
}

export const tokenController: ComponentDefinition = {
  name: 'token-controller',
  description: 'gives every ServiceAccount a token Secret; fills in and garbage-collects service-account-token Secrets',
  start: (ctx) => startTokenController(ctx),
};
