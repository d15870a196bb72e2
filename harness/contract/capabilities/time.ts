// Capability `time`: the implementation's clock and its flow trace. An implementation on virtual
// time moves its clock only when told (`time.advance`) and runs its components until they have
// nothing left to do (`time.settle`), so a flow that takes minutes of cluster time is checked in
// milliseconds and replays from a seed. A real-time implementation answers `time.advance` by
// waiting, with a timeout.
//
// Times are RFC 3339 UTC with milliseconds (`2025-01-01T00:00:05.000Z`).

/**
 * One recorded happening, oldest first, numbered by `seq` (1, 2, 3, ... never reused). `at` is
 * the implementation's clock (RFC 3339 ms); `actor` who acted: a request's or watcher's
 * User-Agent (`kube-scheduler`, `kconform-driver`), for `store` entries the component that made
 * the Store call (only `kube-apiserver` in a conforming control plane, FLOW-6).
 *  - `request`: a request the API server received (`code` 0 until answered): `verb` (get list watch create update patch
 *    delete deletecollection), `resource` (plural, e.g. `pods`), `namespace`, `name`,
 *    `subresource` (`binding`, `status`, `finalize`), `code` (HTTP status).
 *  - `watch`: the API server sent a watch event (`type` ADDED/MODIFIED/DELETED/ERROR/BOOKMARK) about
 *    `resource`/`namespace`/`name` at `resourceVersion` to `actor`.
 *  - `store`: a Store call `op` (create get list update delete watch compact) on `key`.
 *  - `error`: a component's work failed (`message`); it will usually be retried.
 */
export interface TraceEntry {
  seq: number;
  at: string;
  kind: 'request' | 'watch' | 'store' | 'error';
  actor: string;
  verb?: string;
  resource?: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  code?: number;
  type?: string;
  resourceVersion?: string;
  op?: string;
  key?: string;
  message?: string;
}

export interface TimeMethods {
  /** Moves the clock forward by `ms`, firing due timers in order and settling after each. */
  'time.advance': { params: { ms: number }; result: { now: string } };
  'time.now': { params: Record<string, never>; result: { now: string } };
  /** Runs the components until none has work left (their reactions to earlier calls are visible). */
  'time.settle': { params: Record<string, never>; result: { now: string } };
  /** The trace entries with seq > `since` (default: all kept). */
  'time.trace': { params: { since?: number }; result: { entries: TraceEntry[] } };
}
