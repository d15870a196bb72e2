import type { Mutant } from './mutant.ts';

const AREA = '@namespaces and not @oracle';

export const namespaceMutants: Mutant[] = [
  {
    name: 'list-leaks-namespaces',
    mistake: "a list in one namespace also returns other namespaces' objects",
    area: AREA,
    caughtBy: ["a list in one namespace never shows another namespace's objects", 'namespaces/list-never-crosses-namespaces'],
    intercept: { 'objects.list': (p, next) => next({ ...p, namespace: undefined }) },
  },
  {
    name: 'update-ignores-resource-version',
    mistake: 'an update with a stale resourceVersion overwrites instead of failing with Conflict',
    area: AREA,
    caughtBy: ['namespaces/api-follows-the-model'],
    intercept: {
      'objects.update': (p, next) => {
        const { resourceVersion: _stale, ...metadata } = p.object.metadata;
        return next({ ...p, object: { ...p.object, metadata } });
      },
    },
  },
  {
    name: 'watch-drops-deletions',
    mistake: 'a watch resumed from a resourceVersion leaves out the DELETED events',
    area: AREA,
    caughtBy: ['namespaces/api-follows-the-model'],
    numRunsScale: 1,
    intercept: {
      'objects.events': async (p, next) => {
        const got = await next(p);
        return { ...got, events: got.events.filter((e) => e.type !== 'DELETED') };
      },
    },
  },
];
