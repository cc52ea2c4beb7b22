/** Where a command writes; tests pass buffers, the real CLI passes the process streams. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

/**
 * One `vibe` sub-command. Later features add a file under commands/ and one
 * line in commands/index.ts; main.ts never changes.
 */
export interface CliCommand {
  name: string;
  /** One line for `vibe --help`. */
  summary: string;
  /** Full text for `vibe <name> --help`. */
  usage: string;
  /** Resolves to the exit code; long-running commands resolve when they stop. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** A user mistake: printed as one line, exit code 2, no stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}
