import { request } from 'node:http';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { testToken, useWebServer } from '../../test/helpers/web-server-harness';
import { startWebServer } from './web-server';
import { maxBodyBytes } from './http-api';

const auth = { Authorization: `Bearer ${testToken}` };

function call(base: string, method: string, body: unknown, headers: Record<string, string> = auth) {
  return fetch(`${base}/api/call/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Resolves with the status of a refused upgrade, or 101 with the first message. */
function openSocket(url: string, headers: Record<string, string> = {}): Promise<{ status: number; socket?: WebSocket; first?: unknown }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    socket.on('message', (data: Buffer) => resolve({ status: 101, socket, first: JSON.parse(data.toString()) }));
    socket.on('error', () => resolve({ status: -1 }));
  });
}

describe('web mode server', () => {
  const start = useWebServer();

  it('refuses requests without the token with 401', async () => {
    const { base } = await start();
    expect((await fetch(`${base}/`)).status).toBe(401);
    expect((await fetch(`${base}/assets/app.js`)).status).toBe(401);
    expect((await call(base, 'getSettings', {}, {})).status).toBe(401);
    expect((await fetch(`${base}/?token=wrong`)).status).toBe(401);
  });

  it('trades the token in the address for an HttpOnly cookie and serves the app with a CSP', async () => {
    const { base, server } = await start();
    expect(server.url).toBe(`${base}/?token=${testToken}`);
    const first = await fetch(server.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(`${base}/`, { headers: { Cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>Workbench</title>');
  });

  it('runs API calls and returns errors as data', async () => {
    const { base } = await start();
    const ok = (await (await call(base, 'updateSettings', { input: { theme: 'dark' } })).json()) as { ok: boolean; value: { theme: string } };
    expect(ok).toMatchObject({ ok: true, value: { theme: 'dark' } });
    const unknown = await (await call(base, 'rmrf', { input: {} })).json();
    expect(unknown).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
    const invalid = await (await call(base, 'updateSettings', { input: { theme: 7 } })).json();
    expect(invalid).toMatchObject({ ok: false, error: { name: 'ValidationError' } });
  });

  it('answers malformed and oversized bodies with 400/413 and changes nothing', async () => {
    const { base, core } = await start();
    const malformed = await call(base, 'updateSettings', '{"input": {"theme": "dark"');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ ok: false, error: { name: 'ValidationError', code: 'bad_body' } });
    const huge = await call(base, 'ping', JSON.stringify({ input: { message: 'x'.repeat(maxBodyBytes + 1) } }));
    expect(huge.status).toBe(413);
    expect(core.settings.get().theme).toBe('system');
  });

  it('refuses cross-origin API calls and unexpected Host headers', async () => {
    const { base, server } = await start();
    expect((await call(base, 'getSettings', {}, { ...auth, Origin: 'https://evil.example' })).status).toBe(403);
    expect((await call(base, 'getSettings', {}, { ...auth, Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
    // fetch() may not set Host, so speak plain HTTP for the DNS-rebinding case.
    const status = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: server.port, path: '/', headers: { ...auth, Host: 'evil.example' } }, (res) => resolve(res.statusCode ?? 0))
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
  });

  it('pushes core events over the WebSocket', async () => {
    const { base, server } = await start();
    const wsUrl = `ws://127.0.0.1:${server.port}/api/events?token=${testToken}`;
    const opened = await openSocket(wsUrl, { Origin: `http://127.0.0.1:${server.port}` });
    expect(opened).toMatchObject({ status: 101, first: { type: 'hello', version: '9.9.9' } });
    const next = new Promise((resolve) => opened.socket?.once('message', (d: Buffer) => resolve(JSON.parse(d.toString()))));
    await call(base, 'ping', { input: { message: 'hello' } });
    expect(await next).toMatchObject({ type: 'event', name: 'pinged', payload: { message: 'hello' } });
    opened.socket?.close();
  });

  it('refuses WebSocket upgrades without the token or from a foreign Origin', async () => {
    const { server } = await start();
    const url = `ws://127.0.0.1:${server.port}/api/events`;
    expect((await openSocket(url)).status).toBe(401);
    expect((await openSocket(`${url}?token=${testToken}`, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await openSocket(`ws://127.0.0.1:${server.port}/elsewhere?token=${testToken}`)).status).toBe(404);
  });

  it('names the port when it is already in use', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    const { core } = await start();
    await expect(startWebServer({ core, rendererDir: '/nonexistent', token: testToken, port })).rejects.toMatchObject({
      name: 'UnavailableError',
      code: 'port_in_use',
      message: expect.stringContaining(`Port ${port}`),
    });
    blocker.close();
  });

  it('refuses a non-loopback address unless remote access is allowed', async () => {
    const { core } = await start();
    await expect(startWebServer({ core, rendererDir: '/x', token: testToken, host: '0.0.0.0', port: 0 })).rejects.toMatchObject({
      code: 'remote_not_allowed',
    });
    const remote = await startWebServer({ core, rendererDir: '/x', token: testToken, host: '0.0.0.0', port: 0, allowRemote: true });
    expect(remote.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/\?token=/);
    await remote.close();
  });
});
