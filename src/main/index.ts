import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell } from 'electron';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkbenchCore } from '../core/workbench-core';
import { RotatingLog } from '../core/logging/rotating-log';
import { consoleLogger } from '../core/logger';
import { aboutDetail } from './about';
import { buildMenuTemplate } from './app-menu';
import { registerAppSchemePrivileges, serveRendererOverAppProtocol } from './app-protocol';
import { DesktopCommandQueue } from './desktop-command-queue';
import { eventForwarder, registerIpcApi } from './ipc-adapter';
import { createMainWindow } from './main-window';
import { cliArguments } from './cli-switch';
import { filesFromArgv, openFile } from './opened-files';
import { appEntryUrl, isTrustedRendererUrl } from './trusted-sender';
import { hardenWebContents, restrictPermissions } from './web-security';
import { loadWindowState, placeOnDisplays, saveWindowState, type WindowState } from './window-state';
import { errorMessage } from '../shared/api/errors';

const here = dirname(fileURLToPath(import.meta.url));
// The dev server is trusted only in development; a packaged app ignores the variable.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const isTrustedUrl = (url: string) => isTrustedRendererUrl(url, devServerUrl);

// `--cli …`: the app's binary as the `vibe` command (see cli-switch.ts): no window, no single-instance
// lock, the command's exit code. The app's own start below is skipped.
const cliArgs = cliArguments(process.argv);
if (cliArgs) {
  void import('../cli/run-cli')
    .then(({ main }) => main(cliArgs))
    .then(
      (code) => app.exit(code),
      (err: unknown) => {
        process.stderr.write(`vibe: ${errorMessage(err)}\n`);
        app.exit(1);
      },
    );
}

registerAppSchemePrivileges();
app.enableSandbox();

// `--data-dir=<dir>` points the app at another data folder (tests, portable use).
const dataDirSwitch = app.commandLine.getSwitchValue('data-dir');
if (dataDirSwitch) app.setPath('userData', resolve(dataDirSwitch));

// One window per data folder: a second launch hands its files to the first and exits.
// (Electron keys the lock on userData, so a test's --data-dir gets its own instance.)
const isFirstInstance = cliArgs === null && app.requestSingleInstanceLock();
if (!isFirstInstance && cliArgs === null) app.quit();

