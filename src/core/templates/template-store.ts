import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { errorMessage, WorkbenchError } from '../../shared/api/errors';
import { TemplateSchema, type Template, type TemplateEntry } from '../../shared/templates';
import { writeFileAtomic } from '../storage/atomic-write';
import { builtInTemplates } from './built-in-templates';
import { renderTemplate } from './render-template';

const historyLimit = 20;
/** Largest import accepted; a template set is a few kilobytes. */
export const maxImportBytes = 1024 * 1024;
const exportFormat = 'vibethinker-templates';

/**
 * Templates as one JSON file each in `<data>/templates`, written atomically,
 * with the last 20 saves of each kept in `.history/<id>/` and deleted ones in
 * `.trash/` (so a delete can be undone). Built-ins live in code and are
 * read-only. A file that cannot be read is listed as broken, with the reason.
 */
export class TemplateStore {
  readonly #dir: string;

  constructor(dataDir: string) {
    this.#dir = join(dataDir, 'templates');
  }

  async list(): Promise<TemplateEntry[]> {
    const stored: TemplateEntry[] = [];
    for (const name of (await readdir(this.#dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json')).sort()) {
      const id = name.slice(0, -'.json'.length);
      try {
        const template = TemplateSchema.parse(JSON.parse(await readFile(join(this.#dir, name), 'utf8')));
        stored.push({ id, template, builtIn: false, broken: null });
      } catch (err) {
        stored.push({ id, template: null, builtIn: false, broken: reason(err) });
      }
    }
    return [...builtInTemplates.map((t) => ({ id: t.id, template: t, builtIn: true, broken: null })), ...stored];
  }

  async get(id: string): Promise<Template> {
    const builtIn = builtInTemplates.find((t) => t.id === id);
    if (builtIn) return builtIn;
    try {
      return TemplateSchema.parse(JSON.parse(await readFile(this.#file(id), 'utf8')));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new WorkbenchError('NotFoundError', 'no_template', `No template "${id}".`);
      throw new WorkbenchError('ValidationError', 'broken_template', `Template "${id}" is broken: ${reason(err)}`);
    }
  }

  /** Creates or updates a template; the saved version joins its history. */
  async save(input: Template): Promise<Template> {
    const template = TemplateSchema.parse(input);
    if (builtInTemplates.some((t) => t.id === template.id)) {
      throw new WorkbenchError('ValidationError', 'built_in', `"${template.id}" is a built-in template and cannot be changed; duplicate it instead.`);
    }
    renderTemplate(template); // a variable loop is refused here, before anything is written
    const text = `${JSON.stringify(template, null, 2)}\n`;
    await writeFileAtomic(this.#file(template.id), text);
    const historyDir = join(this.#dir, '.history', template.id);
    await writeFileAtomic(join(historyDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.hrtime.bigint() % 1000000n}.json`), text);
    const versions = (await readdir(historyDir)).sort();
    for (const old of versions.slice(0, Math.max(0, versions.length - historyLimit))) await rm(join(historyDir, old), { force: true });
    return template;
  }

  /** Moves the template to the trash, from where `undoDelete` brings it back. */
  async delete(id: string): Promise<void> {
    if (builtInTemplates.some((t) => t.id === id)) throw new WorkbenchError('ValidationError', 'built_in', 'Built-in templates cannot be deleted.');
    await mkdir(join(this.#dir, '.trash'), { recursive: true });
    await rename(this.#file(id), join(this.#dir, '.trash', `${id}.json`)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') throw new WorkbenchError('NotFoundError', 'no_template', `No template "${id}".`);
      throw err;
    });
  }

  async undoDelete(id: string): Promise<Template> {
    const trashed = join(this.#dir, '.trash', `${id}.json`);
    const template = TemplateSchema.parse(JSON.parse(await readFile(trashed, 'utf8')));
    await writeFileAtomic(this.#file(id), `${JSON.stringify(template, null, 2)}\n`);
    await rm(trashed, { force: true });
    return template;
  }

  /** Saved versions, newest first. */
  async history(id: string): Promise<{ savedAt: string; template: Template }[]> {
    const dir = join(this.#dir, '.history', id);
    const names = (await readdir(dir).catch(() => [] as string[])).sort().reverse();
    const out: { savedAt: string; template: Template }[] = [];
    for (const name of names) {
      try {
        out.push({ savedAt: name.replace(/\.json$/, ''), template: TemplateSchema.parse(JSON.parse(await readFile(join(dir, name), 'utf8'))) });
      } catch {
        // A damaged history entry is skipped; the others remain.
      }
    }
    return out;
  }

  async restore(id: string, savedAt: string): Promise<Template> {
    const version = (await this.history(id)).find((h) => h.savedAt === savedAt);
    if (!version) throw new WorkbenchError('NotFoundError', 'no_version', `No saved version ${savedAt} of "${id}".`);
    return this.save(version.template);
  }

  async exportJson(ids: string[]): Promise<string> {
    const templates = await Promise.all(ids.map((id) => this.get(id)));
    return `${JSON.stringify({ format: exportFormat, version: 1, templates }, null, 2)}\n`;
  }

  /**
   * Imports one template, a list, or an export file. Everything is checked
   * first; if anything is wrong nothing is written and the error lists it all.
   */
  async importJson(text: string): Promise<Template[]> {
    if (Buffer.byteLength(text) > maxImportBytes) throw new WorkbenchError('ValidationError', 'too_large', `The file is larger than ${maxImportBytes / 1024} KB; a template file is far smaller.`);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new WorkbenchError('ValidationError', 'not_json', `Not JSON: ${(err as Error).message}`);
    }
    const items: unknown[] = Array.isArray(raw) ? raw : typeof raw === 'object' && raw !== null && Array.isArray((raw as { templates?: unknown }).templates) ? (raw as { templates: unknown[] }).templates : [raw];
    const existing = new Set((await this.list()).map((e) => e.id));
    const problems: string[] = [];
    const ok: Template[] = [];
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const parsed = TemplateSchema.safeParse(item);
      const label = `template ${i + 1}${typeof (item as { id?: unknown })?.id === 'string' ? ` ("${(item as { id: string }).id}")` : ''}`;
      if (!parsed.success) {
        problems.push(`${label}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'template'} ${issue.message}`).join('; ')}`);
        return;
      }
      if (existing.has(parsed.data.id)) problems.push(`${label}: a template with this id already exists (rename it or delete the existing one)`);
      else if (seen.has(parsed.data.id)) problems.push(`${label}: the id appears twice in the file`);
      else {
        try {
          renderTemplate(parsed.data);
          ok.push(parsed.data);
        } catch (err) {
          problems.push(`${label}: ${(err as Error).message}`);
        }
      }
      seen.add(parsed.data.id);
    });
    if (items.length === 0) problems.push('the file holds no templates');
    if (problems.length > 0) throw new WorkbenchError('ValidationError', 'import_failed', `Nothing was imported. ${problems.join(' | ')}`);
    for (const template of ok) await this.save(template);
    return ok;
  }

  #file(id: string): string {
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) throw new WorkbenchError('ValidationError', 'bad_id', `Invalid template id "${id}".`);
    return join(this.#dir, `${id}.json`);
  }
}

function reason(err: unknown): string {
  if (err instanceof SyntaxError) return `not valid JSON (${err.message})`;
  const issues = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
  if (issues) return issues.map((i) => `${i.path.join('.') || 'template'}: ${i.message}`).join('; ');
  return errorMessage(err);
}
