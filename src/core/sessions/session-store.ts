import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkbenchError } from '../../shared/api/errors';
import { SessionSchema, type Session, type SessionSummary } from '../../shared/sessions';
import { writeFileAtomic } from '../storage/atomic-write';
import { migrateSession } from './migrate-session';
import { parseJsonFile } from '../storage/file-text';

export const newSessionId = () => `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

/**
 * Sessions as one JSON file each in `<data>/sessions`. Every save is atomic
 * (temporary file, fsync, rename) and the previous good file is kept as
 * `<id>.json.bak`, so a file damaged outside our control (a disk error, a
 * hand edit) falls back to its last good version; the damaged one is kept
 * aside as `.broken-<time>`, never deleted. Deleted sessions wait in
 * `.trash/` for undo.
 */
export class SessionStore {
  readonly dir: string;
  readonly #trash: string;
  /** Parsed sessions by id, valid while the file's mtime and size are unchanged. */
  readonly #cache = new Map<string, { mtimeMs: number; size: number; session: Session }>();

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'sessions');
    this.#trash = join(this.dir, '.trash');
  }

  async list(query = ''): Promise<SessionSummary[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const ids = names.filter((n) => /^[\w-]{1,80}\.json$/.test(n)).map((n) => n.slice(0, -5));
    const sessions = (await Promise.all(ids.map((id) => this.#load(id).catch(() => null)))).filter((s): s is Session => s !== null);
    const needle = query.trim().toLowerCase();
    const summaries: SessionSummary[] = [];
    for (const session of sessions) {
      const snippet = needle ? matchSnippet(session, needle) : session.statement.slice(0, 120);
      if (snippet === null) continue;
      summaries.push({ id: session.id, title: session.title, updatedAt: session.updatedAt, turns: session.turns.length, snippet });
    }
    return summaries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async get(id: string): Promise<Session> {
    return this.#load(id);
  }

  /** Writes a session (created or changed); `updatedAt` is set here. */
  async save(session: Session): Promise<Session> {
    const valid = SessionSchema.parse({ ...session, updatedAt: new Date().toISOString() });
    const path = this.#path(valid.id);
    await mkdir(this.dir, { recursive: true });
    // The current file becomes the backup (a copy: the rename below must replace `path` atomically).
    await copyFile(path, `${path}.bak`).catch(() => undefined);
    await writeFileAtomic(path, JSON.stringify(valid));
    this.#cache.delete(valid.id);
    return valid;
  }

  async rename(id: string, title: string): Promise<Session> {
    return this.save({ ...(await this.get(id)), title: title.trim() || 'Untitled session' });
  }

  async duplicate(id: string): Promise<Session> {
    const source = await this.get(id);
    const now = new Date().toISOString();
    return this.save({ ...source, id: newSessionId(), title: `${source.title} (copy)`, createdAt: now });
  }

  /** Moves the session to the trash; `undoDelete` brings it back. */
  async delete(id: string): Promise<void> {
    const path = this.#path(id);
    await mkdir(this.#trash, { recursive: true });
    await rename(path, join(this.#trash, `${id}.json`)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    await rm(`${path}.bak`, { force: true });
    this.#cache.delete(id);
  }

  async undoDelete(id: string): Promise<Session> {
    const trashed = join(this.#trash, `${this.#checkId(id)}.json`);
    try {
      await rename(trashed, this.#path(id));
    } catch {
      throw new WorkbenchError('NotFoundError', 'not_in_trash', 'That session is no longer in the trash.');
    }
    return this.get(id);
  }

  /** Adds a session from an exported JSON file, under a new id. Malformed or foreign: an error, nothing stored. */
  async importText(text: string, fileName = 'The file'): Promise<Session> {
    const session = migrateSession(parseJsonFile(text, fileName), fileName);
    return this.save({ ...session, id: newSessionId() });
  }

  async #load(id: string): Promise<Session> {
    const path = this.#path(id);
    let info;
    try {
      info = await stat(path);
    } catch {
      throw new WorkbenchError('NotFoundError', 'no_session', `No session with id ${id}.`);
    }
    const cached = this.#cache.get(id);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.session;
    let session: Session;
    try {
      session = migrateSession(JSON.parse(await readFile(path, 'utf8')), `Session ${id}`);
    } catch (err) {
      session = await this.#recover(id, path, err);
    }
    this.#cache.set(id, { mtimeMs: info.mtimeMs, size: info.size, session });
    return session;
  }

  /** A damaged file: keep it aside, fall back to the backup (and restore it), or fail with the reason. */
  async #recover(id: string, path: string, err: unknown): Promise<Session> {
    if (err instanceof WorkbenchError && err.code === 'newer_version') throw err;
    let backup: Session | null;
    try {
      backup = migrateSession(JSON.parse(await readFile(`${path}.bak`, 'utf8')), `Session ${id}`);
    } catch {
      backup = null;
    }
    await rename(path, `${path}.broken-${Date.now()}`).catch(() => undefined);
    if (!backup) {
      throw new WorkbenchError('StorageError', 'session_damaged', `Session ${id} was damaged and had no good backup; the file was kept aside as ${id}.json.broken-….`);
    }
    await writeFileAtomic(path, JSON.stringify(backup));
    return backup;
  }

  #checkId(id: string): string {
    if (!/^[\w-]{1,80}$/.test(id)) throw new WorkbenchError('ValidationError', 'bad_id', 'Invalid session id.');
    return id;
  }

  #path(id: string): string {
    return join(this.dir, `${this.#checkId(id)}.json`);
  }
}

/** Text around the first match in the title, statement, prompts or answers; null when nothing matches. */
function matchSnippet(session: Session, needle: string): string | null {
  const fields = [session.title, session.statement, ...session.turns.flatMap((t) => [t.prompt, t.answer, t.reasoning]), session.code];
  for (const field of fields) {
    const at = field.toLowerCase().indexOf(needle);
    if (at < 0) continue;
    const start = Math.max(0, at - 40);
    return `${start > 0 ? '…' : ''}${field.slice(start, at + needle.length + 60).replace(/\s+/g, ' ')}`;
  }
  return null;
}
