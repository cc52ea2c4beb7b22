type LlamaModule = typeof import('node-llama-cpp');

let loading: Promise<LlamaModule> | null = null;
let loaded: LlamaModule | null = null;

/**
 * node-llama-cpp, imported the first time something needs it: importing it
 * takes ~0.5 s here, which `vibe --help`, `vibe info`, `vibe judge` and a
 * window's first paint should not pay before any model is touched.
 */
export function llamaModule(): Promise<LlamaModule> {
  loading ??= import('node-llama-cpp').then((module) => (loaded = module));
  return loading;
}

/**
 * True for node-llama-cpp's "does not fit in memory" error. Such an error can
 * only come from the module once it is imported, so this never has to wait.
 */
export function isInsufficientMemory(err: unknown): boolean {
  return loaded !== null && err instanceof loaded.InsufficientMemoryError;
}
