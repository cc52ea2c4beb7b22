import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SessionStore } from '../../core/sessions/session-store';
import { exportSession, type ExportFormat } from '../../core/sessions/session-service';
import { UsageError, type CliCommand } from '../command';
import { dataDirHelp, dataDirOption, resolveDataDir } from '../common-options';
import { sessionListLines } from './sessions-list';

const formats: Record<string, ExportFormat> = { md: 'markdown', markdown: 'markdown', html: 'html', json: 'json' };

export const sessionsCommand: CliCommand = {
  name: 'sessions',
  summary: 'list and export saved sessions (one per problem)',
  usage: `Usage: vibe sessions list [--search <text>] [--json]
       vibe sessions export <id> [--format md|html|json] [--reasoning] [--out <file>]

Sessions are saved by the desktop app and web mode as you work. An export is
Markdown with the LaTeX intact, a self-contained HTML handout (math rendered,
fonts embedded, works offline and on a phone), or JSON to import elsewhere.

A damaged session file is listed under "Damaged" with the reason and where it
is kept (it is never deleted); one restored from its backup says so under its
line.

Options:
  --search <text>    only sessions whose title or text contains it
  --json             list as JSON: {"sessions": [...], "damaged": [...]}
  --format <f>       md (default), html or json
  --reasoning        include the model's reasoning (left out by default)
  --out <file>       write to a file (default: standard output)
${dataDirHelp}`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { ...dataDirOption, json: { type: 'boolean' }, search: { type: 'string' }, format: { type: 'string' }, reasoning: { type: 'boolean' }, out: { type: 'string' } },
      strict: true,
    });
    const [sub = 'list', ...rest] = positionals;
    const store = new SessionStore(resolveDataDir(values['data-dir'], io));
    if (sub === 'list') {
      const sessions = await store.list(values.search ?? '');
      const damaged = await store.listDamaged();
      if (values.json) io.out(JSON.stringify({ sessions, damaged }, null, 2));
      else for (const line of sessionListLines(sessions, damaged, values.search)) io.out(line);
      return 0;
    }
    if (sub === 'export') {
      const id = rest[0];
      if (!id) throw new UsageError('Name the session to export (see `vibe sessions list`).');
      const format = formats[(values.format ?? 'md').toLowerCase()];
      if (!format) throw new UsageError(`Unknown format "${values.format}"; use md, html or json.`);
      const exported = exportSession(await store.get(id), format, values.reasoning ?? false);
      if (values.out) {
        await writeFile(resolve(values.out), exported.content);
        io.out(`Exported "${id}" to ${resolve(values.out)}`);
      } else io.out(exported.content.trimEnd());
      return 0;
    }
    throw new UsageError(`Unknown sessions command "${sub}"; use list or export.`);
  },
};
