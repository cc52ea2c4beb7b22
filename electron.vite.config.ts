import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { metaContentSecurityPolicy } from './src/shared/security-headers';

/**
 * Puts the CSP into index.html for production builds. Only there: the dev
 * server injects inline scripts (React refresh) that a strict policy blocks.
 * Web mode additionally sends the policy as an HTTP header.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'workbench-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      // The `vibe` command is built with the app: bin/vibe.mjs runs it without compiling at each start.
      rolldownOptions: { input: { index: resolve('src/main/index.ts'), cli: resolve('src/cli/run-cli.ts') } },
    },
  },
  preload: {
    build: {
      // Sandboxed preload scripts must be CommonJS.
      rolldownOptions: { input: { index: resolve('src/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    base: './',
    plugins: [react(), contentSecurityPolicyMeta()],
    worker: { format: 'es' },
    resolve: {
      alias: {
        // monaco-editor's export map appends `.js` to every subpath, so its CSS is reached by file path.
        'monaco-codicons.css': resolve('node_modules/monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon.css'),
      },
    },
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: resolve('src/renderer/index.html') },
    },
  },
});
