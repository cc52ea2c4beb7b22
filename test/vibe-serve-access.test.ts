import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../src/shared/security-headers';
import { useTempDirs } from './helpers/temp-dir';
import { runVibe, stubRendererBuild, waitForOutput, type VibeRun } from './helpers/run-vibe';

/**
 * The access token across restarts of a real `vibe serve`: an explicit --token, the opt-in kept
 * token, and what a browser is shown when its token is refused (a page, not a line of text).
 */
describe('vibe serve access (real process)', () => {
  const tempDir = useTempDirs();
  const running: VibeRun[] = [];
  afterEach(() => {
    for (const run of running.splice(0)) run.child.kill('SIGKILL');
  });

  const rendererBuild = async () => stubRendererBuild(await tempDir());

  /** Starts `vibe serve` and resolves with its printed address, split up. */
  async function serve(args: string[], env: NodeJS.ProcessEnv = {}) {
    // VIBE_TOKEN is cleared unless the test sets it: the tests below are about where the token comes from.
    const run = runVibe(['serve', '--companion-port', '0', ...args], { VIBE_RENDERER_DIR: await rendererBuild(), VIBE_TOKEN: '', ...env });
    running.push(run);
    const [, url = ''] = await waitForOutput(run, /Open: (\S+)/);
    const address = new URL(url);
    return { run, url, origin: address.origin, port: Number(address.port), token: address.searchParams.get('token') ?? '' };
  }

  async function stop(run: VibeRun): Promise<void> {
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  }

  /** The cookie a browser gets for the printed address. */
  async function cookieFor(url: string): Promise<string> {
    const entry = await fetch(url, { redirect: 'manual' });
    expect(entry.status).toBe(303);
    return (entry.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }

  it('uses the token given with --token, and refuses tokens that are too short or not URL-safe', async () => {
    const token = 'classroom-2026-room-b';
    const server = await serve(['--port', '0', '--data-dir', await tempDir(), '--token', token]);
    expect(server.token).toBe(token);
    expect((await fetch(`${server.origin}/api/health`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await fetch(`${server.origin}/api/health`, { headers: { Authorization: 'Bearer classroom-2026-room-c' } })).status).toBe(401);

    for (const [bad, why] of [
      ['short', /at least 16 characters/],
      ['has;a-semicolon-in-it', /only letters, digits/],
    ] as const) {
      const refused = runVibe(['serve', '--port', '0', '--data-dir', await tempDir(), '--token', bad], { VIBE_RENDERER_DIR: await rendererBuild() });
      running.push(refused);
      expect(await refused.exit).toBe(2);
      expect(refused.stderr).toMatch(why);
      expect(refused.stderr).not.toContain(bad);
    }
    const both = runVibe(['serve', '--port', '0', '--data-dir', await tempDir(), '--token', token, '--keep-token'], { VIBE_RENDERER_DIR: await rendererBuild() });
    running.push(both);
    expect(await both.exit).toBe(2);
    expect(both.stderr).toMatch(/--keep-token .* cannot be combined with --token/);
  });

  it('keeps VIBE_TOKEN working as before', async () => {
    const server = await serve(['--port', '0', '--data-dir', await tempDir()], { VIBE_TOKEN: 'env-token' });
    expect(server.token).toBe('env-token');
  });

  it('with --keep-token, reuses the token kept (owner-only) in the data folder after a restart: the old cookie still works', async () => {
    const dataDir = await tempDir();
    const first = await serve(['--port', '0', '--data-dir', dataDir, '--keep-token']);
    const file = join(dataDir, 'web-access-token');
    expect(first.run.stdout).toContain(`Access token: a new one, kept in ${file}`);
    expect(await readFile(file, 'utf8')).toBe(`${first.token}\n`);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const cookie = await cookieFor(first.url);
    expect(cookie).toBe(`vibe_token_${first.port}=${first.token}`);
    await stop(first.run);

    const second = await serve(['--port', String(first.port), '--data-dir', dataDir, '--keep-token']);
    expect(second.token).toBe(first.token);
    expect(second.run.stdout).toContain(`Access token: the one kept in ${file}`);
    const page = await fetch(`${second.origin}/`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('stub build');
    await stop(second.run);

    // Opt-in: a start without the flag makes a new token, so the old tabs are refused.
    const third = await serve(['--port', String(first.port), '--data-dir', dataDir]);
    expect(third.token).not.toBe(first.token);
    expect(third.run.stdout).toContain('new at every start');
    expect((await fetch(`${third.origin}/api/health`, { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('replaces a damaged kept token with a warning, and makes a widened file owner-only again', async () => {
    const dataDir = await tempDir();
    const file = join(dataDir, 'web-access-token');
    await writeFile(file, 'edited by hand, with spaces in it\n');
    const first = await serve(['--port', '0', '--data-dir', dataDir, '--keep-token']);
    expect(first.run.stderr).toMatch(/^warning: the kept access token in .* was not usable \(it may contain only/);
    expect(await readFile(file, 'utf8')).toBe(`${first.token}\n`);
    await stop(first.run);

    await chmod(file, 0o644);
    const second = await serve(['--port', '0', '--data-dir', dataDir, '--keep-token']);
    expect(second.token).toBe(first.token);
    expect(second.run.stderr).toMatch(/was readable by other users; it is owner-only now/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('shows browsers a page when the token is missing or stale, without secrets; tools still get one line', async () => {
    const dataDir = await tempDir();
    const server = await serve(['--port', '0', '--data-dir', dataDir]);
    const html = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    for (const address of [`${server.origin}/`, `${server.origin}/?token=stale-guess-from-yesterday`, `${server.origin}/sessions`]) {
      const page = await fetch(address, { headers: html });
      expect(page.status).toBe(401);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      expect(page.headers.get('cache-control')).toBe('no-store');
      const text = await page.text();
      expect(text).toMatch(/^<!doctype html>/);
      expect(text).toContain('This workbench needs its access address');
      expect(text).toContain('Open the address <code>vibe serve</code> printed');
      expect(text).not.toMatch(/<script|\son\w+=|<link|src=/i);
      for (const secret of [server.token, 'stale-guess-from-yesterday', dataDir]) expect(text).not.toContain(secret);
    }
    const tool = await fetch(`${server.origin}/`);
    expect(tool.status).toBe(401);
    expect(tool.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const api = await fetch(`${server.origin}/api/call/getSettings`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: '{}' });
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).not.toContain('html');
  });

  it('shows browsers a page for a wrong Host name (421) too, without repeating it', async () => {
    const server = await serve(['--port', '0', '--data-dir', await tempDir()]);
    const get = (accept: string) =>
      new Promise<{ status: number; type: string; csp: string; body: string }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: server.port, path: `/?token=${server.token}`, headers: { Host: 'rebound.evil.example', Accept: accept } }, (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), csp: String(res.headers['content-security-policy']), body }));
        });
        req.on('error', reject);
        req.end();
      });
    const page = await get('text/html');
    expect(page).toMatchObject({ status: 421, type: 'text/html; charset=utf-8', csp: contentSecurityPolicy });
    expect(page.body).toContain('This workbench does not answer to that name');
    expect(page.body).not.toMatch(/<script|evil\.example/);
    expect(page.body).not.toContain(server.token);
    expect(await get('*/*')).toMatchObject({ status: 421, type: 'text/plain; charset=utf-8', body: 'Unexpected Host header.\n' });
  });
});
