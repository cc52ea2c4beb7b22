import { useEffect, useState } from 'react';
import type { DesktopCommand } from '../../../shared/desktop-commands';
import type { WorkbenchClient } from '../api/workbench-client';
import { openDroppedFiles } from '../commands/file-drop';
import type { Translator } from '../i18n/use-t';

/** Files dropped anywhere on the window (not only on a pane); true while files are dragged over it. */
/** (`t` comes from App, which renders the language provider and so sits above it.) */
export function useWindowFileDrop(client: WorkbenchClient, run: (command: DesktopCommand) => void, t: Translator): boolean {
  const [dragging, setDragging] = useState(false);
  const { language } = t;
  useEffect(() => {
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true;
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      setDragging(false);
      void openDroppedFiles([...(e.dataTransfer?.files ?? [])], { client, pathForFile: window.workbench?.pathForFile, run, language });
    };
    window.addEventListener('dragover', over, true);
    window.addEventListener('dragleave', leave, true);
    window.addEventListener('drop', drop, true);
    return () => {
      window.removeEventListener('dragover', over, true);
      window.removeEventListener('dragleave', leave, true);
      window.removeEventListener('drop', drop, true);
    };
  }, [client, run, language]);
  return dragging;
}
