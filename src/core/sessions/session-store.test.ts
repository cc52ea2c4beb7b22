import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { repoRoot } from '../../../test/helpers/run-vibe';
import { sampleSession } from '../../../test/fixtures/sample-session';
import { migrateSession } from './migrate-session';
import { SessionStore } from './session-store';

describe('SessionStore', () => {
  const makeTempDir = useTempDirs();

  it('saves, lists newest first, searches text, renames, duplicates', async () => {
    const store = new SessionStore(await makeTempDir());
    await store.save(sampleSession('a'));
    await new Promise((r) => setTimeout(r, 5));
    await store.save(sampleSession('b', { title: 'Graph paths', problem: { ...sampleSession().problem, statement: 'Count the paths in a DAG.' }, thread: [] }));
    expect((await store.list()).map((s) => s.id)).toEqual(['b', 'a']);
    const found = await store.list('formula');
    expect(found.map((s) => s.id)).toEqual(['a']);
    expect(found[0]?.snippet).toContain('formula');
    expect((await store.list('DAG')).map((s) => s.id)).toEqual(['b']);
    expect(await store.list('nothing like this')).toEqual([]);
    expect((await store.rename('a', '  Squares  ')).title).toBe('Squares');
    const copy = await store.duplicate('a');
    expect(copy.id).not.toBe('a');
    expect(copy.title).toBe('Squares (copy)');
    expect(copy.thread).toEqual((await store.get('a')).thread);
  });

  it('deletes into the trash and undoes the delete', async () => {
    const store = new SessionStore(await makeTempDir());
    await store.save(sampleSession('a'));
    await store.delete('a');
    expect(await store.list()).toEqual([]);
    await expect(store.get('a')).rejects.toMatchObject({ code: 'no_session' });
    expect((await store.undoDelete('a')).title).toBe('Sum of squares');
    expect((await store.list()).map((s) => s.id)).toEqual(['a']);
    await expect(store.undoDelete('a')).rejects.toMatchObject({ code: 'not_in_trash' });
  });

  it('a listing made while a damaged file is being restored still lists the session (the file is never missing)', async () => {
    const dir = await makeTempDir();
    for (let round = 0; round < 15; round++) {
      const seed = new SessionStore(dir);
      await seed.save(sampleSession('a', { code: 'first' }));
      await seed.save(sampleSession('a', { code: 'second' }));
      await writeFile(join(dir, 'sessions', 'a.json'), '{"version": 1, "id": "a", "title": "Sum of squ');
      // As the sidebar does: the listing and the damaged listing at once, here also from a second reader.
      const store = new SessionStore(dir);
      const other = new SessionStore(dir);
      const lists = await Promise.all([store.list(), store.listDamaged(), other.list(), store.list(), other.list()]);
      for (const list of [lists[0], lists[2], lists[3], lists[4]]) expect(list?.map((s) => s.id)).toEqual(['a']);
    }
  });

  it('recovers a damaged file from its last good version, keeps the damaged one aside and says so', async () => {
    const dir = await makeTempDir();
    const store = new SessionStore(dir);
    await store.save(sampleSession('a', { code: 'first' }));
    const firstSavedAt = (await store.get('a')).updatedAt;
    await store.save(sampleSession('a', { code: 'second' }));
    const path = join(dir, 'sessions', 'a.json');
    await writeFile(path, '{"version": 1, "id": "a", "title": "Sum of squ');
    const fresh = new SessionStore(dir);
    expect((await fresh.get('a')).code).toBe('first');
    expect(JSON.parse(await readFile(path, 'utf8')).code).toBe('first');
    const [restored, ...more] = await fresh.listDamaged();
    expect(more).toEqual([]);
    expect(restored).toMatchObject({ kind: 'session', id: 'a', reason: expect.stringMatching(/^The file is not JSON \(/), restoredFromBackup: { savedAt: firstSavedAt } });
    expect(await readFile(restored?.keptAs ?? '', 'utf8')).toBe('{"version": 1, "id": "a", "title": "Sum of squ');
    // The notice lasts while the kept copy is there, also for another process reading the folder later.
    expect((await new SessionStore(dir).listDamaged()).map((d) => d.keptAs)).toEqual([restored?.keptAs]);
    expect((await new SessionStore(dir).list()).map((s) => s.id)).toEqual(['a']);
  });

  it('lists a damaged session without a backup as damaged, with the reason and the kept copy, and lists the others', async () => {
    const dir = await makeTempDir();
    const store = new SessionStore(dir);
    await store.save(sampleSession('good'));
    await writeFile(join(dir, 'sessions', 'cut.json'), '{"version": 1, "id": "cu');
    await writeFile(join(dir, 'sessions', 'edited.json'), JSON.stringify({ ...sampleSession('edited'), thread: 'many' }));
    await writeFile(join(dir, 'sessions', 'empty.json'), '');
    const fresh = new SessionStore(dir);
    expect((await fresh.list()).map((s) => s.id)).toEqual(['good']);
    const damaged = await fresh.listDamaged();
    expect(damaged.map((d) => [d.id, d.reason, d.restoredFromBackup]).sort()).toEqual([
      ['cut', expect.stringMatching(/^The file is not JSON \(/), null],
      ['edited', expect.stringMatching(/^The file is not a usable session: thread: /), null],
      ['empty', 'The file is empty (0 bytes).', null],
    ]);
    for (const entry of damaged) expect(entry.keptAs).toMatch(new RegExp(`sessions[\\\\/]${entry.id}\\.json\\.broken-\\d+$`));
    expect(await readFile(damaged.find((d) => d.id === 'cut')?.keptAs ?? '', 'utf8')).toBe('{"version": 1, "id": "cu');
    // Opening one says what is wrong and where the copy is, not "No session".
    await expect(fresh.get('cut')).rejects.toMatchObject({ name: 'StorageError', code: 'session_damaged', message: expect.stringContaining('cut.json.broken-') });
  });

  it('leaves a folder, a newer app’s file and an unreadable one in place, listed, and lists the rest', async () => {
    const dir = await makeTempDir();
    const store = new SessionStore(dir);
    await store.save(sampleSession('good'));
    await mkdir(join(dir, 'sessions', 'folder.json'));
    const newer = JSON.stringify({ ...sampleSession('newer'), version: 7 });
    await writeFile(join(dir, 'sessions', 'newer.json'), newer);
    const fresh = new SessionStore(dir);
    expect((await fresh.list()).map((s) => s.id)).toEqual(['good']);
    expect((await fresh.listDamaged()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { kind: 'session', id: 'folder', reason: 'A folder is where the file should be.', keptAs: join(dir, 'sessions', 'folder.json'), foundAt: null, restoredFromBackup: null },
      { kind: 'session', id: 'newer', reason: expect.stringMatching(/newer VibeThinker Workbench \(session version 7\)/), keptAs: join(dir, 'sessions', 'newer.json'), foundAt: null, restoredFromBackup: null },
    ]);
    expect(await readFile(join(dir, 'sessions', 'newer.json'), 'utf8')).toBe(newer);
    await expect(fresh.get('folder')).rejects.toMatchObject({ name: 'StorageError', code: 'session_unreadable' });
  });

  it('says so when the sessions folder itself cannot be listed, instead of showing no sessions', async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, 'sessions'), 'a file where the folder should be');
    const store = new SessionStore(dir);
    await expect(store.list()).rejects.toMatchObject({ name: 'StorageError', code: 'folder_unreadable', message: expect.stringMatching(/sessions folder .* cannot be listed: a file is where the folder should be\.$/) });
    await expect(store.listDamaged()).rejects.toMatchObject({ code: 'folder_unreadable' });
  });

  it('never saves over a file it could not read: that one is kept aside first', async () => {
    const dir = await makeTempDir();
    const store = new SessionStore(dir);
    await store.save(sampleSession('a'));
    const path = join(dir, 'sessions', 'a.json');
    // A hand edit while the app holds the session open; its next autosave must not erase the edit.
    await writeFile(path, '{"hand": "edited"');
    await store.save(sampleSession('a', { code: 'autosaved' }));
    expect((await store.get('a')).code).toBe('autosaved');
    const [kept] = await store.listDamaged();
    expect(await readFile(kept?.keptAs ?? '', 'utf8')).toBe('{"hand": "edited"');
  });

  it('never leaves a torn file when the process is killed in the middle of saving', async () => {
    const dir = await makeTempDir();
    for (let round = 0; round < 4; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'test/fixtures/session-saver.ts'), dir, 'crash'], { cwd: repoRoot });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      // Let it get going, then kill it at an arbitrary point inside its save loop.
      while (!/saved \d+/.test(out)) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 150));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      const lastReported = Math.max(...[...out.matchAll(/saved (\d+)/g)].map((m) => Number(m[1])));
      const session = await new SessionStore(dir).get('crash');
      const version = Number(/version (\d+)/.exec(session.problem.statement)?.[1]);
      // What was reported saved is there (or the one being written, complete).
      expect(version === lastReported || version === lastReported + 1).toBe(true);
      expect(session.code).toBe(`print(${version})\n`);
    }
    expect((await readdir(join(dir, 'sessions'))).filter((n) => n.includes('broken'))).toEqual([]);
  }, 60_000);

  it('imports an exported session under a new id; refuses malformed and foreign files', async () => {
    const store = new SessionStore(await makeTempDir());
    const imported = await store.importText(JSON.stringify(sampleSession('original')), 'squares.json');
    expect(imported.id).not.toBe('original');
    expect(imported.thread).toEqual(sampleSession().thread);
    await expect(store.importText('{"turns": [', 'cut.json')).rejects.toThrow(/cut\.json is not JSON/);
    await expect(store.importText('{"name": "A", "tests": []}', 'problem.json')).rejects.toThrow(/problem\.json is not a workbench session/);
    await expect(store.importText(JSON.stringify({ ...sampleSession(), version: 7 }), 'new.json')).rejects.toThrow(/newer VibeThinker Workbench/);
    await expect(store.importText(JSON.stringify({ ...sampleSession(), thread: 'many' }), 'odd.json')).rejects.toThrow(/odd\.json is not a usable session: thread/);
    expect((await store.list()).map((s) => s.id)).toEqual([imported.id]);
  });
});

