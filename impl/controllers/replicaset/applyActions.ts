// Applies a reconciler's actions (impl/controllers/actions.ts) through a component's ApiClient, in
// order, recording each action's event once its write succeeded.
import { isNotFound, type KubeObject } from '../../client/index.ts';
import type { ComponentContext } from '../../controlplane/Component.ts';
import type { Action } from '../actions.ts';

/** The write of `actions[index]` failed; the actions after it were not sent. */
export class ActionFailedError extends Error {
  override name = 'ActionFailedError';
  constructor(readonly action: Action, readonly index: number, override readonly cause: unknown) {
    super(`${action.verb} ${action.kind} ${[action.namespace, action.name ?? action.object?.metadata.name].filter(Boolean).join('/')} (${action.reason}): ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** One action as an API call. A delete or patch of an object that is already gone counts as done (false: no event). */
export async function applyAction(ctx: ComponentContext, a: Action): Promise<boolean> {
  const { client } = ctx;
  try {
    switch (a.verb) {
      case 'create': await client.create(structuredClone(a.object!)); break;
      case 'update': await client.update(structuredClone(a.object!)); break;
      case 'updateStatus': await client.updateStatus(structuredClone(a.object!)); break;
      case 'patch': await client.patch(a.kind, a.namespace, String(a.name), a.patch, a.subresource); break;
      case 'delete': await client.delete(a.kind, a.namespace, String(a.name), a.preconditions); break;
    }
    return true;
  } catch (error) {
    if ((a.verb === 'delete' || a.verb === 'patch') && isNotFound(error)) return false;
    throw error;
  }
}

/**
 * Sends `actions` in order and stops at the first failure, rejecting with ActionFailedError (the
 * caller retries the key). Events are best effort: a failed event write is reported, not thrown.
 */
export async function applyActions(ctx: ComponentContext, actions: readonly Action[]): Promise<void> {
  for (const [index, action] of actions.entries()) {
    let done: boolean;
    try {
      done = await applyAction(ctx, action);
    } catch (error) {
      throw new ActionFailedError(action, index, error);
    }
    const ev = action.event;
    if (done && ev) await ctx.events.record(ev.regarding as KubeObject, ev.type, ev.reason, ev.message).catch((error) => ctx.reportError(error, `event ${ev.reason}`));
  }
}
