import type { Command } from '../main.ts';
import { ROOT } from '../main.ts';
import { loadVocabulary } from '../../runner/vocabulary.ts';

export const stepsCommand: Command = {
  summary: 'print the step vocabulary, each step with an example from the features',
  usage: `kconform steps [--json]`,
  options: { json: { type: 'boolean' } },
  async run({ values }) {
    const vocab = await loadVocabulary(ROOT);
    if (values.json) {
      console.log(JSON.stringify(vocab, null, 2));
      return 0;
    }
    let file = '';
    for (const s of vocab) {
      const f = s.definedAt.split(':')[0];
      if (f !== file) console.log(`\n# ${(file = f)}`);
      console.log(`  ${s.pattern}`);
      console.log(s.example ? `      e.g. ${s.example.text}    (${s.example.location})` : '      (not used by any feature yet)');
    }
    console.log(`\n${vocab.length} steps. Parameters: {string} is "quoted text", {int} a whole number; a step ending in ':' takes a table or a """ docstring.`);
    return 0;
  },
};
