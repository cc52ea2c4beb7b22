import type { WorkbenchClient } from '../api/workbench-client';
import type { DesktopCommand } from '../../../shared/desktop-commands';
import { errorMessage } from '../../../shared/api/errors';
import type { UiLanguage } from '../i18n/languages';
import { translatorFor } from '../i18n/use-t';

const maxCodeBytes = 1024 * 1024;
const maxProblemBytes = 16 * 1024 * 1024;

export interface DropContext {
  client: Pick<WorkbenchClient, 'importProblem' | 'openModelFile'>;
  /** The desktop preload's path lookup; absent in a browser, where dropped files have no path. */
  pathForFile?: (file: File) => string;
  /** What opening a file does, as the desktop menu's commands (use-app-commands.ts). */
  run: (command: DesktopCommand) => void;
  /** The interface language its notices are written in; English when absent. */
  language?: UiLanguage;
}

/**
 * Opens files dropped on the window, by kind: Python goes to the editor, a
 * problem .json is imported and chosen, a .gguf joins the models (desktop
 * only: a browser never learns where a dropped file lives, and uploading
 * a gigabyte model to a server on the same machine would be absurd).
 */
export async function openDroppedFiles(files: readonly File[], context: DropContext): Promise<void> {
  const t = translatorFor(context.language ?? 'en');
  for (const file of files) {
    const name = file.name;
    const kind = name.slice(name.lastIndexOf('.')).toLowerCase();
    try {
      if (kind === '.py') {
        if (file.size > maxCodeBytes) throw new Error(t('drop.codeTooLarge'));
        context.run({ command: 'openCode', code: await file.text(), fileName: name });
      } else if (kind === '.json') {
        if (file.size > maxProblemBytes) throw new Error(t('drop.problemTooLarge'));
        const problem = await context.client.importProblem({ text: await file.text(), fileName: name });
        context.run({ command: 'openProblem', problemId: problem.id });
      } else if (kind === '.gguf') {
        const path = context.pathForFile?.(file) ?? '';
        if (!path) throw new Error(t('drop.modelInBrowser'));
        await context.client.openModelFile({ path });
        context.run({ command: 'showView', view: 'models' });
      } else {
        throw new Error(t('drop.unknownKind'));
      }
    } catch (err) {
      const reason = errorMessage(err);
      context.run({ command: 'notice', message: t('drop.couldNotOpen', { name, reason: reason.replace(/[.。]$/, '') }) });
    }
  }
}
