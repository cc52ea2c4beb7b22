import { useCallback, useEffect } from 'react';
import type { DesktopCommand } from '../../../shared/desktop-commands';
import type { WorkbenchClient } from '../api/workbench-client';
import type { Layout, View } from '../state/use-layout';
import type { WorkspaceStore } from '../workspace/workspace-store';
import { errorMessage } from '../../../shared/api/errors';

type UpdateLayout = (change: Partial<Layout> | ((layout: Layout) => Partial<Layout>)) => void;

/**
 * Where commands meet their handlers, whatever sent them: the desktop menu, a
 * file opened from the system or dropped on the window, Alt+P. Workspace
 * commands go to the store, layout ones to the layout; nothing is relayed
 * between components.
 */
export function useAppCommands(client: WorkbenchClient, store: WorkspaceStore, updateLayout: UpdateLayout, setView: (view: View) => void): (command: DesktopCommand) => void {
  const run = useCallback(
    (command: DesktopCommand) => {
      const fail = (err: unknown) => store.setNotice({ message: errorMessage(err) });
      switch (command.command) {
        case 'stopGeneration':
          return store.stop();
        case 'toggleReasoning':
          return updateLayout((l) => ({ reasoningOpen: !l.reasoningOpen }));
        case 'togglePresentation':
          return updateLayout((l) => ({ presentation: !l.presentation }));
        case 'showView':
          return setView(command.view);
        case 'notice':
          return store.setNotice({ message: command.message });
        case 'openCode':
          store.offerCode(command.code, 'file');
          return setView('workbench');
        case 'newProblem':
          setView('workbench');
          return void store.startNew({ tests: [{ input: '', output: '' }] }).catch(fail);
        case 'openProblem':
          setView('workbench');
          return void store.openProblem(command.problemId).catch(fail);
        case 'runTests':
          setView('workbench');
          return void store.judge();
      }
    },
    [store, updateLayout, setView],
  );

  useEffect(() => {
    // Listen first, then collect what was sent before the page was listening (a file that started the app).
    const off = client.on('desktopCommand', run);
    client.takeDesktopCommands().then((waiting) => waiting.forEach(run), () => undefined);
    return off;
  }, [client, run]);

  // Presentation mode from the keyboard too (Alt+P), in the browser and the desktop app.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyP') {
        e.preventDefault();
        updateLayout((l) => ({ presentation: !l.presentation }));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [updateLayout]);

  return run;
}
