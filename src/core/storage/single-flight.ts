/**
 * One run at a time per key: callers asking while a run is in flight share its
 * result. Stores use it so that a listing and an open of the same damaged file
 * recover it once, instead of racing to set it aside.
 */
export function singleFlight<T>(): (key: string, run: () => Promise<T>) => Promise<T> {
  const inFlight = new Map<string, Promise<T>>();
  return (key, run) => {
    const pending = inFlight.get(key);
    if (pending) return pending;
    const started = run().finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };
}
