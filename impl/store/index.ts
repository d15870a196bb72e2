// The versioned object store: one interface, two backends.
export type { JsonObject, ListOptions, ListResult, Store, StoreEvent, StoreRecord, StoreWatch, WatchHandlers } from './store.ts';
export { StoreError, isStoreError, type StoreErrorCode } from './storeError.ts';
export { memoryStore, type MemoryStoreOptions } from './memoryStore.ts';
export { etcdStore, defaultEtcdEndpoint, type EtcdStoreOptions } from './etcdStore.ts';
export { startEtcdTestServer, etcdReachable, etcdBinary, type EtcdTestServer } from './etcdTestServer.ts';
