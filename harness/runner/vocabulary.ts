import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { Writable } from 'node:stream';
import { supportFiles, supportLibrary } from './supportFiles.ts';
import { astLines } from './astLines.ts';
import { stepSources } from '../../features/support/step.ts';

export interface StepEntry {
  pattern: string;
  /** file:line of the step definition. */
  definedAt: string;
  /** The first feature step that uses it, with its location. */
  example?: { text: string; location: string };
  uses: number;
}

/** The step vocabulary, from a dry run of every feature: each definition with a real example of its use. */
export async function loadVocabulary(root: string): Promise<StepEntry[]> {
  const { runConfiguration } = await loadConfiguration(
    {
      file: false,
      provided: {
        paths: ['features/**/*.feature'],
        import: supportFiles(root),
        dryRun: true,
        format: [],
      },
    },
    { cwd: root },
  );
  const defs = new Map<string, StepEntry>();
  const stepText = new Map<string, { text: string; uri: string; astId: string }>();
  const lines = new Map<string, number>();
  const env = { cwd: root, stdout: new Writable({ write: (_c, _e, cb) => cb() }), stderr: process.stderr };
  const support = await supportLibrary(runConfiguration, env);
  await runCucumber({ ...runConfiguration, support }, env, (e) => {
    if (e.gherkinDocument) astLines(e.gherkinDocument.feature, lines);
    if (e.stepDefinition) {
      const ref = e.stepDefinition.sourceReference;
      const pattern = e.stepDefinition.pattern.source;
      const at = stepSources.get(pattern) ?? (ref.uri ? `${ref.uri.replace(root, '')}:${ref.location?.line ?? 0}` : '');
      defs.set(e.stepDefinition.id, { pattern, definedAt: at, uses: 0 });
    }
    if (e.pickle) for (const s of e.pickle.steps) stepText.set(s.id, { text: s.text, uri: e.pickle.uri, astId: s.astNodeIds[0] });
    if (e.testCase) {
      for (const ts of e.testCase.testSteps) {
        const used = ts.pickleStepId && stepText.get(ts.pickleStepId);
        for (const id of ts.stepDefinitionIds ?? []) {
          const d = defs.get(id);
          if (!d || !used) continue;
          d.uses++;
          d.example ??= { text: used.text, location: `${used.uri}:${lines.get(used.astId) ?? 0}` };
        }
      }
    }
  });
  return [...defs.values()].sort((a, b) => a.definedAt.localeCompare(b.definedAt, 'en', { numeric: true }));
}
