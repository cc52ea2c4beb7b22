import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkbenchError } from '../../shared/api/errors';
import type { DamagedFile } from '../../shared/damaged-files';
import { ProblemRecordSchema, ProblemSchema, type Problem, type ProblemRecord } from '../../shared/judging';
import { writeFileAtomic } from '../storage/atomic-write';
import { damagedRecords, keptCopyOf, scanResults } from '../storage/damaged-records';
import { firstIssue, parseJsonFile } from '../storage/file-text';
import { keepAside } from '../storage/kept-copies';
import { checkProblemRoom } from './problem-quota';
import { readRecordFile, type RecordFile, type RecordFileOptions } from '../storage/record-file';
import { readRecordNames } from '../storage/record-names';
import { singleFlight } from '../storage/single-flight';
import { newId } from '../storage/new-id';

/** How a problem file is checked; the reason names the first schema problem. */
const problemFile: RecordFileOptions<ProblemRecord> = {
  parse: (raw) => {
    const parsed = ProblemRecordSchema.safeParse(raw);
    if (!parsed.success) throw new WorkbenchError('ValidationError', 'bad_problem', `The file is not a usable problem: ${firstIssue(parsed.error)}.`);
    return parsed.data;
  },
};

/**
 * Problems kept as one JSON file each in `<data>/problems`, written atomically,
 * the version before the last save kept as `<id>.json.bak`. A damaged file is
 * set aside (never deleted) and its backup put back, as for sessions; see
 * `listDamaged`.
 */
export class ProblemStore {
  readonly #dir: string;
  /** Reads in flight by id, shared: a listing and an open never race to set the same damaged file aside. */
  readonly #once = singleFlight<RecordFile<ProblemRecord>>();
  /** The import in progress; the next one waits for it (see #admit). */
  #importing: Promise<unknown> = Promise.resolve();

  constructor(dataDir: string) {
    this.#dir = join(dataDir, 'problems');
  }

  /** Problems that open, newest first; damaged ones are listed by `listDamaged`. */
  async list(): Promise<ProblemRecord[]> {
    const records = (await this.#scan()).flatMap((r) => (r.file.state === 'ok' ? [r.file.value] : []));
    return records.sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  }

  /** Problem files that are damaged or cannot be read, and problems restored from their backup. */
  async listDamaged(): Promise<DamagedFile[]> {
    return damagedRecords('problem', this.#dir, scanResults(await this.#scan()), problemFile);
  }

  async get(id: string): Promise<ProblemRecord> {
    const file = await this.#read(id);
    if (file.state === 'ok') return file.value;
    // No file: set aside earlier? Then say so, not "no such problem".
    const found = file.state === 'unusable' ? file : await keptCopyOf('problem', this.#dir, id, problemFile);
    if (!found) throw new WorkbenchError('NotFoundError', 'no_problem', `No problem with id ${id}.`);
    const code = 'setAside' in found && !found.setAside ? 'problem_unreadable' : 'problem_damaged';
    throw new WorkbenchError('StorageError', code, `Problem ${id} cannot be opened. ${found.reason} Its bytes are kept at ${found.keptAs}.`);
  }

  /** Adds a problem as Competitive Companion sends it (unknown fields dropped), if it fits the caps. */
  async import(raw: unknown): Promise<ProblemRecord> {
    const [record] = await this.importAll([raw]);
    if (!record) throw new WorkbenchError('InternalError', 'import_lost', 'The imported problem was not stored.');
    return record;
  }

  /**
   * Adds problems all or none. Over the caps (problem-quota.ts) a StorageError
   * `problem_store_full` says so and nothing is written.
   */
  async importAll(raws: readonly unknown[]): Promise<ProblemRecord[]> {
    return this.#admit(raws.map((raw) => ({ problem: ProblemSchema.parse(raw), statement: '' })));
  }

  /**
   * Adds a problem from a file's text (a Competitive Companion export or a problem saved by the
   * workbench; the statement is kept, the id is always new). Refuses anything else, storing nothing.
   */
  async importText(text: string, fileName = 'The file'): Promise<ProblemRecord> {
    const raw = parseJsonFile(text, fileName);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !Array.isArray((raw as { tests?: unknown }).tests)) {
      throw new WorkbenchError('ValidationError', 'not_a_problem', `${fileName} is not a problem file: expected Competitive Companion's JSON, with "name" and a "tests" list.`);
    }
    const parsed = ProblemSchema.safeParse(raw);
    if (!parsed.success) {
      throw new WorkbenchError('ValidationError', 'bad_problem', `${fileName} is not a usable problem: ${firstIssue(parsed.error)}.`);
    }
    const statement = (raw as { statement?: unknown }).statement;
    const [record] = await this.#admit([{ problem: parsed.data, statement: typeof statement === 'string' && statement.length <= 200_000 ? statement : '' }]);
    if (!record) throw new WorkbenchError('InternalError', 'import_lost', 'The imported problem was not stored.');
    return record;
  }

  /**
   * New records for these problems, checked against the caps before any is written. One import at
   * a time, so two arriving together cannot both take the last place; a write that fails takes
   * back the ones before it.
   */
  #admit(items: readonly { problem: Problem; statement: string }[]): Promise<ProblemRecord[]> {
    const run = this.#importing.then(async () => {
      const importedAt = new Date().toISOString();
      const records = items.map(({ problem, statement }) => ProblemRecordSchema.parse({ ...problem, id: newId(), statement, importedAt }));
      await checkProblemRoom(this.#dir, records.map((r) => Buffer.byteLength(JSON.stringify(r, null, 2))));
      const saved: ProblemRecord[] = [];
      try {
        for (const record of records) saved.push(await this.save(record));
      } catch (err) {
        await Promise.all(saved.map((r) => this.delete(r.id).catch(() => undefined)));
        throw err;
      }
      return saved;
    });
    this.#importing = run.catch(() => undefined);
    return run;
  }

