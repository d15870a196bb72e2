// Bearer-token authentication: a request's `Authorization: Bearer <token>` must be the admin
// token (the one written into the kubeconfig) or the token of a Secret of type
// kubernetes.io/service-account-token. A request without credentials acts as the admin only when
// the server runs with anonymous admin (the in-process driver, `--insecure-anonymous-admin`).
// Any other request fails with 401 Unauthorized, as upstream answers.
import { timingSafeEqual } from 'node:crypto';
import type { ResourceStore } from './resourceStore.ts';
import type { Obj } from './resourceType.ts';
import { secrets } from './kinds/simple.ts';
import { ApiError } from './status.ts';

export const SERVICE_ACCOUNT_TOKEN_TYPE = 'kubernetes.io/service-account-token';
export const SERVICE_ACCOUNT_NAME_ANNOTATION = 'kubernetes.io/service-account.name';

export interface AuthenticationOptions {
  /** The cluster admin's bearer token. */
  adminToken?: string;
  /** Requests without an Authorization header act as the admin. */
  anonymousAdmin?: boolean;
}

export interface UserInfo {
  name: string;
  groups: string[];
}

export const ADMIN: UserInfo = { name: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] };

export const unauthorized = () => new ApiError(401, 'Unauthorized', 'Unauthorized');

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const tokenOf = (secret: Obj): string | undefined => {
  const data = secret.data?.token;
  return typeof data === 'string' ? Buffer.from(data, 'base64').toString('utf8') : undefined;
};

/** Returns the user a request acts as; throws ApiError 401 otherwise. */
export function createAuthenticator(rs: ResourceStore, options: AuthenticationOptions) {
  /** token → `namespace/name` of the Secret that held it last time. */
  const known = new Map<string, string>();

  async function serviceAccount(token: string): Promise<UserInfo | undefined> {
    const remembered = known.get(token);
    if (remembered) {
      const [namespace, name] = remembered.split('/');
      const secret = await rs.get(secrets, namespace, name).catch(() => undefined);
      if (secret && tokenOf(secret) === token) return userOf(secret);
      known.delete(token);
    }
    const page = await rs.list(secrets, undefined, (s) => s.type === SERVICE_ACCOUNT_TOKEN_TYPE && tokenOf(s) === token);
    const secret = page.items[0];
    if (!secret) return undefined;
    known.set(token, `${secret.metadata.namespace}/${secret.metadata.name}`);
    return userOf(secret);
  }

  const userOf = (secret: Obj): UserInfo => ({
    name: `system:serviceaccount:${secret.metadata.namespace}:${secret.metadata.annotations?.[SERVICE_ACCOUNT_NAME_ANNOTATION] ?? ''}`,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${secret.metadata.namespace}`, 'system:authenticated'],
  });

  return async (authorization: string | undefined): Promise<UserInfo> => {
    if (authorization === undefined || authorization === '') {
      if (options.anonymousAdmin) return ADMIN;
      throw unauthorized();
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw unauthorized();
    const token = match[1];
    if (options.adminToken && same(token, options.adminToken)) return ADMIN;
    const user = await serviceAccount(token);
    if (!user) throw unauthorized();
    return user;
  };
}
