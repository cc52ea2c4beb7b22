#!/usr/bin/env node
// The `vibe` command. It runs the TypeScript sources through tsx, so the CLI
// works straight from a clone without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/run-cli.ts');
process.exitCode = await main(process.argv.slice(2));
