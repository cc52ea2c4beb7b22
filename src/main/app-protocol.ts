import { protocol } from 'electron';
import { readStaticFile } from '../core/static/static-files';
import { securityHeaders } from '../shared/security-headers';
import { appHost, appScheme } from './trusted-sender';

/**
 * The desktop renderer is served from `app://workbench/`, not `file://`: a
 * standard, secure origin of our own, so module workers (Monaco) and fetch
 * behave as on the web, and file:// needs no extra privileges (a fuse turns
 * them off when packaging). Must run before the app is ready.
 */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      // corsEnabled: module scripts and module workers are fetched in CORS mode; the
      // scheme only ever serves our own public bundle, so nothing secret is exposed.
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/** Serves the renderer build through the same code as web mode. */
export function serveRendererOverAppProtocol(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const file = url.host === appHost ? await readStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), { headers: { ...securityHeaders, 'Content-Type': file.contentType } });
  });
}
