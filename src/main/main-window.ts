import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { WindowState } from './window-state';

export interface MainWindowOptions {
  /** Absolute path of the bundled preload script (CommonJS: sandboxed preloads cannot be ESM). */
  preloadPath: string;
  /** Where the window was last time (already checked against the current displays). */
  state: WindowState;
  /** Taskbar/window icon on Linux (the installers set it on macOS and Windows). */
  iconPath?: string;
}

/**
 * The options of every window the app opens, in one place so that a test can
 * assert Electron's security checklist on them (desktop-shell.test.ts).
 */
export function mainWindowOptions(options: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
    ...options.state.bounds,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'VibeThinker Workbench',
    backgroundColor: '#15171c',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would open links in new windows (Electronegativity AUXCLICK check).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  };
}

export function createMainWindow(options: MainWindowOptions & { url: string }): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options));
  window.once('ready-to-show', () => {
    if (options.state.maximized) window.maximize();
    if (options.state.fullScreen) window.setFullScreen(true);
    window.show();
  });
  void window.loadURL(options.url);
  return window;
}
