import type { WorkbenchClient } from '../api/workbench-client';
import type { DesktopCommand } from '../../../shared/desktop-commands';
import { errorMessage } from '../../../shared/api/errors';

const maxCodeBytes = 1024 * 1024;
const maxProblemBytes = 16 * 1024 * 1024;

export interface DropContext {
  client: Pick<WorkbenchClient, 'importProblem' | 'openModelFile'>;
  /** The desktop preload's path lookup; absent in a browser, where dropped files have no path. */
  pathForFile?: (file: File) => string;
  /** What opening a file does, as the desktop menu's commands (use-app-commands.ts). */
  run: (command: DesktopCommand) => void;
}

/**
 * Opens files dropped on the window, by kind: Python goes to the editor, a
 * problem .json is imported and chosen, a .gguf joins the models (desktop
 * only: a browser never learns where a dropped file lives, and uploading
 * a gigabyte model to a server on the same machine would be absurd).
 */
export async function openDroppedFiles(files: readonly File[], context: DropContext): Promise<void> {
  for (const file of files) {
    const name = file.name;
    const kind = name.slice(name.lastIndexOf('.')).toLowerCase();
    try {
      if (kind === '.py') {
        if (file.size > maxCodeBytes) throw new Error('it is larger than 1 MiB');
        context.run({ command: 'openCode', code: await file.text(), fileName: name });
      } else if (kind === '.json') {
        if (file.size > maxProblemBytes) throw new Error('it is larger than 16 MiB');
        const problem = await context.client.importProblem({ text: await file.text(), fileName: name });
        context.run({ command: 'openProblem', problemId: problem.id });
      } else if (kind === '.gguf') {
        const path = context.pathForFile?.(file) ?? '';
        if (!path) throw new Error('models can be dropped on the desktop app; in the browser, put the file in the models folder (see Settings)');
        await context.client.openModelFile({ path });
        context.run({ command: 'showView', view: 'models' });
      } else {
        throw new Error('the workbench opens .py code, problem .json files and .gguf models');
      }
    } catch (err) {
      const reason = errorMessage(err);
      context.run({ command: 'notice', message: `Could not open ${name}: ${reason.replace(/\.$/, '')}.` });
    }
  }
}
