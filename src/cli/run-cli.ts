import { errorMessage, isErrorData } from '../shared/api/errors';
import { UsageError, type CliIo } from './command';
import { commands } from './commands';
import { appVersion } from './app-version';

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `vibe — VibeThinker Workbench on the command line

Usage: vibe <command> [options]

Commands:
${lines.join('\n')}

Global options:
  --help, -h     show help (also: vibe <command> --help)
  --version      print the version
  --verbose      print stack traces on errors

Run \`vibe <command> --help\` for a command's options.`;
}

/**
 * Runs the CLI and returns the exit code. Errors become one line on stderr
 * (a stack trace only with --verbose): 2 for usage mistakes, 1 otherwise.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const verbose = argv.includes('--verbose');
  const args = argv.filter((a) => a !== '--verbose');
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(appVersion());
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`vibe: unknown command "${name}". Run \`vibe --help\` to see the commands.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (verbose && err instanceof Error && err.stack) io.err(err.stack);
    const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const message = errorMessage(err);
    // Our own errors may list several problems on indented lines (a problem set's bad lines); a
    // foreign error's extra lines (stack-like detail) stay out unless --verbose.
    const shown = isErrorData(err) ? message : (message.split('\n')[0] ?? '');
    io.err(`vibe ${name}: ${shown}${usage ? ` (see \`vibe ${name} --help\`)` : ''}`);
    return usage ? 2 : 1;
  }
}

function processIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
  };
}