  /** Saves a problem edited in the workbench or sent to the API, within the same caps as imports. */
  async saveWithinCap(record: ProblemRecord): Promise<ProblemRecord> {
    const run = this.#importing.then(async () => {
      const valid = ProblemRecordSchema.parse(record);
      await checkProblemRoom(this.#dir, [Buffer.byteLength(JSON.stringify(valid, null, 2))], valid.id);
      return this.save(valid);
    });
    this.#importing = run.catch(() => undefined);
    return run;
  }

  async save(record: ProblemRecord): Promise<ProblemRecord> {
    const valid = ProblemRecordSchema.parse(record);
    await mkdir(this.#dir, { recursive: true });
    // The current file becomes the backup if good; anything else is set aside, never written over.
    const current = await this.#read(valid.id);
    if (current.state === 'ok') await copyFile(this.#path(valid.id), `${this.#path(valid.id)}.bak`).catch(() => undefined);
    else if (current.state === 'unusable' && !current.setAside) await keepAside(this.#path(valid.id));
    await writeFileAtomic(this.#path(valid.id), JSON.stringify(valid, null, 2));
    return valid;
  }

  /** Deletes a problem; bytes that could not be read as one are set aside instead, so they are never lost. */
  async delete(id: string): Promise<void> {
    const current = await this.#read(id);
    if (current.state === 'unusable' && !current.setAside) await keepAside(this.#path(id));
    else await rm(this.#path(id), { force: true });
    await rm(`${this.#path(id)}.bak`, { force: true });
  }

  #path(id: string): string {
    if (!/^[\w-]{1,80}$/.test(id)) throw new WorkbenchError('ValidationError', 'bad_id', 'Invalid problem id.');
    return join(this.#dir, `${id}.json`);
  }

  /** Every problem file read once; one that fails never stops the others. */
  async #scan(): Promise<{ id: string; file: RecordFile<ProblemRecord> }[]> {
    const ids = await readRecordNames(this.#dir, 'problems');
    return Promise.all(
      ids.map(async (id) => ({
        id,
        file: await this.#read(id).catch((err: unknown): RecordFile<ProblemRecord> => ({ state: 'unusable', reason: (err as Error).message, keptAs: this.#path(id), setAside: false })),
      })),
    );
  }

  #read(id: string): Promise<RecordFile<ProblemRecord>> {
    const path = this.#path(id);
    return this.#once(id, () => readRecordFile(path, problemFile));
  }
}
