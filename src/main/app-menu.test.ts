import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { DesktopCommand } from '../shared/desktop-commands';
import { buildMenuTemplate, type MenuActions } from './app-menu';

function recordingActions() {
  const calls: (DesktopCommand | string)[] = [];
  const actions: MenuActions = {
    send: (command) => calls.push(command),
    openModelDialog: () => calls.push('openModelDialog'),
    openProblemDialog: () => calls.push('openProblemDialog'),
    openCodeDialog: () => calls.push('openCodeDialog'),
    openLogsFolder: () => calls.push('openLogsFolder'),
    print: () => calls.push('print'),
    exportPdf: () => calls.push('exportPdf'),
    showAbout: () => calls.push('showAbout'),
  };
  return { calls, actions };
}

/** Every item, flattened, with the path of menu labels leading to it. */
function items(template: MenuItemConstructorOptions[], path: string[] = []): { path: string[]; item: MenuItemConstructorOptions }[] {
  return template.flatMap((item) => {
    const here = [...path, (item.label ?? item.role ?? '').replace('&', '')];
    const sub = Array.isArray(item.submenu) ? items(item.submenu, here) : [];
    return [{ path: here, item }, ...sub];
  });
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items(template).find(({ item }) => item.label === label);
  if (!found) throw new Error(`no menu item ${label}`);
  return found.item;
}

const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

describe('application menu', () => {
  it('has the usual accelerators, each used once', () => {
    const template = buildMenuTemplate(recordingActions().actions, 'linux');
    const accelerators = Object.fromEntries(items(template).flatMap(({ item }) => (item.accelerator && item.label ? [[item.label, item.accelerator]] : [])));
    expect(accelerators).toMatchObject({
      'New Problem': 'CmdOrCtrl+N',
      'Open Model (GGUF)…': 'CmdOrCtrl+O',
      'Open Problem File…': 'CmdOrCtrl+Shift+O',
      'Run Tests': 'CmdOrCtrl+Shift+Enter',
      'Stop Generation': 'CmdOrCtrl+.',
      'Toggle Reasoning': 'CmdOrCtrl+R',
      'Presentation Mode': 'F5',
      'Export as PDF…': 'CmdOrCtrl+Shift+P',
    });
    const values = Object.values(accelerators);
    expect(new Set(values).size).toBe(values.length);
    // Zoom and full screen come from Electron's roles (platform shortcuts included).
    const roles = items(template).flatMap(({ item }) => (item.role ? [item.role] : []));
    expect(roles).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen', 'editMenu', 'quit']));
    expect(roles).not.toContain('reload');
  });

  it('items do what they say', () => {
    const { calls, actions } = recordingActions();
    const template = buildMenuTemplate(actions, 'linux');
    for (const label of ['New Problem', 'Open Model (GGUF)…', 'Open Problem File…', 'Open Python File…', 'Export as PDF…', 'Run Tests', 'Stop Generation', 'Toggle Reasoning', 'Presentation Mode', 'Models', 'Open Logs Folder', 'About VibeThinker Workbench']) {
      click(find(template, label));
    }
    expect(calls).toEqual([
      { command: 'newProblem' },
      'openModelDialog',
      'openProblemDialog',
      'openCodeDialog',
      'exportPdf',
      { command: 'runTests' },
      { command: 'stopGeneration' },
      { command: 'toggleReasoning' },
      { command: 'togglePresentation' },
      { command: 'showView', view: 'models' },
      'openLogsFolder',
      'showAbout',
    ]);
  });

  it('follows macOS conventions there: app menu first with About and Quit', () => {
    const mac = buildMenuTemplate(recordingActions().actions, 'darwin');
    expect(mac[0]?.label).toBe('VibeThinker Workbench');
    const appItems = items([mac[0] ?? {}]).map(({ item }) => item.label ?? item.role);
    expect(appItems).toEqual(expect.arrayContaining(['About VibeThinker Workbench', 'quit', 'hide']));
    const help = mac.find((m) => m.role === 'help');
    expect(items([help ?? {}]).map(({ item }) => item.label)).not.toContain('About VibeThinker Workbench');
  });
});
