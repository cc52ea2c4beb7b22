import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeTinyModel } from '../../../test/fixtures/tiny-model/tiny-model';
import type { StressUpdate } from '../../shared/api/workspace-schemas';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { silentLogger } from '../logger';
import { WorkbenchCore } from '../workbench-core';

const generator = 'import random, sys\nrng = random.Random(int(sys.argv[1]))\nsize = int(sys.argv[2]) if len(sys.argv) > 2 else 100\nn = rng.randint(1, size)\nprint(n)\nprint(*[rng.randint(1, 10**6) for _ in range(n)])';
const brute = 'input()\nprint(max(map(int, input().split())))';
const firstFifty = 'input()\nprint(max(list(map(int, input().split()))[:50]))\n';

/** Stress testing a session through the API, on a real core and the real judge. */
describe('stressSession', () => {
  const tempDir = useTempDirs();
  const cores: WorkbenchCore[] = [];
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.dispose();
  });

  async function setup(code: string) {
    const core = await WorkbenchCore.create({ dataDir: await tempDir(), appVersion: '0', mode: 'web', log: silentLogger });
    cores.push(core);
    const session = await core.handlers.createSession({ statement: 'The maximum of n numbers.', code });
    const updates: StressUpdate[] = [];
    const ended = new Promise<StressUpdate>((resolve) =>
      core.events.subscribe((name, payload) => {
        if (name !== 'stressUpdate') return;
        updates.push(payload as StressUpdate);
        if ((payload as StressUpdate).report || (payload as StressUpdate).error) resolve(payload as StressUpdate);
      }),
    );
    return { core, id: session.id, updates, ended };
  }

  it('keeps the brute force and the generator with the session, and finds the counterexample of its code', async () => {
    const { core, id, updates, ended } = await setup(firstFifty);
    const saved = await core.handlers.updateSession({ id, changes: { brute: { language: 'python', code: brute }, generator: { language: 'python', code: generator } } });
    expect(saved.problem.brute?.code).toBe(brute);
    const { stressId } = await core.handlers.stressSession({ id, rounds: 200 });
    await expect(core.handlers.stressSession({ id })).rejects.toMatchObject({ code: 'busy' });
    const end = await ended;
    expect(end.stressId).toBe(stressId);
    expect(end.report?.outcome).toBe('found');
    expect(Number(end.report?.counterexample?.input.split('\n')[0])).toBeGreaterThan(50);
    expect(updates.some((u) => u.progress?.phase === 'searching')).toBe(true);
    expect(await core.handlers.stressInProgress({ id })).toBeNull();
    // The counterexample becomes a test, and the verdicts of the code on it say WA.
    const example = end.report!.counterexample!;
    const withTest = await core.handlers.updateSession({ id, changes: { tests: [{ input: example.input, output: example.expected }] } });
    expect(withTest.problem.tests).toHaveLength(1);
    expect((await core.handlers.judgeSession({ id })).verdict).toBe('WA');
  });

  it('is refused without a brute force or a generator, with what to add', async () => {
    const { core, id } = await setup(firstFifty);
    await expect(core.handlers.stressSession({ id })).rejects.toMatchObject({ code: 'no_brute' });
    await core.handlers.updateSession({ id, changes: { brute: { language: 'python', code: brute } } });
    await expect(core.handlers.stressSession({ id })).rejects.toMatchObject({ code: 'no_generator', message: expect.stringMatching(/seed in its first argument/) });
  });

  it('stops when asked, and the end says so', async () => {
    const { core, id, ended } = await setup(brute);
    await core.handlers.updateSession({ id, changes: { brute: { language: 'python', code: brute }, generator: { language: 'python', code: generator } } });
    const { stressId } = await core.handlers.stressSession({ id, rounds: 100_000, seconds: 600 });
    await new Promise((r) => setTimeout(r, 500));
    expect((await core.handlers.stressInProgress({ id }))?.stressId).toBe(stressId);
    expect(await core.handlers.stopStress({ stressId })).toEqual({ stopped: true });
    expect((await ended).report?.outcome).toBe('stopped');
  });

  it('judging follows the session: C++ language, a checker, an interactor, file I/O', async () => {
    const { core, id } = await setup('#include <iostream>\nint main(){int a,b;std::cin>>a>>b;std::cout<<a+b<<"  \\n";}\n');
    await core.handlers.updateSession({ id, changes: { language: 'cpp17', tests: [{ input: '1 2\n', output: '3\n' }], comparison: { mode: 'exact' } } });
    expect((await core.handlers.judgeSession({ id })).verdict).toBe('WA');
    const checked = await core.handlers.updateSession({ id, changes: { comparison: { mode: 'custom' }, checker: 'import sys\nsys.exit(0 if open(sys.argv[3]).read().split() == ["3"] else 1)' } });
    expect(checked.lastReport).toBeNull();
    const report = await core.handlers.judgeSession({ id });
    expect(report).toMatchObject({ verdict: 'AC', language: 'cpp17' });
    const files = await core.handlers.updateSession({ id, changes: { language: 'python', code: 'a, b = map(int, open("in.txt").read().split())\nopen("out.txt", "w").write(str(a + b))', inputFile: 'in.txt', outputFile: 'out.txt', checker: null, comparison: null } });
    expect(files.problem).toMatchObject({ input: { type: 'file', fileName: 'in.txt' }, output: { type: 'file', fileName: 'out.txt' } });
    expect(files.problem.checker).toBeUndefined();
    expect((await core.handlers.judgeSession({ id })).verdict).toBe('AC');
  });

  it('the Brute force template drafts into an empty Brute force tab (not the solution), and never over the user\'s own', async () => {
    const { core, id } = await setup(firstFifty);
    const dataDir = join(await tempDir(), 'models');
    await core.handlers.updateSettings({ contextSize: 2048 });
    await core.handlers.loadModel({ path: await writeTinyModel(join(dataDir, 'tiny.gguf'), { script: ['<think>', 'Slow', '</think>', 'Here:', 'Ċ```python', 'Ċprint(1)', 'Ċ```'] }) });
    const turnEnded = () =>
      new Promise<void>((resolve) => {
        const off = core.events.subscribe((name, payload) => {
          if (name === 'sessionsChanged' && (payload as { id?: string }).id === id) {
            void core.handlers.getSession({ id }).then((s) => {
              if (s.thread.length > asked) {
                off();
                resolve();
              }
            });
          }
        });
      });
    let asked = 0;
    const first = turnEnded();
    expect(await core.handlers.askSession({ id, kind: 'ask', templateId: 'brute-force' })).toMatchObject({ target: 'brute', pick: 'lastPython' });
    await first;
    asked = 1;
    const drafted = await core.handlers.getSession({ id });
    expect(drafted.problem.brute).toEqual({ language: 'python', code: 'print(1)\n' });
    expect(drafted.code).toBe(firstFifty);
    expect(drafted.thread[0]?.codeVersion).toBeNull();
    await core.handlers.updateSession({ id, changes: { brute: { language: 'python', code: '# mine' } } });
    const second = turnEnded();
    await core.handlers.askSession({ id, kind: 'ask', templateId: 'brute-force' });
    await second;
    expect((await core.handlers.getSession({ id })).problem.brute?.code).toBe('# mine');
  });
});
