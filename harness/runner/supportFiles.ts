import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSupport, type IRunConfiguration, type IRunEnvironment, type ISupportCodeLibrary } from '@cucumber/cucumber/api';

/** The step and support modules cucumber loads: features/{support,steps}/**.ts, tests excluded. */
export function supportFiles(root: string): string[] {
  return ['features/support', 'features/steps'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .sort()
      .map((f) => `${dir}/${f}`),
  );
}

let library: Promise<ISupportCodeLibrary> | undefined;

/**
 * The support code library, loaded once per process. ES modules are evaluated once, so a second
 * load would find no step definitions: every later run in the process reuses the first library.
 */
export function supportLibrary(config: IRunConfiguration, env: IRunEnvironment): Promise<ISupportCodeLibrary> {
  return (library ??= loadSupport(config, env));
}
