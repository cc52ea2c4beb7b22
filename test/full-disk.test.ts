import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** A user + mount namespace lets an unprivileged test mount a 64 KiB tmpfs: a real full disk. */
function canMountTmpfs(): boolean {
  if (process.platform !== 'linux') return false;
  const probe = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], { stdio: 'ignore' });
  return probe.status === 0;
}

describe.skipIf(!canMountTmpfs())('settings on a full disk', () => {
  it('reports "disk is full", keeps the last good file, and keeps the old value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vibe-full-'));
    const script = join(import.meta.dirname, 'fixtures', 'full-disk-settings-write.ts');
    const out = execFileSync(
      'unshare',
      ['-rm', 'sh', '-c', `mount -t tmpfs -o size=64k tmpfs "$1" && exec "$2" --import tsx "$3" "$1"`, 'sh', dir, process.execPath, script],
      { encoding: 'utf8', cwd: join(import.meta.dirname, '..') },
    );
    const result = JSON.parse(out.trim().split('\n').pop() ?? '{}') as {
      error: { name: string; message: string } | null;
      inMemory: string;
      onDisk: string;
    };
    expect(result.error).toMatchObject({ name: 'StorageError', message: expect.stringContaining('the disk is full') });
    expect(result.inMemory).toBe('dark');
    expect(result.onDisk).toBe('dark');
  });
});
