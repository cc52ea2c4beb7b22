import { WorkbenchError } from '../../shared/api/errors';
import { emptyProblem, sessionVersion, SessionSchema, titleFromStatement, untitled, type Session } from '../../shared/sessions';
import { firstIssue } from '../storage/file-text';

/**
 * Brings a session file of any known version to the current one. Version 0
 * (the first drafts, before the field existed) kept the code as `solution`
 * and had no code history; version 1 kept the statement and tests beside the
 * turns and knew nothing of follow-ups (see fromVersion1). A file from a
 * newer app is refused, not mangled, so opening it in an old version never
 * loses what the new one wrote.
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
  if (data.version === 1) Object.assign(data, fromVersion1(data));
  const parsed = SessionSchema.safeParse(data);
  if (!parsed.success) {
    throw new WorkbenchError('ValidationError', 'bad_session', `${fileName} is not a usable session: ${firstIssue(parsed.error)}.`);
  }
  return parsed.data;
}

/**
 * Version 1 → 2: the statement and tests become the session's own problem
 * (with the default limits: version 1 kept the limits only in the linked
 * problem, whose id stays as `sourceId`), turns get ids and become the
 * thread (the first a question, later ones follow-ups; what was typed is the
 * prompt that was sent, as version 1 did not keep them apart), code versions
 * get ids. Fields a damaged file lacks are left for the schema to report.
 */
function fromVersion1(data: Record<string, unknown>): Record<string, unknown> {
  const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : []);
  const statement = typeof data.statement === 'string' ? data.statement : '';
  const title = typeof data.title === 'string' ? data.title : untitled;
  const migrated: Record<string, unknown> = {
    version: 2,
    titleEdited: title !== untitled && title !== titleFromStatement(statement),
    problem: { ...emptyProblem, statement, tests: Array.isArray(data.tests) ? data.tests : [], sourceId: typeof data.problemId === 'string' ? data.problemId : null },
    thread: list(data.turns).map((turn, i) => ({
      id: `t${i + 1}`,
      at: turn.at,
      kind: i === 0 ? 'ask' : 'followUp',
      text: turn.prompt,
      prompt: turn.prompt,
      system: null,
      templateId: i === 0 && typeof data.templateId === 'string' ? data.templateId : null,
      sampling: null,
      reasoning: turn.reasoning,
      answer: turn.answer,
      stats: turn.stats ?? null,
      model: turn.model ?? null,
      codeVersion: null,
      error: null,
      droppedTurns: 0,
    })),
    codeHistory: list(data.codeHistory).map((version, i) => ({ id: `c${i + 1}`, at: version.at, code: version.code, source: version.source, turnId: null, report: null })),
  };
  for (const gone of ['statement', 'tests', 'problemId', 'turns']) delete data[gone];
  return migrated;
}
