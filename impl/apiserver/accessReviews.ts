// The review APIs behind `kubectl auth can-i` and `kubectl auth whoami`: SelfSubjectAccessReview and
// SelfSubjectRulesReview (authorization.k8s.io/v1), SelfSubjectReview (authentication.k8s.io/v1).
// Create-only (POST, answered 201) and never stored. This server has no authorizer: every
// authenticated user may do everything, so every access review is allowed (with ALLOWED_REASON)
// and the only rules are `*`, as upstream's AlwaysAllow authorizer reports them.
import type { Obj } from './resourceType.ts';
import type { UserInfo } from './authenticate.ts';
import { asObject, decodeBody } from './decodeBody.ts';
import { goQuote, invalid as invalidField, stringValue, type FieldError } from './fieldErrors.ts';
import { badRequest, invalid } from './status.ts';

export const ALLOWED_REASON = 'this API server allows every request of an authenticated user (it has no authorizer)';

export interface Review {
  group: string;
  version: string;
  resource: string;
  singular: string;
  kind: string;
  /** The answer to a request body already checked to be this kind; throws ApiError. */
  answer(body: Obj, user: UserInfo, now: string): Obj;
}

const present = (v: unknown) => v !== undefined && v !== null;
const isMap = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** ValidateSelfSubjectAccessReviewSpec: exactly one of resourceAttributes and nonResourceAttributes. */
function validateAccessReviewSpec(spec: Obj): FieldError[] {
  if (present(spec.resourceAttributes) && present(spec.nonResourceAttributes)) {
    const attrs = isMap(spec.nonResourceAttributes) ? spec.nonResourceAttributes : {};
    const goValue = `authorization.NonResourceAttributes{Path:${goQuote(String(attrs.path ?? ''))}, Verb:${goQuote(String(attrs.verb ?? ''))}}`;
    return [invalidField('spec.nonResourceAttributes', { quoted: goValue }, 'cannot be specified in combination with resourceAttributes')];
  }
  if (!present(spec.resourceAttributes) && !present(spec.nonResourceAttributes))
    return [invalidField('spec.resourceAttributes', stringValue('null'), 'exactly one of nonResourceAttributes or resourceAttributes must be specified')];
  return [];
}

const selfSubjectAccessReviews: Review = {
  group: 'authorization.k8s.io', version: 'v1', resource: 'selfsubjectaccessreviews', singular: 'selfsubjectaccessreview', kind: 'SelfSubjectAccessReview',
  answer(body) {
    const spec = isMap(body.spec) ? body.spec : {};
    const errors = validateAccessReviewSpec(spec);
    // Upstream names the kind of the decoded internal object, whose kind is empty.
    if (errors.length) throw invalid('', 'authorization.k8s.io', '', errors);
    return { ...body, metadata: { creationTimestamp: null, ...body.metadata }, spec, status: { allowed: true, reason: ALLOWED_REASON } };
  },
};

const selfSubjectRulesReviews: Review = {
  group: 'authorization.k8s.io', version: 'v1', resource: 'selfsubjectrulesreviews', singular: 'selfsubjectrulesreview', kind: 'SelfSubjectRulesReview',
  answer(body) {
    const namespace = isMap(body.spec) ? body.spec.namespace : undefined;
    if (typeof namespace !== 'string' || namespace === '') throw badRequest('no namespace on request');
    return {
      metadata: { creationTimestamp: null }, spec: {},
      status: { resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }], nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }], incomplete: false },
    };
  },
};

const selfSubjectReviews: Review = {
  group: 'authentication.k8s.io', version: 'v1', resource: 'selfsubjectreviews', singular: 'selfsubjectreview', kind: 'SelfSubjectReview',
  answer: (_body, user, now) => ({ metadata: { creationTimestamp: now }, status: { userInfo: { username: user.name, groups: user.groups } } }),
};

export const REVIEWS: readonly Review[] = [selfSubjectAccessReviews, selfSubjectRulesReviews, selfSubjectReviews];

const byPath = new Map(REVIEWS.map((r) => [`/apis/${r.group}/${r.version}/${r.resource}`, r]));

/** The review a request path names, or undefined. */
export const reviewAt = (path: string): Review | undefined => byPath.get(path);

/** Decodes a POST body as `review`'s kind and answers it, with TypeMeta first. */
export function answerReview(review: Review, body: Buffer | undefined, contentType: string | undefined, user: UserInfo, now: string): Obj {
  const request = asObject(review, decodeBody(body, contentType).value);
  return { kind: review.kind, apiVersion: `${review.group}/${review.version}`, ...review.answer(request, user, now) };
}
