import { EventEmitter } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../test/helpers/temp-dir';

// Electron cannot start here; its objects are replaced by recorders at the module boundary.
const opened: string[] = [];
const handlers = new Map<string, (request: Request) => Promise<Response>>();
vi.mock('electron', () => ({
  shell: { openExternal: async (url: string) => void opened.push(url) },
  protocol: {
    registerSchemesAsPrivileged: () => undefined,
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => handlers.set(scheme, handler),
  },
}));

const { hardenWebContents } = await import('./web-security');
const { serveRendererOverAppProtocol } = await import('./app-protocol');
const { isTrustedRendererUrl } = await import('./trusted-sender');

/** Just enough of WebContents: events and the window-open handler. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  /** Emits like Electron and reports whether the default was prevented. */
  fire(name: string, url?: string): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

describe('hardenWebContents', () => {
  beforeEach(() => {
    opened.length = 0;
  });

  function hardened(): FakeContents {
    const contents = new FakeContents();
    hardenWebContents(contents as never, (url) => isTrustedRendererUrl(url));
    return contents;
  }

  it('keeps navigation inside the app and sends checked web links to the browser', () => {
    const contents = hardened();
    expect(contents.fire('will-navigate', 'app://workbench/index.html')).toBe(false);
    expect(contents.fire('will-navigate', 'https://codeforces.com/problem/1')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-redirect', 'javascript:alert(1)')).toBe(true);
    expect(opened).toEqual(['https://codeforces.com/problem/1']);
  });

  it('denies every new window and webview', () => {
    const contents = hardened();
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'smb://attacker/share' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/']);
    expect(contents.fire('will-attach-webview')).toBe(true);
  });
});

describe('app:// protocol', () => {
  const tempDir = useTempDirs();

  it('serves the renderer build with the CSP and nothing outside it', async () => {
    const root = await tempDir();
    await mkdir(join(root, 'renderer'), { recursive: true });
    await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html>');
    await writeFile(join(root, 'secret.txt'), 'secret');
    serveRendererOverAppProtocol(join(root, 'renderer'));
    const handle = handlers.get('app');
    const page = await handle?.(new Request('app://workbench/index.html'));
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await handle?.(new Request('app://workbench/../secret.txt')))?.status).not.toBe(200);
    expect((await handle?.(new Request('app://workbench/%2e%2e/secret.txt')))?.status).toBe(404);
    expect((await handle?.(new Request('app://elsewhere/index.html')))?.status).toBe(404);
  });
});
