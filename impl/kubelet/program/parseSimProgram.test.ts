import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSimProgram } from './parseSimProgram.ts';
import { DEFAULT_PROGRAM, exitOf, flagAt, nextFlipAfter } from './SimProgram.ts';
import { formatGoDuration, parseGoDuration } from './goDuration.ts';
import { formatFieldError } from '../../labels/fieldError.ts';

const P = 'spec.containers[0]';
const parse = (command: string[], args?: string[]) => parseSimProgram({ command, args }, P);
const program = (command: string[], args?: string[]) => {
  const r = parse(command, args);
  assert.ok(r.ok, r.ok ? '' : r.errors.map(formatFieldError).join('; '));
  return r.program;
};
const errors = (command: string[], args?: string[]) => {
  const r = parse(command, args);
  assert.ok(!r.ok, 'expected errors');
  return r.errors.map(formatFieldError);
};

test('a container without a command runs the default program', () => {
  assert.deepEqual(parseSimProgram({}, P), { ok: true, program: DEFAULT_PROGRAM });
  assert.deepEqual(program(['nginx', '-g', 'daemon off;']), DEFAULT_PROGRAM);
});

test('sleep, true and false behave like their coreutils namesakes', () => {
  assert.deepEqual(program(['/bin/sleep', '30']).exits, [{ afterMs: 30_000, exitCode: 0 }]);
  assert.deepEqual(program(['sleep'], ['1h']).exits, [{ afterMs: 3_600_000, exitCode: 0 }]);
  assert.deepEqual(program(['sleep', 'soon']).exits, [{ afterMs: 0, exitCode: 1 }]);
  assert.deepEqual(program(['true']).exits, [{ afterMs: 0, exitCode: 0 }]);
  assert.deepEqual(program(['false']).exits, [{ afterMs: 0, exitCode: 1 }]);
});

const cases: { name: string; argv: string[]; args?: string[]; check: (p: ReturnType<typeof program>) => void }[] = [
  { name: 'exit with a code after a delay, one word per element', argv: ['sim', 'exit', '0', 'after', '30s'], check: (p) => assert.deepEqual(p.exits, [{ afterMs: 30_000, exitCode: 0 }]) },
  { name: 'the same program written as one string', argv: ['sim', 'exit 0 after 30s'], check: (p) => assert.deepEqual(p.exits, [{ afterMs: 30_000, exitCode: 0 }]) },
  { name: 'the program may live in args', argv: [], args: ['sim', 'crash after 5s'], check: (p) => assert.deepEqual(p.exits, [{ afterMs: 5000, exitCode: 1 }]) },
  { name: 'oom exits 137 with reason OOMKilled', argv: ['sim', 'oom after 1m30s'], check: (p) => assert.deepEqual(p.exits, [{ afterMs: 90_000, exitCode: 137, reason: 'OOMKilled' }]) },
  { name: 'times limits an exit to the first runs', argv: ['sim', 'crash after 5s times 2; exit 0 after 1m'], check: (p) => {
    assert.equal(exitOf(p, 0)?.exitCode, 1);
    assert.equal(exitOf(p, 1)?.afterMs, 5000);
    assert.deepEqual(exitOf(p, 2), { afterMs: 60_000, exitCode: 0 });
  } },
  { name: 'the earliest admitted exit ends a run', argv: ['sim', 'exit 3 after 20s', 'crash after 10s'], check: (p) => assert.equal(exitOf(p, 0)?.exitCode, 1) },
  { name: 'ready after starts unready and flips', argv: ['sim', 'ready after 10s; unready after 1m'], check: (p) => {
    assert.deepEqual([0, 9999, 10_000, 59_999, 60_000].map((t) => flagAt(p.readiness, t)), [false, false, true, true, false]);
    assert.equal(nextFlipAfter(p.readiness, 10_000), 60_000);
    assert.equal(nextFlipAfter(p.readiness, 60_000), Infinity);
  } },
  { name: 'unhealthy after starts healthy', argv: ['sim', 'unhealthy', 'after', '60s'], check: (p) => assert.deepEqual([flagAt(p.liveness, 0), flagAt(p.liveness, 60_000)], [true, false]) },
  { name: 'started after delays the startup probe', argv: ['sim', 'started after 20s'], check: (p) => assert.deepEqual([flagAt(p.startup, 19_999), flagAt(p.startup, 20_000)], [false, true]) },
  { name: 'log takes a quoted text with modifiers', argv: ['sim', 'log "hello world" after 1s every 500ms'], check: (p) => assert.deepEqual(p.logs, [{ text: 'hello world', afterMs: 1000, everyMs: 500 }]) },
  { name: 'log takes the next element whole', argv: ['sim', 'log', 'hello; world', 'run'], check: (p) => assert.deepEqual(p.logs, [{ text: 'hello; world', afterMs: 0, everyMs: undefined }]) },
  { name: 'on-term ignore makes the runtime kill at the deadline', argv: ['sim', 'on-term ignore'], check: (p) => assert.deepEqual(p.onTerm, { ignore: true, exitCode: 137, afterMs: 0 }) },
  { name: 'on-term exit sets the code and the shutdown time', argv: ['sim', 'on-term exit 143 after 5s'], check: (p) => assert.deepEqual(p.onTerm, { ignore: false, exitCode: 143, afterMs: 5000 }) },
  { name: 'sim alone runs forever', argv: ['sim'], check: (p) => assert.deepEqual(p.exits, []) },
];
for (const c of cases) test(`the program ${c.name}`, () => c.check(program(c.argv, c.args)));