const logsDir = join(app.getPath('userData'), 'logs');
const log = new RotatingLog({ dir: logsDir, echo: app.isPackaged ? undefined : consoleLogger });
if (cliArgs === null) {
  process.on('uncaughtException', (err) => log.error(`uncaught: ${err.stack ?? err.message}`));
  process.on('unhandledRejection', (reason) => log.error(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
} else {
  // A command line says what went wrong where it was typed, and fails.
  const fail = (reason: unknown) => {
    process.stderr.write(`vibe: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`);
    app.exit(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isTrustedUrl));

// Files given before the app was ready (macOS open-file, the first launch's argv).
const filesAtStart: string[] = filesFromArgv(process.argv, process.cwd());
let openFileNow: ((path: string) => void) | null = null;
app.on('open-file', (event, path) => {
  event.preventDefault();
  if (openFileNow) openFileNow(path);
  else filesAtStart.push(path);
});

async function start(): Promise<void> {
  log.info(`starting VibeThinker Workbench ${app.getVersion()} (Electron ${process.versions.electron ?? '?'}, ${process.platform} ${process.arch})`);
  const core = await WorkbenchCore.create({
    dataDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    mode: 'desktop',
    electronVersion: process.versions.electron ?? null,
    // In development the repository's models/ folder is scanned too.
    extraModelDirs: app.isPackaged ? [] : [join(app.getAppPath(), 'models')],
    log,
  });
  const commands = new DesktopCommandQueue((command) => core.events.emit('desktopCommand', command));
  const handlers = { ...core.handlers, takeDesktopCommands: async () => commands.take() };
  const open = (path: string) => void openFile(path, { handlers, send: (command) => commands.send(command) });

  restrictPermissions(session.defaultSession);
  serveRendererOverAppProtocol(join(here, '../renderer'));
  registerIpcApi(ipcMain, handlers, isTrustedUrl);
  core.events.subscribe(eventForwarder(() => BrowserWindow.getAllWindows().map((w) => w.webContents), isTrustedUrl));
  // Competitive Companion import; a busy port is reported in the UI, it does not stop the app.
  await core.judging.listen(core.settings.get().companionPort);

  const windowStatePath = join(app.getPath('userData'), 'window-state.json');
  let window: BrowserWindow | null = null;
  const openMainWindow = async () => {
    const saved = await loadWindowState(windowStatePath);
    const state = placeOnDisplays(saved, screen.getAllDisplays().map((d) => d.workArea));
    const win = createMainWindow({
      preloadPath: join(here, '../preload/index.cjs'),
      url: devServerUrl ?? appEntryUrl,
      state,
      // The installers set the icon on macOS and Windows; on Linux the window takes it from resources.
      iconPath: app.isPackaged && process.platform === 'linux' ? join(process.resourcesPath, 'icon.png') : undefined,
    });
    window = win;
    win.webContents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) commands.rendererGone();
    });
    win.webContents.on('render-process-gone', (_e, details) => log.error(`renderer gone: ${details.reason} (exit code ${details.exitCode})`));
    trackWindowState(win, windowStatePath);
    win.on('closed', () => {
      if (window === win) window = null;
    });
  };

  const focusWindow = () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  };
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusWindow();
    for (const file of filesFromArgv(argv, workingDirectory)) open(file);
  });

  // The page's print stylesheet shows the problem and the answer only (see app.css, @media print).
  const exportPdf = async () => {
    if (!window) return;
    const target = await dialog.showSaveDialog(window, { title: 'Export as PDF', defaultPath: 'VibeThinker session.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (target.canceled || !target.filePath) return;
    try {
      // The page renders every part of a long answer for printing on beforeprint (offscreen-pages.ts); printToPDF
      // is not said to fire it, so it is sent here around the print (a constant script, no data in it).
      await window.webContents.executeJavaScript("window.dispatchEvent(new Event('beforeprint'))");
      try {
        await writeFile(target.filePath, await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' }));
      } finally {
        await window.webContents.executeJavaScript("window.dispatchEvent(new Event('afterprint'))");
      }
    } catch (err) {
      commands.send({ command: 'notice', message: `Could not write the PDF: ${errorMessage(err)}` });
    }
  };
  const pickAndOpen = async (title: string, filters: Electron.FileFilter[]) => {
    const options: Electron.OpenDialogOptions = { title, filters, properties: ['openFile'] };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    for (const file of result.filePaths) open(file);
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(
        {
          send: (command) => commands.send(command),
          openModelDialog: () => void pickAndOpen('Open a GGUF model', [{ name: 'GGUF models', extensions: ['gguf'] }]),
          openProblemDialog: () => void pickAndOpen('Open a problem file', [{ name: 'Problems (Competitive Companion JSON)', extensions: ['json'] }]),
          openCodeDialog: () => void pickAndOpen('Open a Python file', [{ name: 'Python', extensions: ['py'] }]),
          openLogsFolder: () => void shell.openPath(logsDir),
          print: () => window?.webContents.print({ printBackground: true }),
          exportPdf: () => void exportPdf(),
          showAbout: () => {
            void Promise.all([core.handlers.getAppInfo(), core.handlers.getModelStatus()]).then(([info, model]) => {
              const box = { type: 'info' as const, title: 'About', message: 'VibeThinker Workbench', detail: aboutDetail(info, process.versions, model), buttons: ['OK'] };
              return window ? dialog.showMessageBox(window, box) : dialog.showMessageBox(box);
            });
          },
        },
        process.platform,
      ),
    ),
  );

  await openMainWindow();
  openFileNow = open;
  for (const file of filesAtStart.splice(0)) open(file);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openMainWindow();
  });
  // Free the model and stop downloads before the process exits.
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    log.info('quitting');
    void core.dispose().finally(() => {
      disposed = true;
      app.quit();
    });
  });
}

/** Saves where the window is, shortly after it stops moving and when it closes. */
function trackWindowState(win: BrowserWindow, path: string): void {
  let timer: NodeJS.Timeout | undefined;
  const current = (): WindowState => ({ bounds: win.getNormalBounds(), maximized: win.isMaximized(), fullScreen: win.isFullScreen() });
  const save = () => void saveWindowState(path, current()).catch(() => undefined);
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen'] as const) win.on(event as 'resize', later);
  win.on('close', () => {
    clearTimeout(timer);
    save();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

if (isFirstInstance) {
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      log.error(`could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      dialog.showErrorBox('VibeThinker Workbench could not start', errorMessage(err));
      app.exit(1);
    });
}
