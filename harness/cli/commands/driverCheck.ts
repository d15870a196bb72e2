import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Command } from '../main.ts';
import { StdioDriver } from '../../drivers/stdio.ts';
import { DriverError } from '../../contract/driver.ts';
import { capabilityOf, type Method } from '../../contract/methods.ts';
import { protocolMethods } from '../../protocol/schema.ts';

const SAMPLES = new URL('../../../spec/protocol/samples.yaml', import.meta.url);

export const driverCheckCommand: Command = {
  summary: "check a program's protocol messages against the JSON Schema, message by message",
  usage: `kconform driver-check --impl "<command>" [--timeout MS]

  Starts the program, says hello, sends the sample requests of spec/protocol/samples.yaml for every
  method of every capability it declares, plus a few malformed requests, and checks each message it
  sends back against spec/protocol/*.schema.json. Prints which message broke which rule; exit 1 if any did.`,
  options: { impl: { type: 'string' }, timeout: { type: 'string', default: '10000' } },
  async run({ values }) {
    const command = values.impl as string | undefined;
    if (!command) throw new Error('--impl: give the command that starts the implementation');
    const driver = await StdioDriver.start({ command, timeoutMs: Number(values.timeout) });
    const caps = driver.hello.capabilities;
    console.log(`hello: ${driver.hello.implementation.name} ${driver.hello.implementation.version ?? ''}, protocol ${driver.hello.protocol}, capabilities ${caps.join(', ') || '(none)'}`);
    const samples = parse(readFileSync(SAMPLES, 'utf8')) as Record<string, unknown[]>;
    let broken = 0;
    let seen = driver.incidents.length;
    const newIncidents = () => driver.incidents.slice(seen, (seen = driver.incidents.length));

    const probe = async (label: string, method: string, params: unknown, expectError?: string) => {
      let verdict: string;
      try {
        await driver.call(method as Method, params as never);
        verdict = expectError ? `✗ answered, but ${expectError} was expected` : '✓ conforms';
        if (expectError) broken++;
      } catch (e) {
        const err = e as DriverError;
        if (err.kind === 'protocol') {
          broken++;
          verdict = `✗ ${err.message}`;
        } else verdict = expectError ? `✓ error ${err.code}${expectError !== err.code ? ` (${expectError} expected)` : ''}` : `✓ conforms (answered error ${err.code}: ${err.message})`;
      }
      console.log(`  ${label}: ${verdict}`);
      for (const i of newIncidents()) {
        if (i.kind !== 'schema') broken++;
        if (i.offending) console.log(`      ${i.kind}: ${i.message}\n      offending message: ${i.offending.slice(0, 400)}`);
        else if (i.kind !== 'schema') console.log(`      ${i.kind}: ${i.message}`);
      }
    };

    for (const method of protocolMethods().filter((m) => capabilityOf(m) && caps.includes(capabilityOf(m)!))) {
      const list = samples[method] ?? [];
      if (!list.length) console.log(`  ${method}: (no sample in spec/protocol/samples.yaml)`);
      for (const [i, params] of list.entries()) await probe(`${method} #${i + 1}`, method, params);
    }
    console.log('malformed requests (the program must answer with an error, not crash):');
    await probe('unknown method', 'kconform.noSuchMethod', {}, 'MethodNotFound');
    if (caps.includes('selectors')) await probe('wrong parameter type', 'selectors.parse', { selector: 42 }, 'InvalidParams');
    await driver.close();
    console.log(broken ? `driver-check: ${broken} protocol violation(s)` : 'driver-check: every message conforms to the protocol');
    return broken ? 1 : 0;
  },
};
