// core/v1 Events about an object, as client-go's recorder writes them: a repeat of the same
// (object, type, reason, message) bumps `count` and `lastTimestamp` of the event already written.
import { rfc3339, type Clock } from '../clock/index.ts';
import type { ApiClient, KubeObject } from './ApiClient.ts';
import { isNotFound } from './ApiStatusError.ts';

export type EventType = 'Normal' | 'Warning';

export class EventRecorder {
  private readonly written = new Map<string, { name: string; namespace: string; count: number }>();
  private serial = 0;

  constructor(
    private readonly client: ApiClient,
    private readonly clock: Clock,
    /** source.component and reportingComponent, e.g. `default-scheduler`. */
    private readonly component: string,
  ) {}

  /** Writes or bumps the event; rejects like the client when the write fails. */
  async record(object: KubeObject, type: EventType, reason: string, message: string): Promise<void> {
    const meta = object.metadata;
    const namespace = meta.namespace || 'default';
    const key = `${meta.uid}\u0000${type}\u0000${reason}\u0000${message}`;
    const now = rfc3339(this.clock.now());
    const seen = this.written.get(key);
    if (seen) {
      try {
        await this.client.patch('Event', seen.namespace, seen.name, { count: seen.count + 1, lastTimestamp: now });
        seen.count++;
        return;
      } catch (error) {
        if (!isNotFound(error)) throw error;
        this.written.delete(key);
      }
    }
    const name = `${meta.name}.${(this.clock.now() * 1000 + (this.serial++ % 1000)).toString(16)}`;
    await this.client.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: { kind: object.kind, namespace: meta.namespace, name: meta.name, uid: meta.uid, apiVersion: object.apiVersion, resourceVersion: meta.resourceVersion },
      reason,
      message,
      type,
      source: { component: this.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      reportingComponent: this.component,
      reportingInstance: this.component,
    });
    this.written.set(key, { name, namespace, count: 1 });
  }
}
