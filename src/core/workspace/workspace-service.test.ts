import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GenerationResult } from '../../shared/generation';
import { writeTinyModel } from '../../../test/fixtures/tiny-model/tiny-model';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { silentLogger } from '../logger';
import { WorkbenchCore } from '../workbench-core';

/** A scripted answer with a Python block (tokens must be unique; Ċ is a newline). */
const codeAnswer = ['<think>', 'Plan:', 'Ġadd.', '</think>', 'Here:', 'Ċ```python', 'Ċprint(sum(map(int,', 'Ġinput().split())))', 'Ċ```'];

describe('the workspace: sessions owned by core, with the whole conversation', () => {
  const tempDir = useTempDirs();
  const start = (dataDir: string) => WorkbenchCore.create({ dataDir, appVersion: '0', mode: 'web', log: silentLogger });

  /** Waits for the turn to be saved with its session (core writes it when the answer ends). */
  async function answered(core: WorkbenchCore, id: string, turns: number) {
    for (let i = 0; i < 600; i++) {
      const session = await core.handlers.getSession({ id });
      if (session.thread.length >= turns) return session;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the turn was never saved');
  }

  async function withModel(script?: string[]) {
    const dataDir = await tempDir();
    const core = await start(dataDir);
    await core.handlers.updateSettings({ contextSize: 2048, backend: 'cpu' });
    await core.handlers.loadModel({ path: await writeTinyModel(join(dataDir, 'models', 'tiny.gguf'), script ? { script } : {}) });
    return { core, dataDir };
  }

  it('an answer being written when the model is replaced or the app shuts down is stopped, kept and saved, with the reason', async () => {
    const long = ['<think>', ...Array.from({ length: 3000 }, (_, i) => `Ġ(${i + 1})`), '</think>', 'Done.'];
    const { core, dataDir } = await withModel(long);
    const { id } = await core.handlers.createSession({ statement: 'Count slowly.' });
    const deltas: string[] = [];
    core.events.subscribe((name, payload) => name === 'generationDelta' && deltas.push((payload as { reasoning: string }).reasoning));
    await core.handlers.askSession({ id, kind: 'ask' });
    while (deltas.join('').length < 40) await new Promise((r) => setTimeout(r, 10));
    // Loading another model: the answer ends first (never "Object is disposed"), and is saved.
    const other = await writeTinyModel(join(dataDir, 'models', 'other.gguf'), { script: long });
    await core.handlers.loadModel({ path: other });
    const [replaced] = (await answered(core, id, 1)).thread;
    expect(replaced?.error).toBe('Another model was loaded while this answer was being written: the text so far is kept.');
    expect(replaced?.reasoning).toContain('(3)');
    expect(replaced?.stats?.stopReason).toBe('stopped');

    deltas.length = 0;
    await core.handlers.askSession({ id, kind: 'followUp', text: 'Again.' });
    while (deltas.join('').length < 40) await new Promise((r) => setTimeout(r, 10));
    await core.dispose();
    // Shut down mid-answer: the turn is on disk when dispose returns.
    const reopened = await start(dataDir);
    const [, cut] = (await reopened.handlers.getSession({ id })).thread;
    expect(cut?.error).toBe('The workbench was shut down while this answer was being written: the text so far is kept.');
    expect(cut?.reasoning).toContain('(3)');
    await reopened.dispose();
  });

  it('creates sessions with ids and titles of its own, and copies a library problem instead of sharing it', async () => {
    const core = await start(await tempDir());
    const blank = await core.handlers.createSession(undefined);
    expect(blank).toMatchObject({ title: 'Untitled session', thread: [], code: '', problem: { statement: '', tests: [] } });
    const typed = await core.handlers.createSession({ statement: '# Lattice paths\nCount them.' });
    expect(typed.title).toBe('Lattice paths');
    expect(typed.id).not.toBe(blank.id);

    const library = await core.handlers.importProblem({ text: JSON.stringify({ name: 'A. Sum', timeLimit: 1500, memoryLimit: 128, tests: [{ input: '1 2\n', output: '3\n' }] }) });
    const fromProblem = await core.handlers.createSession({ problemId: library.id });
    expect(fromProblem).toMatchObject({ title: 'A. Sum', problem: { name: 'A. Sum', timeLimit: 1500, memoryLimit: 128, sourceId: library.id, tests: [{ input: '1 2\n', output: '3\n' }] } });
    // Editing the session's tests changes the session only: the library problem and other sessions keep theirs.
    await core.handlers.updateSession({ id: fromProblem.id, changes: { tests: [] } });
    expect((await core.handlers.getProblem({ id: library.id })).tests).toHaveLength(1);
    expect((await core.handlers.createSession({ problemId: library.id })).problem.tests).toHaveLength(1);
    await core.dispose();
  });

  it('keeps the rules of an edit: titles follow the statement until named, replaced code is kept, stale verdicts go', async () => {
    const core = await start(await tempDir());
    const { id } = await core.handlers.createSession({ statement: 'Sum of two numbers' });
    expect((await core.handlers.updateSession({ id, changes: { statement: 'Sum of three numbers' } })).title).toBe('Sum of three numbers');
    expect((await core.handlers.updateSession({ id, changes: { title: 'My practice' } })).title).toBe('My practice');
    expect((await core.handlers.updateSession({ id, changes: { statement: 'Something else' } })).title).toBe('My practice');
    await core.handlers.updateSession({ id, changes: { code: 'print(1)\n' } });
    const replaced = await core.handlers.updateSession({ id, changes: { code: 'print(2)\n', codeSource: 'model' } });
    expect(replaced.code).toBe('print(2)\n');
    expect(replaced.codeHistory.map((v) => v.code)).toEqual(['print(1)\n']);
    await core.handlers.updateSession({ id, changes: { tests: [{ input: '', output: '2\n' }] } });
    const judged = await core.handlers.judgeSession({ id });
    expect(judged.verdict).toBe('AC');
    // The verdicts are saved with the session and come back when it is opened again.
    expect((await core.handlers.getSession({ id })).lastReport?.verdict).toBe('AC');
    expect((await core.handlers.updateSession({ id, changes: { tests: [{ input: '', output: '3\n' }] } })).lastReport).toBeNull();
    await core.dispose();
  });

  it('a question becomes a turn with the exact prompt sent, its code becomes a version, whoever is listening', async () => {
    const { core } = await withModel(codeAnswer);
    const { id } = await core.handlers.createSession({ statement: 'Add two numbers.' });
    await core.handlers.updateSession({ id, changes: { tests: [{ input: '1 2\n', output: '3\n' }] } });
    const { turnId } = await core.handlers.askSession({ id, kind: 'ask', templateId: 'cp-python', sampling: { temperature: 0 } });
    // Nobody listens to the stream here: core still finishes the turn and saves it.
    const session = await answered(core, id, 1);
    const turn = session.thread[0];
    expect(turn).toMatchObject({ id: turnId, kind: 'ask', text: 'Add two numbers.', templateId: 'cp-python', model: 'VibeThinker Tiny Test' });
    expect(turn?.prompt).toContain('Add two numbers.');
    expect(turn?.prompt).toContain('Sample 1 input:\n1 2\nSample 1 output:\n3');
    expect(turn?.answer).toContain('print(sum(map(int, input().split())))');
    const version = session.codeHistory.find((v) => v.id === turn?.codeVersion);
    expect(version).toMatchObject({ source: 'model', turnId, code: 'print(sum(map(int, input().split())))\n' });
    await core.dispose();
  });

  it('follow-ups continue the saved conversation, also after a restart, and stay out of the statement', async () => {
    const { core, dataDir } = await withModel(codeAnswer);
    const { id } = await core.handlers.createSession({ statement: 'Add two numbers.' });
    await core.handlers.askSession({ id, kind: 'ask', sampling: { temperature: 0 } });
    await answered(core, id, 1);
    const fresh = await core.handlers.createSession({ statement: 'Why?' });
    const results: GenerationResult[] = [];
    core.events.subscribe((name, payload) => {
      if (name === 'generationFinished') results.push(payload as GenerationResult);
    });
    await core.handlers.askSession({ id: fresh.id, kind: 'followUp', text: 'Why?', sampling: { temperature: 0 } });
    await answered(core, fresh.id, 1);
    await core.handlers.askSession({ id, kind: 'followUp', text: 'Why?', sampling: { temperature: 0 } });
    const followed = await answered(core, id, 2);
    expect(followed.thread[1]).toMatchObject({ kind: 'followUp', text: 'Why?', prompt: 'Why?' });
    expect(followed.problem.statement).toBe('Add two numbers.');
    // The same words after the earlier turn cost more prompt tokens than alone: the conversation went with them.
    const [alone, inThread] = results;
    expect(inThread?.stats.promptTokens).toBeGreaterThan((alone?.stats.promptTokens ?? 0) + 10);
    await core.dispose();

    // A restarted workbench (a new process) continues the same conversation from the saved thread.
    const again = await start(dataDir);
    await again.handlers.updateSettings({ contextSize: 2048, backend: 'cpu' });
    await again.handlers.loadModel({ path: join(dataDir, 'models', 'tiny.gguf') });
    const after: GenerationResult[] = [];
    again.events.subscribe((name, payload) => {
      if (name === 'generationFinished') after.push(payload as GenerationResult);
    });
    await again.handlers.askSession({ id, kind: 'followUp', text: 'Why?', sampling: { temperature: 0 } });
    const third = await answered(again, id, 3);
    expect(third.thread.map((t) => t.kind)).toEqual(['ask', 'followUp', 'followUp']);
    expect(after[0]?.stats.promptTokens).toBeGreaterThan(inThread?.stats.promptTokens ?? 0);
    await again.dispose();
  });

  it('Fix with feedback sends the failing test back in the same conversation', async () => {
    const { core } = await withModel(codeAnswer);
    const { id } = await core.handlers.createSession({ statement: 'Add two numbers.' });
    await core.handlers.updateSession({ id, changes: { tests: [{ input: '1 2\n', output: '3\n' }], code: 'print(4)\n' } });
    await expect(core.handlers.askSession({ id, kind: 'fix' })).rejects.toMatchObject({ code: 'nothing_failed' });
    expect((await core.handlers.judgeSession({ id })).verdict).toBe('WA');
    await core.handlers.askSession({ id, kind: 'fix', sampling: { temperature: 0 } });
    const fixed = await answered(core, id, 1);
    expect(fixed.thread[0]?.kind).toBe('fix');
    expect(fixed.thread[0]?.text).toContain('Your code failed test 1 (WA)');
    expect(fixed.thread[0]?.text).toContain('Your output:\n```\n4\n');
    // The prompt is the fix template's: the problem, the failing code and the feedback.
    expect(fixed.thread[0]?.templateId).toBe('fix-feedback');
    expect(fixed.thread[0]?.prompt).toMatch(/^Add two numbers\.\n\nThis Python 3 solution fails:\n\n```python\nprint\(4\)\n/);
    expect(fixed.thread[0]?.prompt).toContain('Your code failed test 1 (WA)');

    // A template of the user's own, chosen for the fix, is the one rendered.
    await core.handlers.saveTemplate({ ...(await core.handlers.listTemplates()).find((t) => t.id === 'fix-feedback')!.template!, id: 'my-fix', name: 'My fix', body: 'MINE {{feedback}} / {{code}}' });
    await core.handlers.askSession({ id, kind: 'fix', templateId: 'my-fix', sampling: { temperature: 0 } });
    const mine = await answered(core, id, 2);
    expect(mine.thread[1]?.prompt).toMatch(/^MINE Your code failed test 1 \(WA\)[\s\S]* \/ print\(4\)\n$/);
    await core.dispose();
  });

  it('a problem from Competitive Companion opens as a new session: the open one keeps its statement and answers', async () => {
    const core = await start(await tempDir());
    const open = await core.handlers.createSession({ statement: 'My own problem' });
    await core.handlers.updateSession({ id: open.id, changes: { code: 'print(1)\n' } });
    const imported: { sessionIds: string[] }[] = [];
    core.events.subscribe((name, payload) => {
      if (name === 'problemImported') imported.push(payload as { sessionIds: string[] });
    });
    const { port } = await core.judging.listen(0);
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'chrome-extension://abcdefghijklmnop' },
      body: JSON.stringify({ name: 'B. Sum', group: 'CF', url: 'https://codeforces.com/1', interactive: false, memoryLimit: 256, timeLimit: 1000, tests: [{ input: '1 2\n', output: '3\n' }] }),
    });
    expect(response.status).toBe(200);
    expect(imported).toHaveLength(1);
    const created = await core.handlers.getSession({ id: imported[0]?.sessionIds[0] ?? '' });
    expect(created).toMatchObject({ title: 'B. Sum', problem: { name: 'B. Sum', tests: [{ input: '1 2\n', output: '3\n' }] } });
    expect(await core.handlers.getSession({ id: open.id })).toMatchObject({ title: 'My own problem', code: 'print(1)\n', problem: { statement: 'My own problem' } });
    await core.dispose();
  });

  it('forks a session up to a turn', async () => {
    const { core } = await withModel(codeAnswer);
    const { id } = await core.handlers.createSession({ statement: 'Add two numbers.' });
    await core.handlers.askSession({ id, kind: 'ask', sampling: { temperature: 0 } });
    await answered(core, id, 1);
    await core.handlers.askSession({ id, kind: 'followUp', text: 'Shorter?', sampling: { temperature: 0 } });
    const full = await answered(core, id, 2);
    const fork = await core.handlers.forkSession({ id, throughTurn: full.thread[0]?.id ?? '' });
    expect(fork.id).not.toBe(id);
    expect(fork.thread.map((t) => t.id)).toEqual([full.thread[0]?.id]);
    expect((await core.handlers.getSession({ id })).thread).toHaveLength(2);
    await core.dispose();
  });
});
