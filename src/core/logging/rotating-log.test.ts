import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { RotatingLog } from './rotating-log';

describe('RotatingLog', () => {
  const makeTempDir = useTempDirs();
  const fixedClock = () => new Date('2026-11-29T12:00:00.000Z');

  it('writes one timestamped line per entry, newlines escaped', async () => {
    const dir = await makeTempDir();
    const log = new RotatingLog({ dir: join(dir, 'logs'), now: fixedClock });
    log.info('started');
    log.error('boom\nat line 2');
    expect(await readFile(log.path, 'utf8')).toBe('2026-11-29T12:00:00.000Z INFO started\n2026-11-29T12:00:00.000Z ERROR boom\\nat line 2\n');
  });

  it('rotates by size and keeps only the newest files', async () => {
    const dir = await makeTempDir();
    const log = new RotatingLog({ dir, maxBytes: 200, keep: 2, now: fixedClock });
    for (let i = 0; i < 40; i++) log.info(`entry ${String(i).padStart(2, '0')} ${'x'.repeat(20)}`);
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['workbench.log', 'workbench.log.1', 'workbench.log.2']);
    for (const file of files) expect((await readFile(join(dir, file))).length).toBeLessThanOrEqual(200);
    // The newest entry is in the current file, the one before it in .1, nothing is duplicated.
    const current = await readFile(join(dir, 'workbench.log'), 'utf8');
    const previous = await readFile(join(dir, 'workbench.log.1'), 'utf8');
    expect(current).toContain('entry 39');
    const lastOfPrevious = Number(/entry (\d+)[^\n]*\n$/.exec(previous)?.[1]);
    const firstOfCurrent = Number(/entry (\d+)/.exec(current)?.[1]);
    expect(firstOfCurrent).toBe(lastOfPrevious + 1);
  });

  it('continues an existing log after a restart, rotating when it is full', async () => {
    const dir = await makeTempDir();
    new RotatingLog({ dir, maxBytes: 120, now: fixedClock }).info('a'.repeat(60));
    const again = new RotatingLog({ dir, maxBytes: 120, now: fixedClock });
    again.info('b'.repeat(60));
    expect(await readFile(join(dir, 'workbench.log.1'), 'utf8')).toContain('aaaa');
    expect(await readFile(join(dir, 'workbench.log'), 'utf8')).toContain('bbbb');
  });

  it('never throws when the folder cannot be written', async () => {
    const dir = await makeTempDir();
    // A file where the log folder should be: every write fails.
    const blocked = join(dir, 'blocked');
    await (await import('node:fs/promises')).writeFile(blocked, '');
    const log = new RotatingLog({ dir: join(blocked, 'logs') });
    expect(() => log.error('still running')).not.toThrow();
  });
});
