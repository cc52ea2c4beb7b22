import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SessionStore } from '../src/core/sessions/session-store';
import { sampleSession } from './fixtures/sample-session';
import { runVibe } from './helpers/run-vibe';
import { useTempDirs } from './helpers/temp-dir';

describe('vibe sessions (real process)', () => {
  const tempDir = useTempDirs();

  it('lists and searches sessions, exports Markdown to stdout and an HTML handout to a file', async () => {
    const dataDir = await tempDir();
    const store = new SessionStore(dataDir);
    await store.save(sampleSession('squares'));
    await store.save(sampleSession('paths', { title: 'Graph paths', problem: { ...sampleSession().problem, statement: 'Count paths in a DAG.' }, thread: [] }));

    const list = runVibe(['sessions', 'list', '--data-dir', dataDir]);
    expect(await list.exit).toBe(0);
    expect(list.stdout).toMatch(/^paths\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+0 turn\(s\)\s+Graph paths$/m);
    expect(list.stdout).toMatch(/^squares\s.*1 turn\(s\)\s+Sum of squares$/m);

    const search = runVibe(['sessions', 'list', '--search', 'dag', '--json', '--data-dir', dataDir]);
    expect(await search.exit).toBe(0);
    expect((JSON.parse(search.stdout) as { sessions: { id: string }[] }).sessions.map((s) => s.id)).toEqual(['paths']);

    const md = runVibe(['sessions', 'export', 'squares', '--reasoning', '--data-dir', dataDir]);
    expect(await md.exit).toBe(0);
    expect(md.stdout).toContain('$$\\frac{10 \\cdot 11 \\cdot 21}{6} = 385$$');
    expect(md.stdout).toContain('### Reasoning');

    const out = join(dataDir, 'handout.html');
    const html = runVibe(['sessions', 'export', 'squares', '--format', 'html', '--out', out, '--data-dir', dataDir]);
    expect(await html.exit).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('class="katex"');

    const missing = runVibe(['sessions', 'export', 'nope', '--data-dir', dataDir]);
    expect(await missing.exit).toBe(1);
    expect(missing.stderr.trim()).toBe('vibe sessions: No session with id nope.');
    const badFormat = runVibe(['sessions', 'export', 'squares', '--format', 'pdf', '--data-dir', dataDir]);
    expect(await badFormat.exit).toBe(2);
  });

  it('lists damaged sessions with the reason and the kept copy, and says when one was restored from its backup', async () => {
    const dataDir = await tempDir();
    const store = new SessionStore(dataDir);
    await store.save(sampleSession('squares'));
    await store.save(sampleSession('squares', { code: 'print(385)\n' }));
    await writeFile(join(dataDir, 'sessions', 'squares.json'), '{"version": 1, "id": "squa');
    await writeFile(join(dataDir, 'sessions', 'cut.json'), '{"version": 1, "id": "cu');

    const list = runVibe(['sessions', 'list', '--data-dir', dataDir]);
    expect(await list.exit).toBe(0);
    expect(list.stdout).toMatch(/^squares\s.*Sum of squares\n\s+! damaged, restored from its backup of \d{4}-\d\d-\d\d \d\d:\d\d UTC\. The file is not JSON \(.+\)\.\n\s+damaged copy kept at \S+squares\.json\.broken-\d+\.restored-\d+$/m);
    expect(list.stdout).toMatch(/^Damaged \(1; not opened, nothing deleted\):\ncut\s+The file is not JSON \(.+\)\.\n\s+kept aside at \S+cut\.json\.broken-\d+$/m);

    const json = runVibe(['sessions', 'list', '--json', '--data-dir', dataDir]);
    expect(await json.exit).toBe(0);
    const listed = JSON.parse(json.stdout) as { sessions: { id: string }[]; damaged: { id: string; restoredFromBackup: unknown }[] };
    expect(listed.sessions.map((s) => s.id)).toEqual(['squares']);
    expect(listed.damaged.map((d) => [d.id, d.restoredFromBackup !== null]).sort()).toEqual([
      ['cut', false],
      ['squares', true],
    ]);

    const open = runVibe(['sessions', 'export', 'cut', '--data-dir', dataDir]);
    expect(await open.exit).toBe(1);
    expect(open.stderr).toMatch(/^vibe sessions: Session cut cannot be opened\. The file is not JSON .* kept as \S+cut\.json\.broken-\d+\.$/m);
  });
});
