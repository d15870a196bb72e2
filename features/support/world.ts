import { World, setWorldConstructor, type IWorldOptions } from '@cucumber/cucumber';
import type { Driver } from '../../harness/contract/driver.ts';
import type { Capability } from '../../harness/contract/methods.ts';
import { activeDriver } from '../../harness/runner/session.ts';
import { DIFF_MEDIA, NOT_APPLICABLE_MEDIA } from '../../harness/runner/scenarioCollector.ts';

/** An object a scenario declared, as steps hand it to the implementation. */
export interface DeclaredObject {
  kind: string;
  name: string;
  namespace?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  manifest?: Record<string, unknown>;
}

/**
 * The state of one scenario. Steps reach the implementation only through `this.driver`.
 * `result` holds what the last When step got back, for the Then steps to examine.
 */
export class KWorld extends World<{ driver?: string }> {
  objects: DeclaredObject[] = [];
  result: unknown;
  /** Namespaces this scenario created through `objects`, deleted after it. */
  createdNamespaces: string[] = [];

  constructor(options: IWorldOptions<{ driver?: string }>) {
    super(options);
  }

  get driver(): Driver {
    const d = activeDriver();
    if (!d) throw new Error('no driver: run scenarios with `kconform run` or set KCONFORM_DRIVER');
    return d;
  }

  /** The first capability in `options` the driver has, or undefined after recording why the step is not applicable. */
  async choose(options: Capability[]): Promise<Capability | undefined> {
    const c = options.find((o) => this.driver.has(o));
    if (!c) await this.attach(`the implementation lacks capability ${options.join(' or ')}`, NOT_APPLICABLE_MEDIA);
    return c;
  }

  /** Attach want/got for the report, then fail with `message`. */
  async mismatch(message: string, want: unknown, got: unknown): Promise<never> {
    await this.attach(JSON.stringify({ want, got }), DIFF_MEDIA);
    throw new Error(`${message}\n  want: ${JSON.stringify(want)}\n  got:  ${JSON.stringify(got)}`);
  }

  /** Fail unless got deep-equals want (JSON comparison). */
  async expectEqual(what: string, got: unknown, want: unknown): Promise<void> {
    if (JSON.stringify(got) !== JSON.stringify(want)) await this.mismatch(what, want, got);
  }
}

setWorldConstructor(KWorld);