const bad: { name: string; argv: string[]; args?: string[]; want: string[] }[] = [
  { name: 'an unknown keyword', argv: ['sim', 'crsh'], want: ['spec.containers[0].command[1]: Unsupported value: "crsh": supported values: "crash", "exit", "healthy", "log", "on-term", "oom", "ready", "run", "started", "unhealthy", "unready"'] },
  { name: 'a missing exit code', argv: ['sim', 'exit'], want: ['spec.containers[0].command[1]: Required value: exit code after "exit"'] },
  { name: 'an exit code out of range', argv: ['sim', 'exit', '300'], want: ['spec.containers[0].command[2]: Invalid value: "300": must be an exit code between 0 and 255, inclusive'] },
  { name: 'a bad duration, reported at its args element', argv: ['sim'], args: ['ready', 'after', '10x'], want: ['spec.containers[0].args[2]: Invalid value: "10x": must be a duration such as 500ms, 30s or 1m30s'] },
  { name: 'a repeated modifier', argv: ['sim', 'crash after 1s after 2s'], want: ['spec.containers[0].command[1]: Duplicate value: "after"'] },
  { name: 'a zero count', argv: ['sim', 'crash times 0'], want: ['spec.containers[0].command[1]: Invalid value: "0": must be a positive integer'] },
  { name: 'a log every 0s', argv: ['sim', 'log x every 0s'], want: ['spec.containers[0].command[1]: Invalid value: "0s": must be greater than 0'] },
  { name: 'an unterminated quote', argv: ['sim', 'log "oops'], want: ['spec.containers[0].command[1]: Invalid value: "log \\"oops": unterminated quote'] },
  { name: 'a bad on-term action', argv: ['sim', 'on-term', 'wait'], want: ['spec.containers[0].command[2]: Unsupported value: "wait": supported values: "exit", "ignore"'] },
];
for (const c of bad) test(`the parser rejects ${c.name} with a field path`, () => assert.deepEqual(errors(c.argv, c.args), c.want));

test('Go durations parse and print like time.Duration', () => {
  assert.deepEqual(['0', '500ms', '30s', '1m30s', '1.5h', '2h', '', '-1s', '10', '5us'].map(parseGoDuration), [0, 500, 30_000, 90_000, 5_400_000, 7_200_000, undefined, undefined, undefined, undefined]);
  assert.deepEqual([0, 500, 10_000, 80_000, 300_000, 3_600_000, 1500].map(formatGoDuration), ['0s', '500ms', '10s', '1m20s', '5m0s', '1h0m0s', '1.5s']);
});
