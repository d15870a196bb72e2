// Steps that declare the objects a scenario works with. Declaring talks to no implementation;
// the When steps hand the objects over through whichever capability they use.
import type { DataTable } from '@cucumber/cucumber';
import { step } from '../support/step.ts';
import { parseManifests } from '../support/manifests.ts';
import { parseLabelList } from '../support/text.ts';
import { expandRepeats } from '../support/parameters.ts';

// | name | labels | annotations |  (labels and annotations as `key=value, key=value`)
step('these objects:', [], function (table: DataTable) {
  for (const row of table.hashes()) {
    if (!row.name) throw new Error('these objects: every row needs a name');
    this.objects.push({
      kind: row.kind || 'ConfigMap',
      name: row.name,
      namespace: row.namespace || undefined,
      labels: parseLabelList(expandRepeats(row.labels ?? '')),
      annotations: parseLabelList(expandRepeats(row.annotations ?? '')),
    });
  }
});

step('{int} objects labelled {text}', [], function (n: number, labels: string) {
  for (let i = 1; i <= n; i++) this.objects.push({ kind: 'ConfigMap', name: `object-${i}`, labels: parseLabelList(labels), annotations: {} });
});

// One or more YAML documents, checked against spec/schemas/manifests before use.
step('these manifests:', [], function (doc: string) {
  for (const m of parseManifests(doc)) {
    this.objects.push({
      kind: m.kind,
      name: m.metadata.name,
      namespace: m.metadata.namespace,
      labels: m.metadata.labels ?? {},
      annotations: m.metadata.annotations ?? {},
      manifest: m,
    });
  }
});
