// The few commands `kubectl exec` can run in a simulated container: echo, env, hostname
// (`-i` prints the pod IP, the same in every container of a pod: they share the sandbox's network
// namespace), true, false, and cat of /etc/resolv.conf or /etc/hostname. Anything else fails like
// a missing binary.

export interface ExecEnvironment {
  hostname: string;
  podIP: string;
  env: { key: string; value: string }[];
  files: Record<string, string>;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export function execCommand(cmd: readonly string[], where: ExecEnvironment): ExecResult {
  const ok = (stdout: string): ExecResult => ({ stdout, stderr: '', exitCode: 0 });
  const [bin = '', ...args] = cmd;
  switch (bin.split('/').pop()) {
    case 'echo':
      return ok(`${args.join(' ')}\n`);
    case 'true':
      return ok('');
    case 'false':
      return { stdout: '', stderr: '', exitCode: 1 };
    case 'hostname':
      return ok(`${args[0] === '-i' ? where.podIP : where.hostname}\n`);
    case 'env':
      return ok(where.env.map((e) => `${e.key}=${e.value}\n`).join(''));
    case 'cat': {
      const missing = args.find((f) => !(f in where.files));
      if (missing !== undefined) return { stdout: '', stderr: `cat: can't open '${missing}': No such file or directory\n`, exitCode: 1 };
      return ok(args.map((f) => where.files[f]).join(''));
    }
    default:
      return {
        stdout: '',
        stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${bin}": executable file not found in $PATH: unknown\n`,
        exitCode: 126,
      };
  }
}
