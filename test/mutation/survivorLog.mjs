// A Stryker reporter that appends every surviving (or uncovered) mutant to reports/mutation/survivors.ndjson
// as soon as it is tested, so that work on killing survivors can start before an hour-long run ends.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

const FILE = 'reports/mutation/survivors.ndjson';

class SurvivorLog {
  onDryRunCompleted() {
    mkdirSync('reports/mutation', { recursive: true });
    writeFileSync(FILE, '');
  }

  onMutantTested(result) {
    if (result.status !== 'Survived' && result.status !== 'NoCoverage') return;
    const { fileName, location, mutatorName, replacement, status, id } = result;
    const file = fileName.slice(fileName.indexOf('impl/'));
    appendFileSync(FILE, `${JSON.stringify({ id, status, at: `${file}:${location.start.line}:${location.start.column + 1}`, mutatorName, replacement })}\n`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'survivor-log', SurvivorLog)];
