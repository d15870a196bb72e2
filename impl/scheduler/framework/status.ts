// The outcome of a plugin at one extension point, as upstream's framework.Status.
// `null` stands for Success everywhere on the hot path, so a passing filter allocates nothing.

export const Code = {
  Success: 'Success',
  /** The node does not fit now; preemption could help. */
  Unschedulable: 'Unschedulable',
  /** The node does not fit and preemption would not help. */
  UnschedulableAndUnresolvable: 'UnschedulableAndUnresolvable',
  /** Something broke; the cycle stops. */
  Error: 'Error',
  /** PreFilter/PreScore: this plugin has nothing to do for the pod; its Filter/Score is not run. */
  Skip: 'Skip',
} as const;
export type Code = (typeof Code)[keyof typeof Code];

export class Status {
  readonly code: Code;
  /** User-facing reasons; the FitError histogram counts each one. */
  readonly reasons: readonly string[];
  /** The plugin that returned it; the framework fills it in. */
  plugin = '';

  constructor(code: Code, ...reasons: string[]) {
    this.code = code;
    this.reasons = reasons;
  }

  /** The reasons joined as upstream's Status.Message(). */
  message(): string {
    return this.reasons.join(', ');
  }

  isRejected(): boolean {
    return this.code === Code.Unschedulable || this.code === Code.UnschedulableAndUnresolvable;
  }

  withPlugin(plugin: string): Status {
    const s = new Status(this.code, ...this.reasons);
    s.plugin = plugin;
    return s;
  }
}

export const SKIP = new Status(Code.Skip);

/** A thrown Error status: a plugin or the framework could not do its work. */
export class SchedulerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchedulerError';
  }
}
