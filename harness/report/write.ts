import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from '../runner/results.ts';
import { htmlReport } from './html.ts';
import { junitXml } from './junit.ts';

/** Write conformance.json, conformance.html and junit.xml into `dir`; returns the paths written. */
export function writeReports(report: RunReport, dir: string): string[] {
  const files: [string, string][] = [
    ['conformance.json', JSON.stringify(report, null, 2) + '\n'],
    ['conformance.html', htmlReport([report])],
    ['junit.xml', junitXml(report)],
  ];
  for (const [name, body] of files) writeFileSync(join(dir, name), body);
  return [...files.map(([name]) => join(dir, name)), join(dir, 'cucumber.ndjson')];
}
