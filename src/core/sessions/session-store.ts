import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage, WorkbenchError } from '../../shared/api/errors';
import type { DamagedFile } from '../../shared/damaged-files';
import { SessionSchema, type Session, type SessionSummary } from '../../shared/sessions';
import { writeFileAtomic } from '../storage/atomic-write';
import { damagedRecords, keptCopyOf, scanResults, type RecordScan } from '../storage/damaged-records';
import { parseJsonFile } from '../storage/file-text';
import { keepAside } from '../storage/kept-copies';
import { readRecordFile, type RecordFile, type RecordFileOptions } from '../storage/record-file';
import { readRecordNames } from '../storage/record-names';
import { singleFlight } from '../storage/single-flight';
import { migrateSession } from './migrate-session';
import { newId } from '../storage/new-id';

export const newSessionId = () => newId();

/** How a session file is checked: any known version, migrated; a newer app's file is left alone. */
const sessionFile: RecordFileOptions<Session> = {
  parse: (raw) => migrateSession(raw, 'The file'),
  isForeign: (err) => (err as { code?: unknown } | null)?.code === 'newer_version',
  savedAt: (session) => session.updatedAt,
};

/**
 * Sessions as one JSON file each in `<data>/sessions`. Every save is atomic
 * (temporary file, fsync, rename) and the previous good file is kept as
 * `<id>.json.bak`. A file damaged outside our control (a disk error, a hand
 * edit) is set aside as `<id>.json.broken-<time>`, never deleted, and its last
 * good version put back when there is one; `listDamaged` tells the user about
 * both. Deleted sessions wait in `.trash/` for undo.
 */
export class SessionStore {
  readonly dir: string;
  readonly #trash: string;
  /** Parsed sessions by id, valid while the file's mtime and size are unchanged. */
  readonly #cache = new Map<string, { mtimeMs: number; size: number; session: Session }>();
  /** Reads in flight by id: a listing and an open of the same damaged file recover it once, not twice. */
  readonly #once = singleFlight<RecordFile<Session>>();

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'sessions');
    this.#trash = join(this.dir, '.trash');
  }

  /** Sessions that open, newest first; damaged ones are left out here and listed by `listDamaged`. */
  async list(query = ''): Promise<SessionSummary[]> {
    const { sessions } = await this.#scan();
    const needle = query.trim().toLowerCase();
    const summaries: SessionSummary[] = [];
    for (const session of sessions) {
      const snippet = needle ? matchSnippet(session, needle) : session.problem.statement.slice(0, 120);
      if (snippet === null) continue;
      summaries.push({ id: session.id, title: session.title, updatedAt: session.updatedAt, turns: session.thread.length, snippet });
    }
    return summaries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** Session files that are damaged or cannot be read, and sessions that were restored from their backup. */
  async listDamaged(): Promise<DamagedFile[]> {
    return damagedRecords('session', this.dir, (await this.#scan()).scan, sessionFile);
  }

  async get(id: string): Promise<Session> {
    const file = await this.#read(id);
    if (file.state === 'ok') return file.value;
    // No file: set aside earlier (by this or another process)? Then say so, not "no such session".
    const found = file.state === 'unusable' ? file : await keptCopyOf('session', this.dir, id, sessionFile);
    if (!found) throw new WorkbenchError('NotFoundError', 'no_session', `No session with id ${id}.`);
    const { reason, keptAs } = found;
    const setAside = 'setAside' in found ? found.setAside : true;
    throw new WorkbenchError(
      'StorageError',
      setAside ? 'session_damaged' : 'session_unreadable',
      `Session ${id} cannot be opened. ${reason} ${setAside ? `It had no good backup; the damaged file is kept as ${keptAs}.` : `The file was left as it is, at ${keptAs}.`}`,
    );
  }

  /** Writes a session (created or changed); `updatedAt` is set here. */
  async save(session: Session): Promise<Session> {
    const valid = SessionSchema.parse({ ...session, updatedAt: new Date().toISOString() });
    const path = this.#path(valid.id);
    await mkdir(this.dir, { recursive: true });
    await this.#backUp(valid.id, path);
    await writeFileAtomic(path, JSON.stringify(valid));
    // What was just written is what a read would parse: autosaves then cost a stat, not a parse.
    const info = await stat(path).catch(() => null);
    if (info) this.#cache.set(valid.id, { mtimeMs: info.mtimeMs, size: info.size, session: valid });
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

  /** Every session file read once (in parallel); one that fails never stops the others. */
  async #scan(): Promise<{ sessions: Session[]; scan: RecordScan }> {
    const ids = await readRecordNames(this.dir, 'sessions');
    const results = await Promise.all(ids.map(async (id) => ({ id, file: await this.#read(id).catch((err: unknown) => unusableInPlace(err, this.#path(id))) })));
    return { sessions: results.flatMap((r) => (r.file.state === 'ok' ? [r.file.value] : [])), scan: scanResults(results) };
  }

  #read(id: string): Promise<RecordFile<Session>> {
    const path = this.#path(id);
    return this.#once(id, () => this.#readOnce(id, path));
  }

  async #readOnce(id: string, path: string): Promise<RecordFile<Session>> {
    const before = await stat(path).catch(() => null);
    const cached = this.#cache.get(id);
    if (before && cached && cached.mtimeMs === before.mtimeMs && cached.size === before.size) return { state: 'ok', value: cached.session };
    this.#cache.delete(id);
    const file = await readRecordFile(path, sessionFile);
    // Cached only when the file did not change meanwhile (a restore from backup rewrites it).
    const after = file.state === 'ok' ? await stat(path).catch(() => null) : null;
    if (file.state === 'ok' && before && after && after.mtimeMs === before.mtimeMs && after.size === before.size) {
      this.#cache.set(id, { mtimeMs: after.mtimeMs, size: after.size, session: file.value });
    }
    return file;
  }

  /**
   * The current file becomes the backup when it is a good session. Anything else there (damaged,
   * unreadable, a newer app's) is set aside first: a save never writes over bytes nobody could read.
   */
  async #backUp(id: string, path: string): Promise<void> {
    const current = await this.#read(id).catch((err: unknown) => unusableInPlace(err, path));
    if (current.state === 'ok') await copyFile(path, `${path}.bak`).catch(() => undefined);
    else if (current.state === 'unusable' && !current.setAside) await keepAside(path);
  }

  #checkId(id: string): string {
    if (!/^[\w-]{1,80}$/.test(id)) throw new WorkbenchError('ValidationError', 'bad_id', 'Invalid session id.');
    return id;
  }

  #path(id: string): string {
    return join(this.dir, `${this.#checkId(id)}.json`);
  }
}

/** A read that failed outright (a restore that could not be written): listed as unusable, left in place. */
function unusableInPlace(err: unknown, path: string): RecordFile<never> {
  return { state: 'unusable', reason: errorMessage(err), keptAs: path, setAside: false };
}

/** Text around the first match in the title, statement, prompts or answers; null when nothing matches. */
function matchSnippet(session: Session, needle: string): string | null {
  const fields = [session.title, session.problem.statement, ...session.thread.flatMap((t) => [t.text, t.answer, t.reasoning]), session.code];
  for (const field of fields) {
    const at = field.toLowerCase().indexOf(needle);
    if (at < 0) continue;
    const start = Math.max(0, at - 40);
    return `${start > 0 ? '…' : ''}${field.slice(start, at + needle.length + 60).replace(/\s+/g, ' ')}`;
  }
  return null;
}
