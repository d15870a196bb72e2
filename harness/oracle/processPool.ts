import { spawn } from 'node:child_process';

export interface ProcessOutcome {
  /** The exit code, or null when the process was killed (timeout) or could not start. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the process could not be started or was killed for taking too long. */
  failure?: string;
}

/**
 * Runs one program with at most `limit` processes alive at once; further runs wait in order.
 * A run never rejects: start failures and timeouts come back as `failure`.
 */
export class ProcessPool {
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly program: string,
    private readonly limit: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly timeoutMs: number,
  ) {}

  async run(args: string[], stdin = ''): Promise<ProcessOutcome> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running++;
    try {
      return await this.spawnOnce(args, stdin);
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }

  private spawnOnce(args: string[], stdin: string): Promise<ProcessOutcome> {
    return new Promise((resolve) => {
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      let failure: string | undefined;
      const child = spawn(this.program, args, { env: this.env, stdio: ['pipe', 'pipe', 'pipe'] });
      const timer = setTimeout(() => {
        failure = `${this.program} took longer than ${this.timeoutMs} ms`;
        child.kill('SIGKILL');
      }, this.timeoutMs);
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.stdin.on('error', () => {});
      child.on('error', (e) => {
        failure = `could not run ${this.program}: ${e.message}`;
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        const text = (bs: Buffer[]) => Buffer.concat(bs).toString('utf8');
        resolve({ code: failure ? null : code, stdout: text(out), stderr: text(err), ...(failure ? { failure } : {}) });
      });
      child.stdin.end(stdin);
    });
  }
}
