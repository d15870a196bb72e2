import type { Command } from '../main.ts';
import { openDriver } from '../../drivers/select.ts';
import { serve } from '../../protocol/serve.ts';

export const serveCommand: Command = {
  summary: 'serve an implementation: the kconform protocol on stdin/stdout (--stdio)',
  usage: `kconform serve --stdio [--driver reference]

  --stdio    speak the kconform driver protocol (newline-delimited JSON) on stdin/stdout,
             so any checker can drive the implementation; see docs/protocol.md`,
  options: {
    stdio: { type: 'boolean' },
    driver: { type: 'string', default: 'reference' },
  },
  async run({ values }) {
    if (!values.stdio) throw new Error('say what to serve: --stdio (the HTTP API server comes with `kconform serve` in a later release)');
    const driver = await openDriver(String(values.driver));
    await serve(driver, process.stdin, process.stdout);
    return 0;
  },
};
