import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultSettings, settingsShape, SettingsSchema, type Settings, type SettingsPatch } from '../../shared/settings';
import { writeFileAtomic } from '../storage/atomic-write';
import type { Logger } from '../logger';

export const settingsFileName = 'settings.json';

/**
 * Settings persisted as JSON in the data directory.
 *
 * Reading is forgiving: a file that is not JSON is moved aside (never deleted)
 * and defaults are used; a field with a bad value falls back to its default
 * while the other fields are kept. Writing is atomic and serialised, so two
 * quick updates never interleave on disk.
 */
export class SettingsStore {
  readonly path: string;
  #current: Settings;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(path: string, initial: Settings) {
    this.path = path;
    this.#current = initial;
  }

  static async open(dataDir: string, log: Logger): Promise<SettingsStore> {
    const path = join(dataDir, settingsFileName);
    return new SettingsStore(path, await readSettingsFile(path, log));
  }

  get(): Settings {
    return { ...this.#current };
  }

  /**
   * Applies an already-validated patch and resolves once it is on disk.
   * Updates queue up: each one starts from the result of the one before it,
   * so quick successive changes never overwrite each other.
   */
  update(patch: SettingsPatch): Promise<Settings> {
    const result = this.#queue.then(async () => {
      const next = SettingsSchema.parse({ ...this.#current, ...patch });
      await writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
      this.#current = next;
      return this.get();
    });
    // Keep the queue alive after a failed write; the caller still sees the error.
    this.#queue = result.catch(() => undefined);
    return result;
  }
}

async function readSettingsFile(path: string, log: Logger): Promise<Settings> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return defaultSettings();
    log.warn(`Could not read ${path} (${(err as Error).message}); using default settings.`);
    return defaultSettings();
  }

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    const aside = await moveAside(path);
    log.warn(`${path} is not valid settings JSON; using defaults. The broken file was kept as ${aside}.`);
    return defaultSettings();
  }
  return salvageFields(raw as Record<string, unknown>, path, log);
}

/** Keeps every valid field, replaces each invalid one with its default. */
function salvageFields(raw: Record<string, unknown>, path: string, log: Logger): Settings {
  const result: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(settingsShape)) {
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success) {
      result[key] = parsed.data;
    } else {
      log.warn(`Setting "${key}" in ${path} is invalid; using its default.`);
      result[key] = schema.parse(undefined);
    }
  }
  return SettingsSchema.parse(result);
}

async function moveAside(path: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const aside = `${path}.broken-${stamp}`;
  try {
    await rename(path, aside);
    return aside;
  } catch {
    return `${path} (could not be moved)`;
  }
}
