import type { Command } from './main.ts';
import { runCommand } from './commands/run.ts';
import { serveCommand } from './commands/serve.ts';
import { componentCommand } from './commands/component.ts';
import { stepsCommand } from './commands/steps.ts';
import { claimsCommand } from './commands/claims.ts';
import { checkCommand } from './commands/check.ts';
import { compareCommand } from './commands/compare.ts';
import { driverCheckCommand } from './commands/driverCheck.ts';

/** Every kconform command, by name. */
export const commands: Record<string, Command> = {
  run: runCommand,
  serve: serveCommand,
  component: componentCommand,
  steps: stepsCommand,
  claims: claimsCommand,
  check: checkCommand,
  compare: compareCommand,
  'driver-check': driverCheckCommand,
};
