// Request bodies in Kubernetes' protobuf encoding (`application/vnd.kubernetes.protobuf`), which
// kubectl's typed clients send (`create namespace|configmap|secret|serviceaccount|service|deployment`,
// `auth can-i`, `auth whoami`, the DeleteOptions of `drain`): the `k8s\0` magic, a runtime.Unknown
// envelope naming apiVersion and kind, and the object's proto2 message, decoded into the JSON object
// upstream's JSON encoding gives (protobuf/wire.ts). Kinds without a table here are 415 as before.
// Throws ApiErrors only.
import type { Obj } from './resourceType.ts';
import { badRequest, unsupportedMediaType } from './status.ts';
import { APPS_V1 } from './protobuf/apps.ts';
import { CORE_V1 } from './protobuf/core.ts';
import { DELETE_OPTIONS, UNKNOWN } from './protobuf/meta.ts';
import { AUTHENTICATION_V1, AUTHORIZATION_V1 } from './protobuf/reviews.ts';
import { decodeMessage, type Message } from './protobuf/wire.ts';

export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';
const MAGIC = [0x6b, 0x38, 0x73, 0x00];

const byKind = (apiVersion: string, messages: Message[]) => messages.map((m) => [`${apiVersion}/${m.name}`, m] as const);

/** Every kind decoded from protobuf, by `apiVersion/kind`. */
const MESSAGES = new Map<string, Message>([
  ...byKind('v1', CORE_V1),
  ...byKind('apps/v1', APPS_V1),
  ...byKind('authorization.k8s.io/v1', AUTHORIZATION_V1),
  ...byKind('authentication.k8s.io/v1', AUTHENTICATION_V1),
]);

/** DeleteOptions (a DELETE's body) comes in the version of the resource deleted, so any apiVersion. */
const messageFor = (apiVersion: string, kind: string) => (kind === 'DeleteOptions' ? DELETE_OPTIONS : MESSAGES.get(`${apiVersion}/${kind}`));

/** Decodes a protobuf request body into the JSON object it stands for, kind and apiVersion first. */
export function decodeProtobuf(body: Buffer): Obj {
  if (body.length < MAGIC.length || MAGIC.some((b, i) => body[i] !== b)) throw badRequest('provided object is not a Kubernetes protobuf object: the "k8s\\x00" prefix is missing');
  const envelope = decodeMessage(body.subarray(MAGIC.length), UNKNOWN);
  const apiVersion = String(envelope.typeMeta?.apiVersion ?? '');
  const kind = String(envelope.typeMeta?.kind ?? '');
  const message = messageFor(apiVersion, kind);
  if (!message) throw unsupportedMediaType(PROTOBUF_MEDIA_TYPE);
  if (envelope.contentEncoding) throw badRequest(`unsupported protobuf content encoding ${JSON.stringify(envelope.contentEncoding)}`);
  return { kind, apiVersion, ...decodeMessage(envelope.raw ?? new Uint8Array(), message) };
}
