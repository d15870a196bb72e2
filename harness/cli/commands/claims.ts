import type { Command } from '../main.ts';
import { ROOT } from '../main.ts';
import { claimCoverage } from '../../claims/coverage.ts';

export const claimsCommand: Command = {
  summary: 'list the claim catalogue and which scenarios and properties check each claim',
  usage: `kconform claims [--uncovered] [--json]`,
  options: { uncovered: { type: 'boolean' }, json: { type: 'boolean' } },
  async run({ values }) {
    const { rows, errors } = await claimCoverage(ROOT);
    const shown = values.uncovered ? rows.filter((r) => r.checks.length === 0) : rows;
    if (values.json) console.log(JSON.stringify({ claims: shown, errors }, null, 2));
    else {
      for (const r of shown) {
        console.log(`${r.id.padEnd(8)} ${r.checks.length ? `${r.checks.length} check(s)` : 'NOT COVERED'}  ${r.text}`);
        if (r.upstreamDiffers) console.log(`         upstream differs: ${r.upstreamDiffers}`);
        for (const c of r.checks) console.log(`         - ${c}`);
      }
      const covered = rows.filter((r) => r.checks.length).length;
      console.log(`\n${covered}/${rows.length} claims covered`);
      for (const e of errors) console.log(`error: ${e}`);
    }
    return errors.length ? 1 : 0;
  },
};