/** A session as version 1 of the app saved it (statement and tests beside the turns). */
const version1 = {
  version: 1,
  id: 'old',
  title: 'Sum of squares',
  createdAt: '2026-11-29T10:00:00.000Z',
  updatedAt: '2026-11-29T10:05:00.000Z',
  statement: 'Find $\\sum_{k=1}^{n} k^2$ for $n = 10$.',
  problemId: 'p-7',
  templateId: 'math-boxed',
  sampling: { temperature: 0.6, topP: 0.95 },
  turns: [
    { prompt: 'Find the sum.', reasoning: 'r1', answer: 'a1', stats: null, model: 'M', at: '2026-11-29T10:01:00.000Z' },
    { prompt: 'Why 6?', reasoning: 'r2', answer: 'a2', stats: null, model: 'M', at: '2026-11-29T10:02:00.000Z' },
  ],
  code: 'print(385)\n',
  codeHistory: [{ at: '2026-11-29T10:02:00.000Z', code: 'print(1)\n', source: 'model' }],
  tests: [{ input: '', output: '385\n' }],
  lastReport: null,
  model: 'M',
};

describe('migrateSession', () => {
  it('upgrades a version-1 file: its statement and tests become the session’s problem, its turns the thread', () => {
    const migrated = migrateSession(version1);
    expect(migrated).toMatchObject({
      version: 2,
      title: 'Sum of squares',
      titleEdited: true,
      problem: { statement: version1.statement, tests: version1.tests, timeLimit: 2000, memoryLimit: 256, sourceId: 'p-7' },
      code: 'print(385)\n',
      codeHistory: [{ id: 'c1', code: 'print(1)\n', source: 'model', turnId: null, report: null }],
      templateId: 'math-boxed',
    });
    expect(migrated.thread.map((t) => [t.id, t.kind, t.text, t.prompt, t.answer])).toEqual([
      ['t1', 'ask', 'Find the sum.', 'Find the sum.', 'a1'],
      ['t2', 'followUp', 'Why 6?', 'Why 6?', 'a2'],
    ]);
    expect(Object.keys(migrated)).not.toContain('statement');
    // A title that only followed the statement keeps following it.
    expect(migrateSession({ ...version1, title: 'Find $\\sum_{k=1}^{n} k^2$ for $n = 10$.' }).titleEdited).toBe(false);
  });

  it('upgrades a version-0 file (code kept as "solution", no history) through version 1', () => {
    const { version: _v, code, codeHistory: _h, lastReport: _r, ...rest } = version1;
    const migrated = migrateSession({ ...rest, solution: code });
    expect(migrated).toMatchObject({ version: 2, code, codeHistory: [], lastReport: null });
    expect(migrated.thread).toHaveLength(2);
  });

  it('passes a current file through unchanged', () => {
    expect(migrateSession(sampleSession())).toEqual(sampleSession());
  });
});
