import { resolve } from 'node:path';
import type { Command } from '../main.ts';
import { runCommand } from './run.ts';
import { driverForImpl } from '../implSpec.ts';

export const checkCommand: Command = {
  summary: 'check an outside implementation: a command (stdio protocol), an API server URL or a kubeconfig',
  usage: `kconform check --impl "<command>" | --impl https://host:6443 | --kubeconfig PATH   [run options]

  Runs the whole suite against the implementation and writes the reports (default reports/).
  Takes every option of \`kconform run\` (--tags, --seed, --runs-scale, --report-dir, --timeout, ...).`,
  options: { ...runCommand.options, impl: { type: 'string' }, kubeconfig: { type: 'string' } },
  async run({ values, positionals }) {
    const impl = values.kubeconfig ? `kube:${resolve(String(values.kubeconfig))}` : (values.impl as string | undefined);
    if (!impl) throw new Error('--impl or --kubeconfig: say which implementation to check');
    return runCommand.run({ values: { ...values, driver: driverForImpl(impl) }, positionals });
  },
};
