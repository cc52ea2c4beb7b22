import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TemplateStore } from '../../core/templates/template-store';
import { UsageError, type CliCommand } from '../command';
import { dataDirHelp, dataDirOption, resolveDataDir } from '../common-options';

export const templatesCommand: CliCommand = {
  name: 'templates',
  summary: 'list, export and import prompt templates',
  usage: `Usage: vibe templates list [--json]
       vibe templates export <id> [<id> …] [--out file.json]
       vibe templates import <file.json>

Templates are shared with the desktop app and web mode. An import is all or
nothing: if anything in the file is wrong, nothing is imported and every
problem is listed.

Options:
  --json             list as JSON
  --out <file>       write the export to a file (default: standard output)
${dataDirHelp}`,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...dataDirOption, json: { type: 'boolean' }, out: { type: 'string' } }, strict: true });
    const [sub = 'list', ...rest] = positionals;
    const store = new TemplateStore(resolveDataDir(values['data-dir'], io));
    if (sub === 'list') {
      const entries = await store.list();
      if (values.json) io.out(JSON.stringify(entries, null, 2));
      else
        for (const e of entries) {
          io.out(e.broken ? `${e.id.padEnd(20)} BROKEN: ${e.broken}` : `${e.id.padEnd(20)} ${e.template?.name ?? ''}${e.builtIn ? ' (built-in)' : ''}${e.template?.tags.length ? ` [${e.template.tags.join(', ')}]` : ''}`);
        }
      return 0;
    }
    if (sub === 'export') {
      if (rest.length === 0) throw new UsageError('Name the templates to export, e.g. `vibe templates export cp-python`.');
      const json = await store.exportJson(rest);
      if (values.out) {
        await writeFile(resolve(values.out), json);
        io.out(`Exported ${rest.length} template(s) to ${resolve(values.out)}`);
      } else io.out(json.trimEnd());
      return 0;
    }
    if (sub === 'import') {
      const file = rest[0];
      if (!file) throw new UsageError('Name the file to import.');
      const text = await readFile(resolve(file), 'utf8').catch(() => {
        throw new UsageError(`Cannot read ${file}.`);
      });
      const imported = await store.importJson(text);
      io.out(`Imported ${imported.map((t) => t.id).join(', ')}`);
      return 0;
    }
    throw new UsageError(`Unknown templates command "${sub}"; use list, export or import.`);
  },
};
