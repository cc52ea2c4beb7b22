import { readFile } from 'node:fs/promises';
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
    await store.save(sampleSession('paths', { title: 'Graph paths', statement: 'Count paths in a DAG.', turns: [] }));

    const list = runVibe(['sessions', 'list', '--data-dir', dataDir]);
    expect(await list.exit).toBe(0);
    expect(list.stdout).toMatch(/^paths\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+0 turn\(s\)\s+Graph paths$/m);
    expect(list.stdout).toMatch(/^squares\s.*1 turn\(s\)\s+Sum of squares$/m);

    const search = runVibe(['sessions', 'list', '--search', 'dag', '--json', '--data-dir', dataDir]);
    expect(await search.exit).toBe(0);
    expect((JSON.parse(search.stdout) as { id: string }[]).map((s) => s.id)).toEqual(['paths']);

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
});
