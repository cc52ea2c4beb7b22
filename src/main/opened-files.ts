import { stat, readFile } from 'node:fs/promises';
import { basename, extname, isAbsolute, resolve } from 'node:path';
import type { WorkbenchHandlers } from '../shared/api/contract';
import type { DesktopCommand } from '../shared/desktop-commands';
import { errorMessage } from '../shared/api/errors';

/** Kinds of file the workbench opens from the system (menu dialogs, a second launch, the dock, a file manager). */
export const openableExtensions = ['.gguf', '.json', '.py'] as const;

const maxCodeBytes = 1024 * 1024;
const maxProblemBytes = 16 * 1024 * 1024;

/**
 * The files in a command line: arguments that are not switches and end in an
 * extension we open, made absolute against the launching process's folder
 * (a second launch reports its own working directory).
 */
export function filesFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && (openableExtensions as readonly string[]).includes(extname(arg).toLowerCase()))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(workingDirectory, arg)));
}

export interface OpenFileDeps {
  handlers: Pick<WorkbenchHandlers, 'openModelFile' | 'importProblem'>;
  send(command: DesktopCommand): void;
}

/**
 * Opens one file the way its kind asks: a GGUF joins the model list, a problem
 * file is imported and becomes the current problem, Python goes to the
 * editor. Every failure becomes a message in the window, never a crash.
 */
export async function openFile(path: string, deps: OpenFileDeps): Promise<void> {
  const name = basename(path);
  try {
    const kind = extname(path).toLowerCase();
    if (kind === '.gguf') {
      await deps.handlers.openModelFile({ path });
      deps.send({ command: 'showView', view: 'models' });
      return;
    }
    if (kind === '.json' || kind === '.py') {
      const size = (await stat(path)).size;
      const limit = kind === '.py' ? maxCodeBytes : maxProblemBytes;
      if (size > limit) throw new Error(`it is larger than the ${limit / 1024 / 1024} MiB limit`);
      const text = await readFile(path, 'utf8');
      if (kind === '.py') {
        deps.send({ command: 'openCode', code: text, fileName: name });
      } else {
        const problem = await deps.handlers.importProblem({ text, fileName: name });
        deps.send({ command: 'openProblem', problemId: problem.id });
      }
      return;
    }
    throw new Error('the workbench opens .gguf models, problem .json files and .py code');
  } catch (err) {
    const reason = errorMessage(err);
    deps.send({ command: 'notice', message: `Could not open ${name}: ${reason.replace(/\.$/, '')}.` });
  }
}
