import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Model tests load a real (tiny) GGUF through node-llama-cpp; give them room on a busy 2-core box.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
