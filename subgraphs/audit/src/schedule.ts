/**
 * Runs a task every `ms`, never two at once; a failure is logged and the next run tries again. A
 * task that resolves to 'again' (it is behind) runs again at once. Returns the stop, which waits for
 * a run in progress.
 */
export function every(ms: number, name: string, task: () => Promise<unknown>, log: (message: string) => void): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    let again = false;
    running = task()
      .then((result) => (again = result === 'again'))
      .catch((error: Error) => log(`${name} failed, will retry: ${error.message}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, again ? 0 : ms).unref();
      });
  };
  timer = setTimeout(tick, ms).unref();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
