// Every unit table of impl/scheduler in one process: Stryker's tap runner starts one process per test
// file, and with ~50 files each covering most of the scheduler that start-up cost dominated the run.
// `npm run mutation -- --area scheduler` runs this file and the @scheduling conformance file. (Not named
// *.test.ts, so that `npm run test:unit` does not run the tables twice.)
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../impl/scheduler/', import.meta.url));
const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts'))
  .sort();
for (const f of files) await import(pathToFileURL(join(root, f)).href);
