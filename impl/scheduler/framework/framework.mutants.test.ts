// Framework: each plugin lands in the list of every extension point it implements, in profile
// order, with its score weight; hasScoring is whether any Score plugin is enabled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Framework } from './framework.ts';
import type { AnyPlugin } from './interfaces.ts';

const noop = () => null;
const plugins: AnyPlugin[] = [
  { name: 'Pre', preFilter: noop },
  { name: 'Both', preFilter: noop, filter: noop },
  { name: 'Scorer', preScore: noop, score: () => 0 },
  { name: 'OnlyFilter', filter: noop },
  { name: 'OnlyScore', score: () => 0 },
  { name: 'Nothing' },
];
const fw = new Framework(plugins.map((plugin, i) => ({ plugin, weight: i + 1 })));
const names = (list: { name: string }[]) => list.map((p) => p.name);

const cases = [
  { name: 'PreFilter holds the plugins with a preFilter, in order', got: () => names(fw.preFilter), want: ['Pre', 'Both'] },
  { name: 'Filter holds the plugins with a filter, in order', got: () => names(fw.filter), want: ['Both', 'OnlyFilter'] },
  { name: 'PreScore holds the plugins with a preScore', got: () => names(fw.preScore), want: ['Scorer'] },
  { name: 'Score holds the plugins with a score and their weights', got: () => fw.score.map((s) => [s.plugin.name, s.weight]), want: [['Scorer', 3], ['OnlyScore', 5]] },
  { name: 'a profile with Score plugins has scoring', got: () => fw.hasScoring, want: true },
  { name: 'a profile without Score plugins has no scoring', got: () => new Framework([{ plugin: plugins[1], weight: 1 }]).hasScoring, want: false },
  { name: 'an empty profile has no extension points and no scoring', got: () => { const e = new Framework([]); return [e.preFilter.length, e.filter.length, e.preScore.length, e.score.length, e.hasScoring]; }, want: [0, 0, 0, 0, false] },
];
for (const c of cases) test(c.name, () => assert.deepEqual(c.got(), c.want));
