import { BrowserWindow } from 'electron';

export interface MainWindowOptions {
  /** Absolute path of the bundled preload script (CommonJS: sandboxed preloads cannot be ESM). */
  preloadPath: string;
  /** What to load: `app://workbench/index.html`, or the dev server in development. */
  url: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'VibeThinker Workbench',
    backgroundColor: '#15171c',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}
