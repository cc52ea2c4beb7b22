import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { WorkbenchCore } from '../workbench-core';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { maxCompanionBody } from './companion-listener';
import { maxStoredProblemBytes, maxStoredProblems } from './problem-quota';

/** A Codeforces problem in the shape Competitive Companion sends (every field it sets). */
function codeforcesProblem(letter: string, title: string, batch = { id: randomUUID(), size: 1 }) {
  return {
    name: `${letter}. ${title}`,
    group: 'Codeforces - Codeforces Beta Round 4 (Div. 2 Only)',
    url: `https://codeforces.com/problemset/problem/4/${letter}`,
    interactive: false,
    memoryLimit: 64,
    timeLimit: 1000,
    tests: [
      { input: '8\n', output: 'YES\n' },
      { input: '5\n', output: 'NO\n' },
    ],
    testType: 'single' as const,
    input: { type: 'stdin' as const },
    output: { type: 'stdout' as const },
    languages: { java: { mainClass: 'Main', taskClass: `${letter}${title.replace(/\W/g, '')}` } },
    batch,
  };
}

/** Competitive Companion's id in the Chrome Web Store; Firefox gives each install a random UUID. */
const chromeOrigin = 'chrome-extension://cjnmckjndlpiamhfimnnjmnckgghkjbl';
const firefoxOrigin = `moz-extension://${randomUUID()}`;

interface Sent {
  status: number;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

/** One raw HTTP request, so Host and Origin are exactly what a browser would send. */
function send(port: number, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean }): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const headers = { Host: `localhost:${port}`, ...options.headers };
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'POST', path: '/', headers, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
    });
    req.on('error', reject);
    if (options.chunked) {
      // Sent in pieces with no Content-Length: the cap must hold while reading, not only up front.
      const body = Buffer.from(options.body ?? '');
      for (let i = 0; i < body.length; i += 1024 * 1024) req.write(body.subarray(i, i + 1024 * 1024));
      req.end();
    } else req.end(options.body);
  });
}

/** As the extension's background page sends it from Chrome (headers seen on the wire). */
const fromChrome = { 'Content-Type': 'application/json', Origin: chromeOrigin, Accept: '*/*', 'Sec-Fetch-Site': 'none', 'Sec-Fetch-Mode': 'cors', 'Sec-Fetch-Dest': 'empty' };
const fromFirefox = { 'Content-Type': 'application/json', Origin: firefoxOrigin, Accept: '*/*' };

