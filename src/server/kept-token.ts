import { chmod, lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/storage/atomic-write';
import { WorkbenchError } from '../shared/api/errors';
import { accessTokenProblem, createAccessToken } from './access-token';

/** The file `vibe serve --keep-token` keeps its access token in, inside the data folder. */
export const keptTokenFileName = 'web-access-token';

export interface KeptToken {
  token: string;
  path: string;
  /** True when this start made the token (first use, or the old file was unusable). */
  created: boolean;
  /** Something the user should know (the old file was damaged, or readable by others). */
  warning: string | null;
}

/**
 * The access token kept in `<dataDir>/web-access-token`, made (and saved, owner-only, atomically)
 * when there is none yet. Reusing it is what lets open tabs survive a restart; the price is that
 * anyone who can read the data folder can open the workbench.
 *
 * A file that is not a token (cut short, edited) is replaced by a new one, with a warning: the
 * printed address changes, which the user sees. A file that cannot be read at all (permissions, a
 * folder in its place) is an error: replacing it might not even work, and the user should look.
 */
export async function keptAccessToken(dataDir: string): Promise<KeptToken> {
  const path = join(dataDir, keptTokenFileName);
  const existing = await readKept(path);
  if (existing.token !== null && existing.problem === null) {
    return { token: existing.token, path, created: false, warning: await makePrivate(path, existing.mode) };
  }
  const token = createAccessToken();
  // writeFileAtomic creates its temporary file 0600, and the rename keeps that mode.
  await writeFileAtomic(path, `${token}\n`);
  const warning = existing.token === null ? null : `the kept access token in ${path} was not usable (${existing.problem}); a new one was made.`;
  return { token, path, created: true, warning };
}

async function readKept(path: string): Promise<{ token: string | null; problem: string | null; mode: number }> {
  const info = await lstat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw unreadable(path, err);
  });
  if (!info) return { token: null, problem: null, mode: 0 };
  // Not through a link: whatever it points at is not ours to read as a secret, nor to overwrite.
  if (!info.isFile()) throw new WorkbenchError('StorageError', 'not_a_file', `${path} is not a plain file. Remove it, or start without --keep-token.`);
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw unreadable(path, err);
  });
  const token = text.trim();
  return { token, problem: accessTokenProblem(token), mode: info.mode };
}

/** Owner-only again if someone widened the file's mode; says so, since others may have read it. */
async function makePrivate(path: string, mode: number): Promise<string | null> {
  if (process.platform === 'win32' || (mode & 0o077) === 0) return null;
  await chmod(path, 0o600);
  return `${path} was readable by other users; it is owner-only now. Delete it to get a new token if they should not have it.`;
}

function unreadable(path: string, err: NodeJS.ErrnoException): WorkbenchError {
  const reason = err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.message;
  return new WorkbenchError('StorageError', (err.code ?? 'eio').toLowerCase(), `Cannot read the kept access token ${path}: ${reason}.`);
}
