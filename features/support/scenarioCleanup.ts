// After a scenario that used features/support/scenarioObjects.ts: its objects are deleted, newest
// first (finalizers the scenario set are cleared first), then its namespaces. Failures are
// ignored: an object may already be gone, and a namespace may stay Terminating on an
// implementation without a namespace controller (its name is unique, so nothing else meets it).
import { After } from '@cucumber/cucumber';
import { existingScenarioObjects } from './scenarioObjects.ts';
import type { KWorld } from './world.ts';

After(async function (this: KWorld) {
  const s = existingScenarioObjects(this);
  if (!s || !this.driver.has('objects')) return;
  const ignore = () => undefined;
  for (const ref of [...s.created].reverse()) {
    if (ref.kind === 'Namespace') continue;
    if (ref.finalizers) await this.driver.call('objects.patch', { kind: ref.kind, namespace: ref.namespace, name: ref.name, patch: { metadata: { finalizers: null } } }).catch(ignore);
    await this.driver.call('objects.delete', { kind: ref.kind, namespace: ref.namespace, name: ref.name }).catch(ignore);
  }
  for (const ref of [...s.created].reverse()) {
    if (ref.kind === 'Namespace') await this.driver.call('objects.delete', { kind: 'Namespace', name: ref.name }).catch(ignore);
  }
});
