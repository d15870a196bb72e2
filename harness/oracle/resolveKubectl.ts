import { execFile } from 'node:child_process';
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ResolvedKubectl {
  /** The binary the oracle runs. */
  program: string;
  /** Its `kubectl version --client` gitVersion, e.g. `v1.32.5`. */
  version: string;
}

/**
 * Finds the kubectl binary to run and its client version.
 *
 * Google Cloud SDK installs `kubectl` as a dispatcher (gitVersion `v1.32.4-dispatcher`) that first
 * asks the configured server for its version and then runs one of the `kubectl.<major>.<minor>`
 * binaries beside it. When `requested` is such a dispatcher and `kubectl.<its major.minor>` exists
 * beside its real path, that binary is returned instead: same minor version, one process and no
 * extra server round trip per call. Never throws; a reason comes back when kubectl cannot run.
 */
export async function resolveKubectl(requested: string): Promise<ResolvedKubectl | { unavailable: string }> {
  const path = onPath(requested);
  if (!path) return { unavailable: `kubectl not found: ${requested} is not an executable file or on PATH` };
  const first = await clientVersion(path);
  if ('unavailable' in first) return first;
  const dispatched = /^v(\d+)\.(\d+)\.\d+.*-dispatcher$/.exec(first.version);
  if (!dispatched) return first;
  const sibling = join(dirname(realpathSync(path)), `kubectl.${dispatched[1]}.${dispatched[2]}`);
  if (!isExecutable(sibling)) return first;
  const real = await clientVersion(sibling);
  return 'unavailable' in real ? first : real;
}

async function clientVersion(program: string): Promise<ResolvedKubectl | { unavailable: string }> {
  try {
    const { stdout } = await run(program, ['version', '--client', '-o', 'json'], { timeout: 20_000 });
    const version = (JSON.parse(stdout) as { clientVersion?: { gitVersion?: string } }).clientVersion?.gitVersion;
    return version ? { program, version } : { unavailable: `${program} version --client printed no gitVersion` };
  } catch (e) {
    return { unavailable: `${program} version --client failed: ${(e as Error).message}` };
  }
}

function onPath(name: string): string | undefined {
  if (name.includes('/')) return isExecutable(name) ? name : undefined;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
