import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { WorkbenchCore } from '../workbench-core';
import { useTempDirs } from '../../../test/helpers/temp-dir';

const problem = (name: string) => ({ name, group: 'CF', url: 'https://codeforces.com/1', interactive: false, memoryLimit: 128, timeLimit: 1500, tests: [{ input: '1\n', output: '2\n' }], batch: { id: 'b', size: 2 } });

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
    const post = (body: string) => fetch(`http://127.0.0.1:${status.port}/`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    return { core, status, post };
  }

  it('imports a problem and a contest batch, and announces them', async () => {
    const { core, status, post } = await listening();
    expect(status.listening).toBe(true);
    const events: number[] = [];
    core.events.subscribe((name, payload) => name === 'problemsChanged' && events.push((payload as { problems: unknown[] }).problems.length));
    expect((await post(JSON.stringify(problem('A. First')))).status).toBe(200);
    expect((await post(JSON.stringify([problem('B. Second'), problem('C. Third')]))).status).toBe(200);
    const problems = await core.handlers.listProblems();
    expect(problems.map((p) => p.name).sort()).toEqual(['A. First', 'B. Second', 'C. Third']);
    expect(problems[0]).toMatchObject({ timeLimit: 1500, memoryLimit: 128, tests: [{ input: '1\n', output: '2\n' }] });
    expect(events).toEqual([1, 3]);
  });

  it('answers malformed, foreign and oversized bodies with 400 and imports nothing', async () => {
    const { core, post } = await listening();
    expect((await post('{"name": "x", ')).status).toBe(400);
    expect((await post('{"hello": "world"}')).status).toBe(400);
    expect((await post(JSON.stringify({ ...problem('big'), tests: [{ input: 'x'.repeat(9 * 1024 * 1024), output: '' }] }))).status).toBe(400);
    expect(await core.handlers.listProblems()).toEqual([]);
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

  it('refuses to judge an interactive problem, with the reason', async () => {
    const { core, post } = await listening();
    await post(JSON.stringify({ ...problem('I. Guess'), interactive: true }));
    const [stored] = await core.handlers.listProblems();
    await expect(core.handlers.judgeCode({ code: 'print(1)', problemId: stored?.id ?? '' })).rejects.toMatchObject({ code: 'interactive' });
  });

  it('judges the editor code on a stored problem', async () => {
    const { core, post } = await listening();
    await post(JSON.stringify(problem('A. Plus one')));
    const [stored] = await core.handlers.listProblems();
    const report = await core.handlers.judgeCode({ code: 'print(int(input()) + 1)', problemId: stored?.id ?? '' });
    expect(report).toMatchObject({ verdict: 'AC', passed: 1, total: 1 });
  });
});
