#!/usr/bin/env node
// The `vibe` command. It runs the TypeScript sources through tsx, so the CLI
// works straight from a clone without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/run-cli.ts');
const code = await main(process.argv.slice(2));
process.exitCode = code;
// Native model code can keep the event loop alive after the work is done; do not hang on it.
setTimeout(() => process.exit(code), 200).unref();
