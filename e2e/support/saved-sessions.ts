import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Session } from '../../src/shared/sessions';

/** The sessions as core saved them in the data folder (the same files for the web and desktop app), newest first. */
export async function savedSessions(dataDir: string): Promise<Session[]> {
  const dir = join(dataDir, 'sessions');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /^[\w-]+\.json$/.test(n));
  const sessions = await Promise.all(names.map(async (n) => JSON.parse(await readFile(join(dir, n), 'utf8')) as Session));
  return sessions.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** Waits until core has saved a session whose thread has `turns` turns, and returns it. */
export async function sessionWithTurns(dataDir: string, turns: number, match: (s: Session) => boolean = () => true): Promise<Session> {
  let found: Session | undefined;
  await expect
    .poll(async () => {
      found = (await savedSessions(dataDir)).find((s) => s.thread.length >= turns && match(s));
      return found?.thread.length ?? 0;
    }, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(turns);
  if (!found) throw new Error('unreachable');
  return found;
}
