// How components reach the API server: one export surface.
export type { ApiClient, DeleteOptions, KubeObject, ListResult, OwnerReference, Selection, WatchEvent, WatchHandle, WatchHandlers } from './ApiClient.ts';
export { ApiStatusError, TransportError, ignoreNotFound, isAlreadyExists, isConflict, isGone, isNotFound, isStatus } from './ApiStatusError.ts';
export type { Transport, TransportRequest, TransportResponse } from './Transport.ts';
export { RestClient, type RestClientOptions } from './RestClient.ts';
export { inProcessTransport } from './inProcessTransport.ts';
export { httpTransport, type HttpTransportOptions } from './httpTransport.ts';
export { Informer, keyOf, splitKey, type InformerHandlers } from './Informer.ts';
export { WorkQueue, TerminalError, type ReconcileResult, type WorkQueueOptions } from './WorkQueue.ts';
export { EventRecorder, type EventType } from './EventRecorder.ts';
