import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  /** True for index.html served in place of an unknown route (single-page app). */
  isFallback: boolean;
}

/**
 * Maps a URL path to a file inside the renderer build. Used by the web server
 * and by the desktop app's `app://` protocol, so both serve identical bytes.
 * Paths that escape the root (`..`, encoded or not) resolve to nothing.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const base = resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const target = resolve(base, relative);
  if (target !== base && !target.startsWith(base + sep)) return null;

  const file = await readIfFile(target);
  if (file) return { body: file, contentType: typeOf(target), isFallback: false };
  // Unknown routes without an extension get the app shell; missing assets get a 404.
  if (extname(relative) !== '') return null;
  const index = await readIfFile(resolve(base, 'index.html'));
  return index ? { body: index, contentType: typeOf('index.html'), isFallback: true } : null;
}

function typeOf(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

async function readIfFile(path: string): Promise<Buffer | null> {
  try {
    if (!(await stat(path)).isFile()) return null;
    return await readFile(path);
  } catch {
    return null;
  }
}
