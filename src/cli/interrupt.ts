/**
 * Calls `stop` on Ctrl+C (or on any of `signals`), until the returned function
 * is called; a second signal exits at once (130). A plain listener that stays on while the signal
 * is handled, not a `once` one: a library's `signal-exit` hook (it comes with
 * node-llama-cpp, imported only when a model is touched) re-raises the
 * signal, killing the process mid-cleanup, when it finds itself the only
 * listener left.
 */
export function onInterrupt(stop: () => void, signals: readonly NodeJS.Signals[] = ['SIGINT']): () => void {
  let asked = false;
  const listener = () => {
    if (asked) process.exit(130);
    asked = true;
    stop();
  };
  for (const signal of signals) process.on(signal, listener);
  return () => setImmediate(() => signals.forEach((signal) => process.off(signal, listener)));
}
