import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FixProgress } from '../../shared/fix-loop';
import { vibeThinkerScript, writeTinyModel } from '../../../test/fixtures/tiny-model/tiny-model';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { silentLogger } from '../logger';
import { WorkbenchCore } from '../workbench-core';

const answers = (code: string) => ['<think>', 'Fix:', 'Ġprint', 'Ġit.', '</think>', 'Here:', 'Ċ```python', `Ċ${code}`, 'Ċ```'];

/** Fix until accepted on a real core, the tiny scripted model and the real judge. */
describe('fixUntilAccepted', () => {
  const tempDir = useTempDirs();
  const cores: WorkbenchCore[] = [];
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.dispose();
  });

  async function setup(script: string[], code: string) {
    const dataDir = await tempDir();
    const core = await WorkbenchCore.create({ dataDir, appVersion: '0', mode: 'web', log: silentLogger });
    cores.push(core);
    await core.handlers.updateSettings({ contextSize: 2048 });
    await core.handlers.loadModel({ path: await writeTinyModel(join(dataDir, 'models', 'tiny.gguf'), { script }) });
    const session = await core.handlers.createSession({ statement: 'Print three.', code });
    await core.handlers.updateSession({ id: session.id, changes: { tests: [{ input: '', output: '3\n' }] } });
    const progress: FixProgress[] = [];
    const ended = new Promise<FixProgress>((resolve) =>
      core.events.subscribe((name, payload) => {
        if (name !== 'fixProgress') return;
        progress.push(payload as FixProgress);
        if ((payload as FixProgress).phase === 'ended') resolve(payload as FixProgress);
      }),
    );
    return { core, id: session.id, progress, ended };
  }

  it('judges, sends the failure, puts the answer’s code in the session, judges it: accepted in one round, the old code kept', async () => {
    const { core, id, progress, ended } = await setup(answers('print(3)'), 'print(4)\n');
    await core.handlers.fixUntilAccepted({ id, rounds: 3 });
    const last = await ended;
    expect(last).toMatchObject({ end: 'accepted', round: 1, passed: 1, total: 1 });
    expect(progress.map((p) => `${p.round}:${p.phase}`)).toEqual(['0:judging', '1:answering', '1:judging', '1:ended']);
    const session = await core.handlers.getSession({ id });
    expect(session.thread.map((t) => t.kind)).toEqual(['fix']);
    expect(session.thread[0]?.text).toContain('Expected');
    expect(session.code.trim()).toBe('print(3)');
    expect(session.lastReport?.verdict).toBe('AC');
    expect(session.codeHistory.map((v) => v.code.trim())).toContain('print(4)');
  }, 90_000);

  it('stops after k rounds when no answer passes, each round a turn of the thread', async () => {
    const { core, id, ended } = await setup(answers('print(4)'), 'print(5)\n');
    await core.handlers.fixUntilAccepted({ id, rounds: 2 });
    expect(await ended).toMatchObject({ end: 'out_of_rounds', round: 2, passed: 0, total: 1, message: 'Still failing after 2 rounds.' });
    const session = await core.handlers.getSession({ id });
    expect(session.thread.map((t) => t.kind)).toEqual(['fix', 'fix']);
    expect(session.lastReport?.verdict).toBe('WA');
  }, 90_000);

  it('code that already passes ends at once, with no turn', async () => {
    const { core, id, ended } = await setup(answers('print(3)'), 'print(3)\n');
    await core.handlers.fixUntilAccepted({ id, rounds: 3 });
    expect(await ended).toMatchObject({ end: 'accepted', round: 0 });
    expect((await core.handlers.getSession({ id })).thread).toEqual([]);
  }, 60_000);

  it('Stop mid-answer ends the loop (the stopped answer saved as its turn); one loop per session at a time', async () => {
    const { core, id, progress, ended } = await setup(vibeThinkerScript(1500), 'print(4)\n');
    const { loopId } = await core.handlers.fixUntilAccepted({ id, rounds: 3 });
    await expect(core.handlers.fixUntilAccepted({ id, rounds: 3 })).rejects.toMatchObject({ code: 'busy' });
    for (let i = 0; i < 400 && !progress.some((p) => p.phase === 'answering'); i++) await new Promise((r) => setTimeout(r, 25));
    // The fix turn is being written: then Stop.
    expect((await core.handlers.stopFix({ loopId })).stopped).toBe(true);
    expect(await ended).toMatchObject({ end: 'stopped', round: 1 });
    const session = await core.handlers.getSession({ id });
    expect(session.thread).toHaveLength(1);
    expect(session.thread[0]?.stats?.stopReason).toBe('stopped');
    expect((await core.handlers.stopFix({ loopId })).stopped).toBe(false);
  }, 90_000);

  it('is refused up front with the reason: no tests, a template that takes no feedback, no such session', async () => {
    const { core, id } = await setup(answers('print(3)'), 'print(4)\n');
    await expect(core.handlers.fixUntilAccepted({ id, rounds: 3, templateId: 'cp-python' })).rejects.toMatchObject({ code: 'not_a_fix_template' });
    const bare = await core.handlers.createSession({ statement: 'No tests here.' });
    await expect(core.handlers.fixUntilAccepted({ id: bare.id, rounds: 3 })).rejects.toMatchObject({ code: 'no_tests' });
    await expect(core.handlers.fixUntilAccepted({ id: 'no-such-session', rounds: 3 })).rejects.toMatchObject({ name: 'NotFoundError' });
    expect(await core.handlers.fixInProgress({ id })).toBeNull();
  });

  it('the thread’s own Stop (of the answer, not of the loop) ends the loop; core says where a loop is meanwhile', async () => {
    const { core, id, progress, ended } = await setup(vibeThinkerScript(1500), 'print(4)\n');
    await core.handlers.fixUntilAccepted({ id, rounds: 3 });
    for (let i = 0; i < 400 && !progress.some((p) => p.phase === 'answering'); i++) await new Promise((r) => setTimeout(r, 25));
    expect(await core.handlers.fixInProgress({ id })).toMatchObject({ phase: 'answering', round: 1 });
    // The thread's Stop (the generation's), not the loop's.
    const answering = await core.handlers.answerInProgress({ id });
    await core.handlers.stopGeneration({ id: answering?.generationId ?? '' });
    expect(await ended).toMatchObject({ end: 'stopped', message: 'Stopped.' });
    expect((await core.handlers.getSession({ id })).code).toBe('print(4)\n');
    expect(await core.handlers.fixInProgress({ id })).toBeNull();
  }, 90_000);

  it('an edit made while the model answers (not stopped) ends the loop without replacing it', async () => {
    const { core, id, progress, ended } = await setup([...vibeThinkerScript(300), 'Ċ```python', 'Ċprint(3)', 'Ċ```'], 'print(4)\n');
    await core.handlers.fixUntilAccepted({ id, rounds: 3 });
    for (let i = 0; i < 400 && !progress.some((p) => p.phase === 'answering'); i++) await new Promise((r) => setTimeout(r, 25));
    await core.handlers.updateSession({ id, changes: { code: 'print(5)\n' } });
    expect(await ended).toMatchObject({ end: 'stopped', message: expect.stringContaining('The code was changed while the loop ran') });
    const session = await core.handlers.getSession({ id });
    expect(session.code).toBe('print(5)\n');
    expect(session.thread).toHaveLength(1);
  }, 90_000);
});
