import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Driver } from '../contract/driver.ts';
import { DriverError } from '../contract/driver.ts';
import type { Capability, Hello, Method, Params, Result } from '../contract/methods.ts';
import { PROTOCOL_VERSION } from '../contract/methods.ts';
import { checkMessage } from '../protocol/schema.ts';

export interface StdioOptions {
  /** A shell command line that starts the implementation. */
  command: string;
  /** Per-call timeout; a call that takes longer fails with a Timeout protocol error. */
  timeoutMs?: number;
  /** Check every message the implementation sends against the protocol's JSON Schema. */
  validate?: boolean;
  cwd?: string;
}

/** What happened to the process, for the report. */
/** The least time these calls get, whatever the timeout. */
const SLOW_CALLS: Record<string, number> = { hello: 30_000, 'ports.serve': 60_000 };

export interface StdioIncident {
  kind: 'crash' | 'timeout' | 'malformed' | 'schema' | 'restart';
  message: string;
  offending?: string;
}

interface Pending {
  method: string;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * A driver for an external program speaking newline-delimited JSON on stdin/stdout.
 * A crashed or hung process is restarted once; after a second failure every call fails fast.
 * Never hangs: every call has a timeout.
 */
export class StdioDriver implements Driver {
  readonly name: string;
  hello!: Hello;
  readonly incidents: StdioIncident[] = [];
  private proc?: ChildProcess;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private stderrTail: string[] = [];
  private restarts = 0;
  private dead?: string;
  private closing = false;

  private constructor(private readonly opts: StdioOptions) {
    this.name = `stdio:${opts.command}`;
  }

  static async start(opts: StdioOptions): Promise<StdioDriver> {
    const d = new StdioDriver({ ...opts, timeoutMs: opts.timeoutMs ?? 10_000, validate: opts.validate ?? true });
    await d.launch();
    return d;
  }

  has(c: Capability): boolean {
    return this.hello.capabilities.includes(c);
  }

  private async launch(): Promise<void> {
    const proc = spawn(this.opts.command, { shell: true, stdio: ['pipe', 'pipe', 'pipe'], cwd: this.opts.cwd });
    this.proc = proc;
    createInterface({ input: proc.stdout! }).on('line', (line) => this.onLine(line));
    createInterface({ input: proc.stderr! }).on('line', (line) => {
      this.stderrTail.push(line);
      if (this.stderrTail.length > 20) this.stderrTail.shift();
    });
    proc.on('error', (err) => this.onExit(`could not start: ${err.message}`));
    proc.on('exit', (code, signal) => this.onExit(`exited with ${signal ? `signal ${signal}` : `code ${code}`}`));
    proc.stdin!.on('error', () => {});
    try {
      const hello = (await this.send('hello', { protocol: PROTOCOL_VERSION, client: 'kconform' })) as Hello;
      const major = String(hello.protocol ?? '').split('.')[0];
      if (major !== PROTOCOL_VERSION.split('.')[0]) {
        throw new DriverError({ code: 'ProtocolError', message: `implementation speaks protocol ${hello.protocol}, kconform speaks ${PROTOCOL_VERSION}` }, 'protocol');
      }
      this.hello = hello;
    } catch (e) {
      this.closing = true;
      proc.kill('SIGKILL');
      throw e;
    }
  }

  private onLine(line: string): void {
    if (line.trim() === '') return;
    let msg: { id?: unknown; result?: unknown; error?: { code: string; message: string; field?: string } };
    try {
      msg = JSON.parse(line);
    } catch {
      this.incident({ kind: 'malformed', message: 'a line on stdout is not JSON', offending: line });
      return;
    }
    if (msg.id === null && msg.error) {
      this.incident({ kind: 'malformed', message: `the implementation could not read a request: ${msg.error.message}`, offending: line });
      return;
    }
    const p = typeof msg.id === 'number' ? this.pending.get(msg.id) : undefined;
    if (!p) {
      this.incident({ kind: 'malformed', message: `a response names no pending request id (${JSON.stringify(msg.id)})`, offending: line });
      return;
    }
    this.pending.delete(msg.id as number);
    clearTimeout(p.timer);
    if (this.opts.validate) {
      const problem = checkMessage('response', p.method, msg);
      if (problem) {
        this.incident({ kind: 'schema', message: `${p.method}: ${problem}`, offending: line });
        p.reject(new DriverError({ code: 'ProtocolError', message: `${p.method} response breaks the protocol: ${problem}` }, 'protocol', line));
        return;
      }
    }
    if (msg.error) p.reject(new DriverError(msg.error, 'answer'));
    else p.resolve(msg.result);
  }

  private onExit(how: string): void {
    if (this.closing) return;
    const tail = this.stderrTail.length ? `; stderr: ${this.stderrTail.slice(-5).join(' | ')}` : '';
    this.incident({ kind: 'crash', message: `implementation ${how}${tail}` });
    this.failAll(`implementation ${how}${tail}`);
    this.proc = undefined;
  }

  private failAll(message: string): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new DriverError({ code: 'ProtocolError', message: `${p.method}: ${message}` }, 'protocol'));
      this.pending.delete(id);
    }
  }

  private incident(i: StdioIncident): void {
    this.incidents.push(i);
  }

  /** Start-up may be slow: hello (a runtime loading) and ports.serve (starting every component) get at least 30 and 60 s. */
  private send(method: string, params: unknown, timeoutMs = Math.max(SLOW_CALLS[method] ?? 0, this.opts.timeoutMs!)): Promise<unknown> {
    const proc = this.proc;
    if (!proc || !proc.stdin!.writable) return Promise.reject(new DriverError({ code: 'ProtocolError', message: `${method}: implementation is not running` }, 'protocol'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        const message = `${method} got no answer in ${timeoutMs} ms`;
        this.incident({ kind: 'timeout', message });
        reject(new DriverError({ code: 'Timeout', message }, 'protocol'));
        this.proc?.kill('SIGKILL');
      }, timeoutMs);
      this.pending.set(id, { method, resolve, reject, timer });
      proc.stdin!.write(JSON.stringify({ id, method, params }) + '\n');
    });
  }

  async call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> {
    if (this.dead) throw new DriverError({ code: 'ProtocolError', message: `${method}: ${this.dead}` }, 'protocol');
    if (!this.proc) {
      if (this.restarts >= 1) {
        this.dead = 'implementation failed twice; not restarted again';
        throw new DriverError({ code: 'ProtocolError', message: `${method}: ${this.dead}` }, 'protocol');
      }
      this.restarts++;
      this.incident({ kind: 'restart', message: 'restarting the implementation once' });
      await this.launch();
    }
    return (await this.send(method, params)) as Result<M>;
  }

  async close(): Promise<void> {
    const proc = this.proc;
    if (!proc) return;
    try {
      await Promise.race([this.send('shutdown', {}), new Promise((r) => setTimeout(r, 1000))]);
    } catch {
      /* an implementation that dies on shutdown is fine */
    }
    this.closing = true;
    proc.stdin!.end();
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    const t = setTimeout(() => proc.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(t);
  }
}
