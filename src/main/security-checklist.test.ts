import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../shared/security-headers';
import { defaultWindowState } from './window-state';

// Electron cannot start here; the module boundary gets just what these functions touch.
vi.mock('electron', () => ({ BrowserWindow: class {}, shell: { openExternal: async () => undefined } }));
const { mainWindowOptions } = await import('./main-window');
const { allowedPermissions, restrictPermissions } = await import('./web-security');

/**
 * Electron's security checklist, item by item, on the values the app really
 * uses (https://www.electronjs.org/docs/latest/tutorial/security). Navigation,
 * new windows, webviews and openExternal are covered in desktop-shell.test.ts,
 * IPC sender checks in ipc-adapter.test.ts, the preload in preload.test.ts.
 */
describe('Electron security checklist', () => {
  const options = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs', state: defaultWindowState });
  const prefs = options.webPreferences ?? {};

  it('isolates and sandboxes every window (checklist 2, 3, 4)', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security, no insecure content, no experimental features (checklist 6, 8, 9, 10)', () => {
    expect(prefs).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('allows no webviews, no drag-and-drop navigation, no middle-click windows (checklist 12, 13)', () => {
    expect(prefs).toMatchObject({ webviewTag: false, navigateOnDragDrop: false, disableBlinkFeatures: 'Auxclick' });
  });

  it('loads only the bundled preload', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
  });

  it('has a strict CSP: own scripts only, no eval, nothing framed or embedded (checklist 7)', () => {
    for (const policy of [contentSecurityPolicy, metaContentSecurityPolicy]) {
      const directives = new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('connect-src')).toEqual(["'self'"]);
      // Monaco needs inline styles, not eval: 'unsafe-inline' is allowed for styles only.
      expect(policy).not.toContain('unsafe-eval');
      expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    }
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
  });

  it('denies permission requests by default (checklist 5)', () => {
    let requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let checkHandler: ((contents: unknown, permission: string) => boolean) | undefined;
    restrictPermissions({
      setPermissionRequestHandler: (handler: typeof requestHandler) => (requestHandler = handler),
      setPermissionCheckHandler: (handler: typeof checkHandler) => (checkHandler = handler),
    } as never);
    const ask = (permission: string) => {
      let granted: boolean | undefined;
      requestHandler?.(null, permission, (answer) => (granted = answer));
      return granted;
    };
    for (const denied of ['media', 'geolocation', 'openExternal', 'midi', 'pointerLock', 'hid', 'serial', 'usb', 'fileSystem', 'unknown']) {
      expect(ask(denied), denied).toBe(false);
      expect(checkHandler?.(null, denied), denied).toBe(false);
    }
    expect([...allowedPermissions].sort()).toEqual(['clipboard-sanitized-write', 'notifications']);
    expect(ask('notifications')).toBe(true);
  });
});
