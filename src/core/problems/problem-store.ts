import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { WorkbenchError } from '../../shared/api/errors';
import { ProblemRecordSchema, ProblemSchema, type ProblemRecord } from '../../shared/judging';
import { writeFileAtomic } from '../storage/atomic-write';
import { firstIssue, parseJsonFile } from '../storage/file-text';

/** Problems kept as one JSON file each in `<data>/problems`, written atomically. */
export class ProblemStore {
  readonly #dir: string;

  constructor(dataDir: string) {
    this.#dir = join(dataDir, 'problems');
  }

  async list(): Promise<ProblemRecord[]> {
    const names = await readdir(this.#dir).catch(() => [] as string[]);
    const records = await Promise.all(names.filter((n) => n.endsWith('.json')).map((n) => this.#read(join(this.#dir, n))));
    return records.filter((r): r is ProblemRecord => r !== null).sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  }

  async get(id: string): Promise<ProblemRecord> {
    const record = await this.#read(this.#path(id));
    if (!record) throw new WorkbenchError('NotFoundError', 'no_problem', `No problem with id ${id}.`);
    return record;
  }

  /** Adds a problem as Competitive Companion sends it (unknown fields dropped). */
  async import(raw: unknown): Promise<ProblemRecord> {
    const problem = ProblemSchema.parse(raw);
    const record: ProblemRecord = { ...problem, id: `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`, statement: '', importedAt: new Date().toISOString() };
    return this.save(record);
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
    const record = await this.import(parsed.data);
    return typeof statement === 'string' && statement.length <= 200_000 ? this.save({ ...record, statement }) : record;
  }

  async save(record: ProblemRecord): Promise<ProblemRecord> {
    const valid = ProblemRecordSchema.parse(record);
    await mkdir(this.#dir, { recursive: true });
    await writeFileAtomic(this.#path(valid.id), JSON.stringify(valid, null, 2));
    return valid;
  }

  async delete(id: string): Promise<void> {
    await rm(this.#path(id), { force: true });
  }

  #path(id: string): string {
    if (!/^[\w-]{1,80}$/.test(id)) throw new WorkbenchError('ValidationError', 'bad_id', 'Invalid problem id.');
    return join(this.#dir, `${id}.json`);
  }

  async #read(path: string): Promise<ProblemRecord | null> {
    try {
      const parsed = ProblemRecordSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}
