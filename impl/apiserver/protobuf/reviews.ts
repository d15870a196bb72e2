// Message tables for the review kinds `kubectl auth can-i` and `kubectl auth whoami` send
// (authorization.k8s.io/v1 and authentication.k8s.io/v1).
import { object, STATUS } from './meta.ts';
import { ALWAYS, field, message, type Message } from './wire.ts';

const RESOURCE_ATTRIBUTES = message('ResourceAttributes', {
  1: field('namespace', 'string'), 2: field('verb', 'string'), 3: field('group', 'string'), 4: field('version', 'string'),
  5: field('resource', 'string'), 6: field('subresource', 'string'), 7: field('name', 'string'),
});
const NON_RESOURCE_ATTRIBUTES = message('NonResourceAttributes', { 1: field('path', 'string'), 2: field('verb', 'string') });

export const AUTHORIZATION_V1: Message[] = [
  object('SelfSubjectAccessReview', {
    2: field('spec', message('SelfSubjectAccessReviewSpec', { 1: field('resourceAttributes', RESOURCE_ATTRIBUTES), 2: field('nonResourceAttributes', NON_RESOURCE_ATTRIBUTES) }), ALWAYS),
    3: STATUS,
  }),
  object('SelfSubjectRulesReview', { 2: field('spec', message('SelfSubjectRulesReviewSpec', { 1: field('namespace', 'string') }), ALWAYS), 3: STATUS }),
];

export const AUTHENTICATION_V1: Message[] = [object('SelfSubjectReview', { 2: STATUS })];
