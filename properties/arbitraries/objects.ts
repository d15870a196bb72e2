import fc from 'fast-check';

// Namespaces, names and labels for the namespace properties, drawn from small pools so that
// random commands meet the same objects again (create then update, delete, list...).

export const NAMESPACES = ['ns-a', 'ns-b', 'ns-c'] as const;
export const NAMES = ['web', 'api', 'db'] as const;

export const namespaceName = fc.constantFrom(...NAMESPACES);
export const objectName = fc.constantFrom(...NAMES);

/** Labels on the objects: `app` and `tier` from pools, each maybe absent. */
export const objectLabels = fc.record(
  { app: fc.constantFrom('web', 'api'), tier: fc.constantFrom('front', 'back') },
  { requiredKeys: [] },
).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as Record<string, string>);

/** A label selector as text, with its meaning for the model. */
export interface ModelSelector {
  text: string;
  matches(labels: Record<string, string>): boolean;
}

const has = (l: Record<string, string>, k: string) => Object.hasOwn(l, k);

/** A selector over `app` and `tier`: equality, inequality, set and existence requirements, ANDed. */
export const modelSelector: fc.Arbitrary<ModelSelector> = fc
  .uniqueArray(
    fc.constantFrom<ModelSelector>(
      { text: 'app=web', matches: (l) => l.app === 'web' },
      { text: 'app!=web', matches: (l) => l.app !== 'web' },
      { text: 'app', matches: (l) => has(l, 'app') },
      { text: '!app', matches: (l) => !has(l, 'app') },
      { text: 'tier in (front,back)', matches: (l) => l.tier === 'front' || l.tier === 'back' },
      { text: 'tier notin (front)', matches: (l) => l.tier !== 'front' },
      { text: '!tier', matches: (l) => !has(l, 'tier') },
    ),
    { maxLength: 2, selector: (s) => s.text },
  )
  .map((reqs) => ({ text: reqs.map((r) => r.text).join(','), matches: (l) => reqs.every((r) => r.matches(l)) }));

/** Several namespaces, each with objects whose names may repeat across namespaces. */
export const namespacedObjects = fc.dictionary(
  namespaceName,
  fc.uniqueArray(fc.record({ name: objectName, labels: objectLabels }), { maxLength: 4, selector: (o) => o.name }),
  { minKeys: 2, maxKeys: 3 },
);
