import { createServer } from 'node:http';
import { expect, test } from './fixtures';

test.describe('web mode access', () => {
  test.beforeEach(({ workbench }) => test.skip(workbench.kind !== 'web', 'web mode only'));

  test('without the token the server answers 401, and the token leaves the address bar', async ({ workbench }) => {
    const page = await workbench.start();
    expect(new URL(page.url()).searchParams.has('token')).toBe(false);
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser');
    const strangerContext = await browser.newContext();
    const stranger = await strangerContext.newPage();
    expect((await stranger.goto(workbench.origin ?? ''))?.status()).toBe(401);
    expect((await stranger.request.post(`${workbench.origin}/api/call/getSettings`, { data: {} })).status()).toBe(401);
    await strangerContext.close();
  });

  test('unknown methods and malformed arguments come back as validation errors', async ({ workbench }) => {
    const page = await workbench.start();
    const answers = await page.evaluate(async () => {
      const post = (method: string, body: unknown) =>
        fetch(`/api/call/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
      return [await post('eraseDisk', {}), await post('updateSettings', { input: { theme: 12 } })];
    });
    expect(answers).toMatchObject([
      { ok: false, error: { name: 'ValidationError', code: 'unknown_method' } },
      { ok: false, error: { name: 'ValidationError' } },
    ]);
  });

  test('a page on another origin cannot open the event socket, even with the token', async ({ workbench }) => {
    const page = await workbench.start();
    const token = new URL(workbench.url ?? '').searchParams.get('token');
    const socketUrl = `${(workbench.origin ?? '').replace('http', 'ws')}/api/events?token=${token}`;
    const tryOpen = (url: string) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () => resolve('open');
        socket.onerror = () => resolve('refused');
      });
    // Control: the same socket from the workbench's own page opens.
    expect(await page.evaluate(tryOpen, socketUrl)).toBe('open');
    const foreign = createServer((_req, res) => res.end('<!doctype html><title>elsewhere</title>'));
    await new Promise<void>((r) => foreign.listen(0, '127.0.0.1', r));
    try {
      const port = (foreign.address() as { port: number }).port;
      const other = await page.context().newPage();
      await other.goto(`http://localhost:${port}/`);
      expect(await other.evaluate(tryOpen, socketUrl)).toBe('refused');
    } finally {
      foreign.close();
    }
  });
});

test('the CSP blocks inline script injected into the page', async ({ workbench }) => {
  const page = await workbench.start();
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  // The browser reports the blocked script; that report is the expected outcome here.
  await expect.poll(() => workbench.problems.some((p) => p.includes('Content Security Policy'))).toBe(true);
  expect(workbench.problems.every((p) => p.includes('Content Security Policy'))).toBe(true);
  workbench.problems.length = 0;
});

test('the desktop bridge exposes named functions only and blocks new windows', async ({ workbench }) => {
  test.skip(workbench.kind !== 'desktop', 'desktop only');
  const page = await workbench.start();
  const shape = await page.evaluate(() => ({
    keys: Object.keys((window as unknown as { workbench: object }).workbench).sort(),
    hasRequire: typeof (window as unknown as { require?: unknown }).require,
    popup: window.open('https://example.com') === null,
  }));
  expect(shape.keys).toEqual(['getAppInfo', 'getSettings', 'onEvent', 'ping', 'updateSettings']);
  expect(shape.hasRequire).toBe('undefined');
  expect(shape.popup).toBe(true);
});
