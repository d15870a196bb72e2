// Node 20 compatibility for @kubernetes/client-node 2: it loads undici 8 (engines: Node >= 22.19),
// which binds Node 22 APIs at load time. Where they are missing, stubs are installed first:
//  - zlib.createZstdDecompress: refuses zstd; a server sends zstd only when asked, and we never ask;
//  - worker_threads.markAsUncloneable: a no-op; it only guards objects against structuredClone;
//  - Promise.withResolvers (ES2024): the standard polyfill.
// Import this module before @kubernetes/client-node.
import workerThreads from 'node:worker_threads';
import zlib from 'node:zlib';

const z = zlib as unknown as Record<string, unknown>;
if (typeof z.createZstdDecompress !== 'function') {
  z.createZstdDecompress = () => {
    throw new Error('zstd is not available in this Node.js version');
  };
}

const w = workerThreads as unknown as Record<string, unknown>;
if (typeof w.markAsUncloneable !== 'function') w.markAsUncloneable = () => {};

const P = Promise as unknown as Record<string, unknown>;
if (typeof P.withResolvers !== 'function') {
  P.withResolvers = function withResolvers<T>() {
    let resolve!: (v: T) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
    return { promise, resolve, reject };
  };
}
