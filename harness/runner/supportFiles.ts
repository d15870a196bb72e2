import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The step and support modules cucumber loads: features/{support,steps}/**.ts, tests excluded. */
export function supportFiles(root: string): string[] {
  return ['features/support', 'features/steps'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .sort()
      .map((f) => `${dir}/${f}`),
  );
}
