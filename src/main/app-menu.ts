import type { MenuItemConstructorOptions } from 'electron';
import { viewLabels, viewNames, type DesktopCommand } from '../shared/desktop-commands';

/** What the menu's items do; main wires them to dialogs, the renderer and the shell. */
export interface MenuActions {
  /** Sends a command to the renderer. */
  send(command: DesktopCommand): void;
  openModelDialog(): void;
  openProblemDialog(): void;
  openCodeDialog(): void;
  openLogsFolder(): void;
  print(): void;
  /** Saves the window's printable view (problem and answer) as a PDF. */
  exportPdf(): void;
  showAbout(): void;
}

/**
 * The application menu as a plain template (no Electron objects), so its
 * items and accelerators are tested as data. `CmdOrCtrl` is ⌘ on macOS and
 * Ctrl elsewhere; roles give the platform's own edit, zoom and window items.
 */
export function buildMenuTemplate(actions: MenuActions, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const about: MenuItemConstructorOptions = { label: 'About VibeThinker Workbench', click: () => actions.showAbout() };
  const fileMenu: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'New Problem', accelerator: 'CmdOrCtrl+N', click: () => actions.send({ command: 'newProblem' }) },
      { type: 'separator' },
      { label: 'Open Model (GGUF)…', accelerator: 'CmdOrCtrl+O', click: () => actions.openModelDialog() },
      { label: 'Open Problem File…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openProblemDialog() },
      { label: 'Open Python File…', accelerator: 'CmdOrCtrl+Alt+O', click: () => actions.openCodeDialog() },
      { type: 'separator' },
      { label: 'Print…', accelerator: 'CmdOrCtrl+P', click: () => actions.print() },
      { label: 'Export as PDF…', accelerator: 'CmdOrCtrl+Shift+P', click: () => actions.exportPdf() },
      { type: 'separator' },
      { label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: () => actions.send({ command: 'showView', view: 'settings' }) },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const runMenu: MenuItemConstructorOptions = {
    label: '&Run',
    submenu: [
      { label: 'Run Tests', accelerator: 'CmdOrCtrl+Shift+Enter', click: () => actions.send({ command: 'runTests' }) },
      // Escape would also close Monaco's widgets; a modifier keeps the two apart.
      { label: 'Stop Generation', accelerator: 'CmdOrCtrl+.', click: () => actions.send({ command: 'stopGeneration' }) },
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      // Settings has its own item (Settings…, Ctrl+,); the other views are Ctrl+1…4, in order.
      ...viewNames
        .filter((view) => view !== 'settings')
        .map((view, i): MenuItemConstructorOptions => ({ label: viewLabels[view], accelerator: `CmdOrCtrl+${i + 1}`, click: () => actions.send({ command: 'showView', view }) })),
      { type: 'separator' },
      { label: 'Toggle Reasoning', accelerator: 'CmdOrCtrl+R', click: () => actions.send({ command: 'toggleReasoning' }) },
      { label: 'Presentation Mode', accelerator: 'F5', click: () => actions.send({ command: 'togglePresentation' }) },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: 'Open Logs Folder', click: () => actions.openLogsFolder() }, ...(isMac ? [] : [{ type: 'separator' } as const, about])],
  };
  return [
    ...(isMac
      ? [{ label: 'VibeThinker Workbench', submenu: [about, { type: 'separator' }, { role: 'services' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] } satisfies MenuItemConstructorOptions]
      : []),
    fileMenu,
    { role: 'editMenu' },
    viewMenu,
    runMenu,
    { role: 'windowMenu' },
    helpMenu,
  ];
}
