import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkbenchCore } from '../core/workbench-core';
import { registerAppSchemePrivileges, serveRendererOverAppProtocol } from './app-protocol';
import { eventForwarder, registerIpcApi } from './ipc-adapter';
import { createMainWindow } from './main-window';
import { appEntryUrl, isTrustedRendererUrl } from './trusted-sender';
import { hardenWebContents, restrictPermissions } from './web-security';

const here = dirname(fileURLToPath(import.meta.url));
// The dev server is trusted only in development; a packaged app ignores the variable.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const isTrustedUrl = (url: string) => isTrustedRendererUrl(url, devServerUrl);

registerAppSchemePrivileges();
app.enableSandbox();

// `--data-dir=<dir>` points the app at another data folder (tests, portable use).
const dataDirSwitch = app.commandLine.getSwitchValue('data-dir');
if (dataDirSwitch) app.setPath('userData', resolve(dataDirSwitch));

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, isTrustedUrl));

function openMainWindow(): BrowserWindow {
  return createMainWindow({ preloadPath: join(here, '../preload/index.cjs'), url: devServerUrl ?? appEntryUrl });
}

async function start(): Promise<void> {
  const core = await WorkbenchCore.create({
    dataDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    mode: 'desktop',
    electronVersion: process.versions.electron ?? null,
    // In development the repository's models/ folder is scanned too.
    extraModelDirs: app.isPackaged ? [] : [join(app.getAppPath(), 'models')],
  });
  restrictPermissions(session.defaultSession);
  serveRendererOverAppProtocol(join(here, '../renderer'));
  registerIpcApi(ipcMain, core.handlers, isTrustedUrl);
  core.events.subscribe(eventForwarder(() => BrowserWindow.getAllWindows().map((w) => w.webContents), isTrustedUrl));
  // Competitive Companion import; a busy port is reported in the UI, it does not stop the app.
  await core.judging.listen(core.settings.get().companionPort);
  openMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  // Free the model and stop downloads before the process exits.
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    void core.dispose().finally(() => {
      disposed = true;
      app.quit();
    });
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app
  .whenReady()
  .then(start)
  .catch((err: unknown) => {
    dialog.showErrorBox('VibeThinker Workbench could not start', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });
