// A profile's plugins sorted by extension point, in the order the profile enables them.
import type { AnyPlugin, FilterPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin } from './interfaces.ts';

export interface WeightedPlugin {
  plugin: AnyPlugin;
  /** Score weight; ignored for plugins without Score. */
  weight: number;
}

export class Framework {
  readonly preFilter: PreFilterPlugin[] = [];
  readonly filter: FilterPlugin[] = [];
  readonly preScore: PreScorePlugin[] = [];
  readonly score: { plugin: ScorePlugin; weight: number }[] = [];

  constructor(plugins: readonly WeightedPlugin[]) {
    for (const { plugin, weight } of plugins) {
      if (plugin.preFilter) this.preFilter.push(plugin as PreFilterPlugin);
      if (plugin.filter) this.filter.push(plugin as FilterPlugin);
      if (plugin.preScore) this.preScore.push(plugin as PreScorePlugin);
      if (plugin.score) this.score.push({ plugin: plugin as ScorePlugin, weight });
    }
  }

  get hasScoring(): boolean {
    return this.score.length > 0;
  }
}
