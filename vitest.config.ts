import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Model tests load a real (tiny) GGUF through node-llama-cpp; give them room on a busy 2-core box.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The tiny test model runs ~14× faster on one llama.cpp thread than on two on these 2-vCPU
    // machines (its work per step is too small to share): `threads: auto` becomes 1 in tests.
    env: { VIBE_THREADS: '1' },
  },
});