describe('Competitive Companion import', () => {
  const tempDir = useTempDirs();
  const cores: WorkbenchCore[] = [];
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((c) => c.dispose()));
  });

  async function listening() {
    const core = await WorkbenchCore.create({ dataDir: await tempDir(), appVersion: '0', mode: 'web', log: silentLogger });
    cores.push(core);
    const status = await core.judging.listen(0);
    const changes: number[] = [];
    // How many problems each change names.
    core.events.subscribe((name, payload) => name === 'problemsChanged' && changes.push((payload as { ids: string[] }).ids.length));
    const post = (body: unknown, headers: Record<string, string> = fromChrome) => send(status.port, { headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { core, status, post, changes, port: status.port };
  }

  describe('the extension’s own requests', () => {
    it('imports a Codeforces problem sent from Chrome, keeping what the judge needs', async () => {
      const { core, status, post, changes } = await listening();
      expect(status.listening).toBe(true);
      const sent = await post(codeforcesProblem('A', 'Watermelon'));
      expect(sent).toMatchObject({ status: 200, text: 'Imported.\n' });
      const [stored] = await core.handlers.listProblems();
      expect(stored).toMatchObject({
        name: 'A. Watermelon',
        group: 'Codeforces - Codeforces Beta Round 4 (Div. 2 Only)',
        url: 'https://codeforces.com/problemset/problem/4/A',
        interactive: false,
        memoryLimit: 64,
        timeLimit: 1000,
        tests: [
          { input: '8\n', output: 'YES\n' },
          { input: '5\n', output: 'NO\n' },
        ],
      });
      expect(changes).toEqual([1]);
    });

    it('imports from Firefox (moz-extension origin), from a browser that sends no Origin, and with a charset', async () => {
      const { core, post } = await listening();
      expect((await post(codeforcesProblem('A', 'Firefox'), fromFirefox)).status).toBe(200);
      expect((await post(codeforcesProblem('B', 'No origin'), { 'Content-Type': 'application/json' })).status).toBe(200);
      expect((await post(codeforcesProblem('C', 'Charset'), { ...fromChrome, 'Content-Type': 'application/json; charset=utf-8' })).status).toBe(200);
      expect((await post(codeforcesProblem('D', 'Safari'), { ...fromChrome, Origin: `safari-web-extension://${randomUUID().toUpperCase()}` })).status).toBe(200);
      expect((await core.handlers.listProblems()).map((p) => p.name).sort()).toEqual(['A. Firefox', 'B. No origin', 'C. Charset', 'D. Safari']);
    });

    it('accepts every loopback name for this port in Host', async () => {
      const { core, port, post } = await listening();
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
        expect((await post(codeforcesProblem('A', host), { ...fromChrome, Host: host })).status).toBe(200);
      }
      expect(await core.handlers.listProblems()).toHaveLength(4);
    });

    it('imports a contest sent the extension’s way: one request per problem, sharing batch.id', async () => {
      const { core, post, changes } = await listening();
      const batch = { id: randomUUID(), size: 3 };
      for (const [letter, title] of [['A', 'Theatre Square'], ['B', 'Spreadsheets'], ['C', 'Registration system']] as const) {
        expect((await post(codeforcesProblem(letter, title, batch))).status).toBe(200);
      }
      expect((await core.handlers.listProblems()).map((p) => p.name).sort()).toEqual(['A. Theatre Square', 'B. Spreadsheets', 'C. Registration system']);
      // One change per request, naming the problem it brought.
      expect(changes).toEqual([1, 1, 1]);
    });

    it('imports a JSON array of problems in one request', async () => {
      const { core, post, changes } = await listening();
      expect(await post([codeforcesProblem('B', 'Second'), codeforcesProblem('C', 'Third')])).toMatchObject({ status: 200, text: 'Imported 2 problems.\n' });
      expect((await core.handlers.listProblems()).map((p) => p.name).sort()).toEqual(['B. Second', 'C. Third']);
      expect(changes).toEqual([2]);
    });
  });

  describe('refusals: a clear status and line, and nothing stored', () => {
    const problem = JSON.stringify(codeforcesProblem('A', 'Watermelon'));

    it.each([
      ['text/plain (a web page’s preflight-free POST)', { ...fromChrome, 'Content-Type': 'text/plain' }],
      ['a form post', { ...fromChrome, 'Content-Type': 'application/x-www-form-urlencoded' }],
      ['no Content-Type', { Origin: chromeOrigin }],
      ['a JSON look-alike type', { ...fromChrome, 'Content-Type': 'application/jsonp' }],
    ])('415 for %s', async (_what, headers) => {
      const { core, post, changes } = await listening();
      const sent = await post(problem, headers);
      expect(sent.status).toBe(415);
      expect(sent.text).toMatch(/Content-Type: application\/json/);
      expect(await core.handlers.listProblems()).toEqual([]);
      expect(changes).toEqual([]);
    });

    it.each([
      ['a web page', 'https://evil.example'],
      ['a page on localhost', 'http://localhost:3000'],
      ['a sandboxed iframe (Origin: null)', 'null'],
      ['a look-alike scheme', 'chrome-extension-evil://abc'],
      ['an extension scheme with a path', 'chrome-extension://abc/page.html'],
    ])('403 for an Origin from %s', async (_what, origin) => {
      const { core, post, changes } = await listening();
      // Even with the JSON type a page could only send after a preflight (which is refused the same way).
      const sent = await post(problem, { ...fromChrome, Origin: origin });
      expect(sent.status).toBe(403);
      expect(sent.text).toMatch(/only the Competitive Companion browser extension/);
      expect(await core.handlers.listProblems()).toEqual([]);
      expect(changes).toEqual([]);
    });

    it('403 for a web page’s CORS preflight, so its JSON POST never follows', async () => {
      const { port } = await listening();
      const sent = await send(port, { method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });
      expect(sent.status).toBe(403);
      expect(sent.headers['access-control-allow-origin']).toBeUndefined();
    });

    it.each([
      ['a rebound name', (port: number) => `evil.example:${port}`],
      ['another port', (port: number) => `localhost:${port + 1}`],
      ['no port', () => 'localhost'],
      ['a look-alike name', (port: number) => `localhost.evil.example:${port}`],
    ])('421 for a Host with %s (DNS rebinding)', async (_what, host) => {
      const { core, port, post, changes } = await listening();
      const sent = await post(problem, { ...fromChrome, Host: host(port) });
      expect(sent.status).toBe(421);
      expect(sent.text).toMatch(/Host header must be localhost/);
      expect(await core.handlers.listProblems()).toEqual([]);
      expect(changes).toEqual([]);
    });

    it('405 for anything but POST, naming the method to use', async () => {
      const { core, port } = await listening();
      for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS']) {
        const sent = await send(port, { method, headers: { 'Content-Type': 'application/json' }, body: method === 'PUT' ? problem : undefined });
        expect(sent.status).toBe(405);
        expect(sent.headers.allow).toBe('POST');
        expect(sent.text).toMatch(/POST a problem as JSON/);
      }
      expect(await core.handlers.listProblems()).toEqual([]);
    });

    it('413 for a body over the cap, announced or streamed', async () => {
      const { core, port, post } = await listening();
      const huge = JSON.stringify({ ...codeforcesProblem('A', 'Huge'), tests: [{ input: 'x'.repeat(maxCompanionBody), output: '' }] });
      const announced = await post(huge);
      expect(announced.status).toBe(413);
      expect(announced.text).toMatch(/over 8 MiB/);
      const streamed = await send(port, { headers: fromChrome, body: huge, chunked: true });
      expect(streamed.status).toBe(413);
      expect(await core.handlers.listProblems()).toEqual([]);
    });

    it('400 for a body that is not JSON or not a problem', async () => {
      const { core, post, changes } = await listening();
      const cases: [string, RegExp][] = [
        ['{"name": "x", ', /not JSON/],
        ['', /not JSON/],
        ['{"hello": "world"}', /not a Competitive Companion problem/],
        [JSON.stringify({ ...codeforcesProblem('A', 'Bad'), timeLimit: -1 }), /not a Competitive Companion problem \(timeLimit/],
        ['[]', /1 to 100 problems/],
        [JSON.stringify(Array.from({ length: 101 }, () => codeforcesProblem('A', 'Many'))), /1 to 100 problems/],
        [JSON.stringify([codeforcesProblem('A', 'Good'), 42]), /not a Competitive Companion problem/],
      ];
      for (const [body, message] of cases) {
        const sent = await post(body);
        expect(sent.status, body.slice(0, 40)).toBe(400);
        expect(sent.text).toMatch(message);
      }
      expect(await core.handlers.listProblems()).toEqual([]);
      expect(changes).toEqual([]);
    });
  });

  describe('the cap on stored problems', () => {
    it(`refuses with 409 once ${maxStoredProblems} problems are stored, stores nothing, and takes more after a delete`, async () => {
      const { core, post, changes } = await listening();
      const importedAt = new Date().toISOString();
      for (let i = 0; i < maxStoredProblems; i++) {
        await core.judging.store.save({ ...codeforcesProblem('A', `Old ${i}`), id: `old-${i}`, statement: '', importedAt });
      }
      const refused = await post(codeforcesProblem('Z', 'One too many'));
      expect(refused.status).toBe(409);
      expect(refused.text).toMatch(new RegExp(`at most ${maxStoredProblems} problems`));
      expect(refused.text).toMatch(/Delete problems .* in the workbench/);
      const stored = await core.handlers.listProblems();
      expect(stored).toHaveLength(maxStoredProblems);
      expect(stored.some((p) => p.name === 'Z. One too many')).toBe(false);
      expect(changes).toEqual([]);
      await core.handlers.deleteProblem({ id: 'old-0' });
      expect((await post(codeforcesProblem('Z', 'Fits now'))).status).toBe(200);
    });

    it('refuses with 409 once the stored problems would pass the size cap', async () => {
      const { core, post } = await listening();
      // Large sample tests (each request under the 8 MiB body cap): two fit, a third would pass 16 MB.
      const big = (n: number) => ({ ...codeforcesProblem('A', `Big ${n}`), tests: [{ input: `${n}`.repeat(6_000_000), output: 'YES\n' }] });
      expect((await post(big(1))).status).toBe(200);
      expect((await post(big(2))).status).toBe(200);
      const refused = await post(big(3));
      expect(refused.status).toBe(409);
      expect(refused.text).toMatch(/of the 16\.0 MB the workbench keeps/);
      expect((await core.handlers.listProblems()).map((p) => p.name).sort()).toEqual(['A. Big 1', 'A. Big 2']);
      expect(maxStoredProblemBytes).toBe(16_000_000);
    });

    it('lets exactly as many concurrent requests in as there is room for', async () => {
      const { core, post } = await listening();
      const importedAt = new Date().toISOString();
      for (let i = 0; i < maxStoredProblems - 3; i++) {
        await core.judging.store.save({ ...codeforcesProblem('A', `Old ${i}`), id: `old-${i}`, statement: '', importedAt });
      }
      const sent = await Promise.all(Array.from({ length: 8 }, (_, i) => post(codeforcesProblem('N', `New ${i}`))));
      expect(sent.map((s) => s.status).sort()).toEqual([200, 200, 200, 409, 409, 409, 409, 409]);
      expect(await core.handlers.listProblems()).toHaveLength(maxStoredProblems);
    });

    it('stores a batch all or none (store level)', async () => {
      const { core } = await listening();
      const importedAt = new Date().toISOString();
      for (let i = 0; i < maxStoredProblems - 1; i++) {
        await core.judging.store.save({ ...codeforcesProblem('A', `Old ${i}`), id: `old-${i}`, statement: '', importedAt });
      }
      await expect(core.judging.store.importAll([codeforcesProblem('X', 'One'), codeforcesProblem('Y', 'Two')])).rejects.toMatchObject({ name: 'StorageError', code: 'problem_store_full' });
      expect(await core.handlers.listProblems()).toHaveLength(maxStoredProblems - 1);
      // A problem file opened in the app counts against the same cap, with the same advice.
      await core.judging.store.import(codeforcesProblem('X', 'Last place'));
      await expect(core.handlers.importProblem({ text: JSON.stringify(codeforcesProblem('Y', 'Too many')), fileName: 'y.json' })).rejects.toMatchObject({
        name: 'StorageError',
        code: 'problem_store_full',
        message: expect.stringMatching(/Delete problems/),
      });
    });
  });

  it('reports a busy port instead of failing', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    const core = await WorkbenchCore.create({ dataDir: await tempDir(), appVersion: '0', mode: 'web', log: silentLogger });
    cores.push(core);
    const status = await core.judging.listen(port);
    expect(status).toMatchObject({ listening: false, error: expect.stringContaining(`Port ${port} is in use`) });
    expect(await core.handlers.getCompanionStatus()).toMatchObject({ listening: false });
    blocker.close();
  });

  it('an imported interactive problem asks for its interactor before judging', async () => {
    const { core, post } = await listening();
    await post({ ...codeforcesProblem('I', 'Guess'), interactive: true });
    const [stored] = await core.handlers.listProblems();
    await expect(core.handlers.judgeCode({ code: 'print(1)', problemId: stored?.id ?? '' })).rejects.toMatchObject({ code: 'interactor_missing', message: expect.stringMatching(/add its interactor/) });
  });

  it('judges the editor code on a stored problem', async () => {
    const { core, post } = await listening();
    await post({ ...codeforcesProblem('A', 'Plus one'), tests: [{ input: '1\n', output: '2\n' }] });
    const [stored] = await core.handlers.listProblems();
    const report = await core.handlers.judgeCode({ code: 'print(int(input()) + 1)', problemId: stored?.id ?? '' });
    expect(report).toMatchObject({ verdict: 'AC', passed: 1, total: 1 });
  });
});
