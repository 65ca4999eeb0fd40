/**
 * nock 15's fetch interception calls Promise.withResolvers, which Node 20 lacks (it arrived in 22).
 * Tests that use nock import this first; production code never needs it.
 */
const promise = Promise as unknown as { withResolvers?: unknown };
if (typeof promise.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value<T>() {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const created = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise: created, resolve, reject };
    },
  });
}
export {};
