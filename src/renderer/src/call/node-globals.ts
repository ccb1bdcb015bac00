/**
 * simple-peer's stream library (readable-stream) schedules work with
 * `process.nextTick`, which browsers do not have. This is the whole shim.
 */
const scope = globalThis as { process?: { nextTick?: unknown } };
if (typeof scope.process?.nextTick !== 'function') {
  scope.process = {
    ...scope.process,
    nextTick: (callback: (...args: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => callback(...args)),
  };
}
