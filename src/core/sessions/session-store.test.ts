import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
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
    await store.save(sampleSession('b', { title: 'Graph paths', statement: 'Count the paths in a DAG.', turns: [] }));
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
    expect(copy.turns).toEqual((await store.get('a')).turns);
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

  it('recovers a damaged file from its last good version and keeps the damaged one aside', async () => {
    const dir = await makeTempDir();
    const store = new SessionStore(dir);
    await store.save(sampleSession('a', { code: 'first' }));
    await store.save(sampleSession('a', { code: 'second' }));
    const path = join(dir, 'sessions', 'a.json');
    await writeFile(path, '{"version": 1, "id": "a", "title": "Sum of squ');
    const fresh = new SessionStore(dir);
    expect((await fresh.get('a')).code).toBe('first');
    expect((await readdir(join(dir, 'sessions'))).some((n) => n.startsWith('a.json.broken-'))).toBe(true);
    expect(JSON.parse(await readFile(path, 'utf8')).code).toBe('first');
    // A damaged file without a backup is reported, and left out of the list instead of breaking it.
    await store.save(sampleSession('b'));
    await writeFile(join(dir, 'sessions', 'b.json'), 'garbage');
    await writeFile(join(dir, 'sessions', 'b.json.bak'), 'garbage');
    await expect(new SessionStore(dir).get('b')).rejects.toMatchObject({ code: 'session_damaged' });
    expect((await new SessionStore(dir).list()).map((s) => s.id)).toEqual(['a']);
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
      const version = Number(/version (\d+)/.exec(session.statement)?.[1]);
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
    expect(imported.turns).toEqual(sampleSession().turns);
    await expect(store.importText('{"turns": [', 'cut.json')).rejects.toThrow(/cut\.json is not JSON/);
    await expect(store.importText('{"name": "A", "tests": []}', 'problem.json')).rejects.toThrow(/problem\.json is not a workbench session/);
    await expect(store.importText(JSON.stringify({ ...sampleSession(), version: 7 }), 'new.json')).rejects.toThrow(/newer VibeThinker Workbench/);
    await expect(store.importText(JSON.stringify({ ...sampleSession(), turns: 'many' }), 'odd.json')).rejects.toThrow(/odd\.json is not a usable session: turns/);
    expect((await store.list()).map((s) => s.id)).toEqual([imported.id]);
  });
});

describe('migrateSession', () => {
  it('upgrades a version-0 file (code kept as "solution", no history)', () => {
    const { version: _v, code, codeHistory: _h, lastReport: _r, ...rest } = sampleSession('old');
    const migrated = migrateSession({ ...rest, solution: code });
    expect(migrated).toEqual({ ...sampleSession('old'), codeHistory: [], lastReport: null });
  });

  it('passes a current file through unchanged', () => {
    expect(migrateSession(sampleSession())).toEqual(sampleSession());
  });
});
