import { parseArgs, type ParseArgsConfig } from 'node:util';
import { fileURLToPath } from 'node:url';
import { commands } from './commands.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(args: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] }): Promise<number>;
}

const HELP = `kconform: a conformance kit for the core behaviours of Kubernetes

usage: kconform <command> [options]

commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`)
  .join('\n')}

Run \`kconform <command> --help\` for a command's options.`;

/** Parse argv and run a command. Returns the exit code; prints errors without stack traces. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name ? 0 : 2;
  }
  const cmd = commands[name];
  if (!cmd) {
    console.error(`kconform: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...cmd.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (e) {
    console.error(`kconform ${name}: ${(e as Error).message}\n\nusage: ${cmd.usage}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(`usage: ${cmd.usage}`);
    return 0;
  }
  try {
    return await cmd.run(parsed as never);
  } catch (e) {
    console.error(`kconform ${name}: ${(e as Error)?.message ?? e}`);
    if (process.env.KCONFORM_DEBUG) console.error((e as Error)?.stack);
    return 2;
  }
}
