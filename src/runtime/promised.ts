/**
 * `work` run now, with its value or its throw as a promise: what an `async` function without an
 * `await` does, for a port method whose implementation happens to be synchronous (a throw still
 * reaches the caller's `.catch` as a rejection).
 */
export function promised<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve) => {
    resolve(work());
  });
}
