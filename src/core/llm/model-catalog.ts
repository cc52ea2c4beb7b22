import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { WorkbenchError } from '../../shared/api/errors';
import type { Catalog, DownloadState, ModelFileInfo } from '../../shared/models';
import { writeFileAtomic } from '../storage/atomic-write';
import { builtinModels, parseHfUri } from './builtin-models';
import { inspectGguf } from './gguf-inspector';

/**
 * The models the user can load: every `.gguf` in the models folder (and, in
 * development, the repository's models/), files the user opened from
 * elsewhere (remembered in `opened-models.json`), and the built-in downloads.
 */
export class ModelCatalog {
  readonly #openedFile: string;

  constructor(
    readonly modelsDir: string,
    private readonly extraDirs: readonly string[],
    dataDir: string,
  ) {
    this.#openedFile = join(dataDir, 'opened-models.json');
  }

  async list(downloadState: (id: string) => DownloadState | null): Promise<Catalog> {
    const paths = new Set<string>();
    for (const dir of [this.modelsDir, ...this.extraDirs]) {
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        if (name.toLowerCase().endsWith('.gguf')) paths.add(join(dir, name));
      }
    }
    for (const path of await this.#opened()) paths.add(path);
    const models = await Promise.all([...paths].sort().map((p) => inspectGguf(p)));
    const downloads = builtinModels.map((entry) => {
      const file = parseHfUri(entry.uri)?.file.split('/').pop() ?? '';
      const installed = models.find((m) => m.fileName.toLowerCase() === file.toLowerCase() && m.problem === null);
      return {
        id: entry.id,
        label: entry.label,
        quantization: entry.quantization,
        uri: entry.uri,
        fileName: file,
        approxBytes: entry.approxBytes,
        recommended: entry.recommended,
        installedPath: installed?.path ?? null,
        download: downloadState(entry.id),
      };
    });
    return { modelsDir: this.modelsDir, models, downloads };
  }

  /** Checks a file and remembers it; a file that cannot be used is refused with the reason. */
  async open(path: string): Promise<ModelFileInfo> {
    const absolute = resolve(path);
    const info = await inspectGguf(absolute);
    if (info.problem) throw new WorkbenchError('ValidationError', 'unusable_model', `${info.fileName}: ${info.problem}`);
    const opened = await this.#opened();
    if (!opened.includes(absolute)) await writeFileAtomic(this.#openedFile, JSON.stringify([...opened, absolute], null, 2));
    return info;
  }

  async #opened(): Promise<string[]> {
    if (!existsSync(this.#openedFile)) return [];
    try {
      const list = JSON.parse(await readFile(this.#openedFile, 'utf8')) as unknown;
      return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
    } catch {
      // A damaged list only forgets opened files; the files themselves are untouched.
      return [];
    }
  }
}
