import { WorkbenchError } from '../../shared/api/errors';
import { sessionVersion, SessionSchema, type Session } from '../../shared/sessions';
import { firstIssue } from '../storage/file-text';

/**
 * Brings a session file of any known version to the current one. Version 0
 * (the first drafts, before the field existed) kept the code as `solution`
 * and had no code history; a file from a newer app is refused, not mangled,
 * so opening it in an old version never loses what the new one wrote.
 */
export function migrateSession(raw: unknown, fileName = 'The file'): Session {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new WorkbenchError('ValidationError', 'not_a_session', `${fileName} is not a workbench session.`);
  }
  const data = { ...(raw as Record<string, unknown>) };
  const version = data.version ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new WorkbenchError('ValidationError', 'not_a_session', `${fileName} is not a workbench session (bad "version").`);
  }
  if (version > sessionVersion) {
    throw new WorkbenchError('ValidationError', 'newer_version', `${fileName} was written by a newer VibeThinker Workbench (session version ${version}); update the app to open it.`);
  }
  if (version === 0) {
    if (!('turns' in data) || !('statement' in data)) {
      throw new WorkbenchError('ValidationError', 'not_a_session', `${fileName} is not a workbench session: it has no statement or turns.`);
    }
    data.code = data.code ?? data.solution ?? '';
    delete data.solution;
    data.codeHistory = data.codeHistory ?? [];
    data.lastReport = data.lastReport ?? null;
    data.version = 1;
  }
  const parsed = SessionSchema.safeParse(data);
  if (!parsed.success) {
    throw new WorkbenchError('ValidationError', 'bad_session', `${fileName} is not a usable session: ${firstIssue(parsed.error)}.`);
  }
  return parsed.data;
}
