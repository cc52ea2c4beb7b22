import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/core/logger';
import { WorkbenchCore } from '../src/core/workbench-core';
import { createWorkbenchClient } from '../src/renderer/src/api/workbench-client';
import { shown, WorkspaceStore } from '../src/renderer/src/workspace/workspace-store';
import { vibeThinkerScript, writeTinyModel } from './fixtures/tiny-model/tiny-model';
import { useTempDirs } from './helpers/temp-dir';
import { fakeEditor, inMemoryTransport } from './helpers/workspace-harness';

const starter = '# starter\n';
const codeAnswer = ['<think>', 'Plan:', 'Ġadd.', '</think>', 'Here:', 'Ċ```python', 'Ċprint(3)', 'Ċ```'];

describe('the workspace store (the renderer’s one store) over a real core', () => {
  const tempDir = useTempDirs();
  const cores: WorkbenchCore[] = [];
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.dispose();
  });

  async function setup(script?: string[], drop?: (name: string) => boolean, before?: (method: string) => Promise<void> | undefined) {
    const dataDir = await tempDir();
    const core = await WorkbenchCore.create({ dataDir, appVersion: '0', mode: 'desktop', log: silentLogger });
    cores.push(core);
    if (script) {
      await core.handlers.updateSettings({ contextSize: 2048, backend: 'cpu' });
      await core.handlers.loadModel({ path: await writeTinyModel(join(dataDir, 'models', 'tiny.gguf'), { script }) });
    }
    const client = createWorkbenchClient(inMemoryTransport(core, { drop, before }));
    const editor = fakeEditor(starter);
    const store = new WorkspaceStore(client, editor, starter);
    return { core, client, editor, store };
  }

  const until = async (check: () => boolean | Promise<boolean>) => {
    for (let i = 0; i < 400; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('never happened');
  };

  it('a new session is written on its first edit, with the id and title core gives it', async () => {
    const { core, store } = await setup();
    expect(store.getState().session).toBeNull();
    store.edit({ statement: 'Count the lattice paths in a 3 by 3 grid.' });
    await store.flush();
    const session = store.getState().session;
    expect(session?.title).toBe('Count the lattice paths in a 3 by 3 grid.');
    expect((await core.handlers.listSessions(undefined)).map((s) => s.id)).toEqual([session?.id]);
  });

  it('what is on its way to core stays shown, and what is typed meanwhile is neither hidden nor lost', async () => {
    let held = false;
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { core, store } = await setup(undefined, undefined, (method) => {
      if (method !== 'updateSession') return undefined;
      held = true;
      return gate;
    });
    store.edit({ statement: 'Sum of' });
    const saving = store.flush();
    await until(() => held);
    // Mid-save: the box still shows the text being saved (not the empty session), so Ask stays enabled.
    expect(shown(store.getState()).statement).toBe('Sum of');
    store.edit({ statement: 'Sum of two' });
    release();
    await saving;
    expect(shown(store.getState()).statement).toBe('Sum of two');
    expect(store.getState().saveState).toBe('saving');
    await store.flush();
    const id = store.getState().session?.id ?? '';
    expect((await core.handlers.getSession({ id })).problem.statement).toBe('Sum of two');
    expect(store.getState()).toMatchObject({ pending: {}, saveState: 'saved' });
  });

  it('a save that lands after another session was opened saves the first and leaves the open one alone', async () => {
    const gates = new Map<string, Promise<void>>();
    const calls: string[] = [];
    const { core, store } = await setup(undefined, undefined, (method) => {
      calls.push(method);
      return gates.get(method);
    });
    store.edit({ statement: 'Session A' });
    await store.flush();
    const a = store.getState().session?.id ?? '';
    const b = await core.handlers.createSession({ statement: 'Session B' });
    const hold = (method: string) => {
      let release = () => undefined as void;
      gates.set(method, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        gates.delete(method);
        release();
      };
    };
    const releaseGet = hold('getSession');
    const opening = store.open(b.id);
    await until(() => calls.includes('getSession'));
    // Typed in A while B is still being fetched: saved to A, on its way when B opens.
    store.edit({ statement: 'Session A, edited' });
    const releaseUpdate = hold('updateSession');
    const saving = store.flush();
    releaseGet();
    await opening;
    releaseUpdate();
    await saving;
    expect(store.getState().session?.id).toBe(b.id);
    expect(shown(store.getState()).statement).toBe('Session B');
    expect((await core.handlers.getSession({ id: a })).problem.statement).toBe('Session A, edited');
  });

  it('New session starts empty: nothing of the previous problem, tests, verdicts or code carries over', async () => {
    const { editor, store } = await setup();
    store.edit({ statement: 'Sum of two', tests: [{ input: '1 2\n', output: '3\n' }] });
    editor.type('print(3)\n');
    await store.flush();
    expect((await store.judge())?.verdict).toBe('AC');
    const first = store.getState().session?.id;
    await store.startNew();
    expect(store.getState()).toMatchObject({ session: null, pending: {}, live: null, judging: null });
    expect(editor.text).toBe(starter);
    store.edit({ statement: 'Another problem' });
    await store.flush();
    expect(store.getState().session?.id).not.toBe(first);
    expect(store.getState().session).toMatchObject({ problem: { statement: 'Another problem', tests: [] }, code: '', lastReport: null, thread: [] });
  });

  it('an answer streams live, becomes a turn of the session that asked (even when another is open), and its code is offered, not forced', async () => {
    const { editor, store } = await setup(codeAnswer);
    store.edit({ statement: 'Print three.' });
    await store.ask('ask', { templateId: 'cp-python', sampling: { temperature: 0 } });
    const asking = store.getState().session?.id ?? '';
    expect(store.getState().live?.view.running).toBe(true);
    // The user moves on to another session at once; the answer still lands in the one that asked.
    await store.startNew({ statement: 'Something else' });
    await until(async () => (await store.open(asking)).thread.length === 1);
    await until(() => store.getState().live === null);
    const session = store.getState().session;
    expect(session?.thread[0]).toMatchObject({ kind: 'ask', text: 'Print three.' });
    // Untouched editor: the answer's code goes in; then the user edits, and the next answer's code is only offered.
    expect(editor.text).toBe('print(3)\n');
    editor.type('print(4)  # mine\n');
    await store.ask('followUp', { text: 'Again?', sampling: { temperature: 0 } });
    await until(() => store.getState().session?.thread.length === 2 && store.getState().live === null);
    expect(store.getState().session?.problem.statement).toBe('Print three.');
    expect(editor.text).toBe('print(4)  # mine\n');
    expect(editor.offered).toBe('print(3)\n');
    // Accepting keeps what it replaced as a code version.
    editor.accept();
    await store.flush();
    expect(store.getState().session?.codeHistory.some((v) => v.code === 'print(4)  # mine\n')).toBe(true);
  });

  it('a problem from Competitive Companion never overwrites the open session: it is offered as a new one', async () => {
    const { core, store } = await setup();
    store.edit({ statement: 'My own work' });
    await store.flush();
    const mine = store.getState().session?.id;
    const { port } = await core.judging.listen(0);
    await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'B. Sum', tests: [{ input: '1 2\n', output: '3\n' }] }) });
    await until(() => store.getState().notice !== null);
    expect(store.getState().session?.id).toBe(mine);
    expect(store.getState().session?.problem.statement).toBe('My own work');
    expect(store.getState().notice?.message).toContain('B. Sum');
    const offered = store.getState().notice?.openSession ?? '';
    expect((await store.open(offered)).problem.name).toBe('B. Sum');
    // With nothing open, the next import simply opens.
    await store.startNew();
    await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'C. Product', tests: [] }) });
    await until(() => store.getState().session?.problem.name === 'C. Product');
  });

  it('the last verdicts come back when a session is reopened', async () => {
    const { editor, store } = await setup();
    store.edit({ statement: 'Sum', tests: [{ input: '1 2\n', output: '3\n' }, { input: '2 2\n', output: '4\n' }] });
    editor.type('print(3)\n');
    await store.judge();
    const id = store.getState().session?.id ?? '';
    await store.startNew();
    const reopened = await store.open(id);
    expect(reopened.lastReport).toMatchObject({ verdict: 'WA', passed: 1, total: 2 });
  });

  it('two windows on one session: code saved in one shows in the other; edits in both at once keep both (theirs as a version, with a notice)', async () => {
    const { core, client, editor, store } = await setup();
    const otherEditor = fakeEditor(starter);
    const other = new WorkspaceStore(client, otherEditor, starter);
    store.edit({ statement: 'Shared problem' });
    editor.type('print(1)\n');
    await store.flush();
    const id = store.getState().session?.id ?? '';
    await other.open(id);
    expect(otherEditor.text).toBe('print(1)\n');

    // The other window saves code; this one (no unsaved edits) shows it.
    otherEditor.type('print(2)  # from the other window\n');
    await other.flush();
    await until(() => editor.text === 'print(2)  # from the other window\n');

    // Both edit before either sees the other's save: this window keeps its text and is told; nothing is lost.
    editor.type('print(3)  # mine\n');
    otherEditor.type('print(4)  # theirs\n');
    await other.flush();
    await until(() => store.getState().notice?.offerCode === 'print(4)  # theirs\n');
    expect(editor.text).toBe('print(3)  # mine\n');
    await store.flush();
    const saved = await core.handlers.getSession({ id });
    expect(saved.code).toBe('print(3)  # mine\n');
    expect(saved.codeHistory.map((v) => v.code)).toContain('print(4)  # theirs\n');
    other.dispose();
  });

  it('an answer whose end this window missed (events lost) is settled from the saved turn, never left running', async () => {
    let lose = false;
    const { store } = await setup(codeAnswer, (name) => lose && name.startsWith('generation'));
    store.edit({ statement: 'Print three.' });
    lose = true;
    await store.ask('ask', { templateId: 'cp-python', sampling: { temperature: 0 } });
    const id = store.getState().session?.id ?? '';
    await until(async () => (await store.open(id)).thread.length === 1);
    lose = false;
    await store.reconnected();
    expect(store.getState().live).toBeNull();
    expect(store.getState().busyElsewhere).toBeNull();
  });

  it('a follow-up sent the moment an answer ends carries that answer (core saves the turn first)', async () => {
    const { store } = await setup(codeAnswer);
    store.edit({ statement: 'Print three.' });
    await store.ask('ask', { templateId: 'cp-python', sampling: { temperature: 0 } });
    // The moment it ends (or, on a fast machine, the moment after it was saved).
    await until(() => store.getState().live?.view.running !== true);
    expect(await store.ask('followUp', { text: 'Again?', sampling: { temperature: 0 } })).toBe(true);
    await until(() => store.getState().session?.thread.length === 2 && store.getState().live === null);
    const [first, second] = store.getState().session?.thread ?? [];
    // The follow-up's prompt holds the first question and its answer: more tokens than the first prompt.
    expect(second?.stats?.promptTokens ?? 0).toBeGreaterThan(first?.stats?.promptTokens ?? 0);
  });

  it('a Solve ×N started elsewhere is taken up mid-run; one whose end this window missed shows its saved run', async () => {
    let lose = false;
    const { core, client, store } = await setup(vibeThinkerScript(1200), (name) => lose && name === 'solveUpdate');
    store.edit({ statement: 'What is 2 + 2?', templateId: 'math' });
    await store.solve(2, { templateId: 'math' });
    const id = store.getState().session?.id ?? '';
    const first = store.getState().solving?.solveId;

    // A second window opens the session mid-run: it shows the run, then its end, from its updates.
    const other = new WorkspaceStore(client, fakeEditor(starter), starter);
    await other.open(id);
    expect(other.getState().solving).toMatchObject({ solveId: first, samples: 2, record: null, error: null });
    await until(() => other.getState().solving?.record != null);
    expect(other.getState().solving?.record?.votes[0]).toMatchObject({ answer: '4', count: 2 });

    // A run this window did not start, seen from its updates: taken up too.
    const { solveId: third } = await core.handlers.solveSession({ id, samples: 2 });
    await until(() => other.getState().solving?.solveId === third);
    await until(() => other.getState().solving?.record != null);

    // Its updates lost (the socket was down), this window's own run ended unseen: a reconnect shows the saved run.
    lose = true;
    await store.solve(2, { templateId: 'math' });
    const missed = store.getState().solving?.solveId ?? '';
    await until(async () => (await core.handlers.getSession({ id })).solves.some((r) => r.id === missed));
    expect(store.getState().solving?.record).toBeNull();
    lose = false;
    await store.reconnected();
    expect(store.getState().solving).toMatchObject({ solveId: missed, error: null });
    expect(store.getState().solving?.record?.id).toBe(missed);
    other.dispose();
  });
});
