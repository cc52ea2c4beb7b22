import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchCore } from '../core/workbench-core';
import { silentLogger } from '../core/logger';
import type { DesktopCommand } from '../shared/desktop-commands';
import { useTempDirs } from '../../test/helpers/temp-dir';
import { writeTinyModel } from '../../test/fixtures/tiny-model/tiny-model';
import { filesFromArgv, openFile } from './opened-files';

describe('filesFromArgv', () => {
  it('keeps the files we open, made absolute, and drops switches and the executable', () => {
    const argv = ['/opt/VibeThinker Workbench/vibethinker-workbench', '--data-dir=/tmp/x', 'model.gguf', '/abs/p.json', 'sol.PY', 'notes.txt', '--', '-flag.py'];
    expect(filesFromArgv(argv, '/home/me')).toEqual(['/home/me/model.gguf', '/abs/p.json', '/home/me/sol.PY']);
  });
});

describe('openFile (real core, real files)', () => {
  const makeTempDir = useTempDirs();
  let core: WorkbenchCore | null = null;
  afterEach(async () => {
    await core?.dispose();
    core = null;
  });

  async function setup() {
    const dir = await makeTempDir();
    core = await WorkbenchCore.create({ dataDir: join(dir, 'data'), appVersion: '0', mode: 'desktop', log: silentLogger });
    const sent: DesktopCommand[] = [];
    const files = join(dir, 'files');
    await mkdir(files);
    return { core, sent, files, deps: { handlers: core.handlers, send: (c: DesktopCommand) => sent.push(c) } };
  }

  it('a GGUF joins the model list and the models view opens', async () => {
    const { core, sent, files, deps } = await setup();
    const path = await writeTinyModel(join(files, 'tiny.gguf'));
    await openFile(path, deps);
    expect(sent).toEqual([{ command: 'showView', view: 'models' }]);
    expect((await core.handlers.listModels()).models.map((m) => m.path)).toContain(path);
  });

  it('a Competitive Companion file becomes the current problem', async () => {
    const { core, sent, files, deps } = await setup();
    const path = join(files, 'a.json');
    await writeFile(path, JSON.stringify({ name: 'A. Sum', timeLimit: 1000, memoryLimit: 64, tests: [{ input: '1 2\n', output: '3\n' }], url: 'https://codeforces.com/x' }));
    await openFile(path, deps);
    const [problem] = await core.handlers.listProblems();
    expect(problem).toMatchObject({ name: 'A. Sum', timeLimit: 1000, tests: [{ input: '1 2\n', output: '3\n' }] });
    expect(sent).toEqual([{ command: 'openProblem', problemId: problem?.id }]);
  });

  it('Python goes to the editor with its name', async () => {
    const { sent, files, deps } = await setup();
    const path = join(files, 'sol.py');
    await writeFile(path, 'print(input())\n');
    await openFile(path, deps);
    expect(sent).toEqual([{ command: 'openCode', code: 'print(input())\n', fileName: 'sol.py' }]);
  });

  it('bad files become messages and change nothing', async () => {
    const { core, sent, files, deps } = await setup();
    await writeFile(join(files, 'broken.gguf'), 'not a model');
    await writeFile(join(files, 'foreign.json'), '{"compilerOptions": {}}');
    await writeFile(join(files, 'bad.json'), '{"tests": [');
    await writeFile(join(files, 'huge.py'), 'x'.repeat(1024 * 1024 + 1));
    for (const name of ['broken.gguf', 'foreign.json', 'bad.json', 'huge.py', 'missing.py', 'notes.txt']) await openFile(join(files, name), deps);
    const messages = sent.map((c) => (c.command === 'notice' ? c.message : `unexpected ${c.command}`));
    expect(messages).toHaveLength(6);
    expect(messages[0]).toMatch(/^Could not open broken\.gguf: .*GGUF/i);
    expect(messages[1]).toMatch(/^Could not open foreign\.json: foreign\.json is not a problem file/);
    expect(messages[2]).toMatch(/^Could not open bad\.json: bad\.json is not JSON/);
    expect(messages[3]).toMatch(/^Could not open huge\.py: it is larger than the 1 MiB limit\.$/);
    expect(messages[4]).toMatch(/^Could not open missing\.py: .*(ENOENT|no such file)/i);
    expect(messages[5]).toMatch(/opens \.gguf models, problem \.json files and \.py code\.$/);
    expect(await core.handlers.listProblems()).toEqual([]);
  });
});
