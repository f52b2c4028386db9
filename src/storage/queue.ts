/*
 * The background's one write queue: every read-modify-write of stored data (history, set-aside records,
 * pending submissions, migrations) runs here, strictly one after another. A failed write rejects its own
 * caller and never blocks the next one.
 */
let queue: Promise<unknown> = Promise.resolve();

export function enqueueWrite<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}
