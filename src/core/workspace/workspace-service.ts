import type { WorkbenchHandlers } from '../../shared/api/contract';
import { errorMessage, WorkbenchError } from '../../shared/api/errors';
import type { AnswerInProgress, SessionChanges } from '../../shared/api/workspace-schemas';
import type { GenerationResult, Sampling } from '../../shared/generation';
import { isCpp, judgingOf, languageLabels, type JudgeReport, type Language, type Problem, type TestResult } from '../../shared/judging';
import type { codeTargets } from '../../shared/api/workspace-schemas';
import type { Template } from '../../shared/templates';
import { extractCode, failureFeedback, sampleTestsText, type CodePick } from '../../shared/prompt-pieces';
import { emptyProblem, sessionVersion, titleFromStatement, untitled, type CodeVersion, type Session, type Turn, type TurnKind } from '../../shared/sessions';
import type { EventHub } from '../api/event-hub';
import type { ProblemStore } from '../problems/problem-store';
import { newSessionId, type SessionStore } from '../sessions/session-store';
import { renderTemplate } from '../templates/render-template';
import type { TemplateStore } from '../templates/template-store';
import { newId } from '../storage/new-id';
import { announcer } from '../api/announce';

export type WorkspaceHandlers = Pick<WorkbenchHandlers, 'createSession' | 'updateSession' | 'forkSession' | 'askSession' | 'answerInProgress' | 'judgeSession'>;

/** An earlier exchange of the conversation, as the model is shown it again. */
export interface HistoryTurn {
  user: string;
  reasoning: string;
  answer: string;
}

/** A generation started for a turn: `started` once it runs (or fails its checks), `finished` with its result. */
export interface StartedGeneration {
  started: Promise<void>;
  finished: Promise<GenerationResult>;
}

export interface WorkspaceDeps {
  sessions: SessionStore;
  problems: ProblemStore;
  templates: TemplateStore;
  events: EventHub;
  /** Starts a generation with an explicit conversation; the usual generation events report its progress. */
  generate(request: { id: string; prompt: string; system: string | null; sampling: Partial<Sampling>; history: HistoryTurn[] }): StartedGeneration;
  judge(code: string, problem: Problem, options: { only?: number[]; language?: Language; onTest: (result: TestResult) => void }): Promise<JudgeReport>;
  /** The name of the model answering now, for the turn's record. */
  modelName(): Promise<string | null>;
}

/** The template a question uses when none is chosen. */
export const defaultTemplateId = 'cp-python';
/** The built-in template Fix with feedback uses unless the user picks another. */
const fixTemplateId = 'fix-feedback';
const maxCodeVersions = 100;


/**
 * The workspace: sessions as core owns them. A session is one problem (its
 * own copy) with the whole conversation about it and the code it produced.
 * Every rule lives here, not in a front door: ids, titles, the prompt sent
 * for each kind of turn (template, history, feedback), which answer code
 * becomes a version, which verdicts belong to which code. Turns are written
 * by core when the answer ends, whether or not the client that asked is
 * still there; changes to one session are applied one at a time.
 */
export class WorkspaceService {
  readonly handlers: WorkspaceHandlers;
  /** The last change queued per session: changes to the same session never interleave. */
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: WorkspaceDeps) {
    // What each answer in progress has written so far, from the same events every window gets.
    deps.events.subscribe((name, payload) => {
      if (name !== 'generationDelta') return;
      const delta = payload as { id: string; reasoning: string; answer: string; completionTokens: number };
      for (const { answer: progress } of this.#inProgress.values()) {
        if (!progress || progress.generationId !== delta.id) continue;
        progress.reasoning += delta.reasoning;
        progress.answer += delta.answer;
        progress.completionTokens = delta.completionTokens;
      }
    });
    this.handlers = {
      createSession: async (input) => this.#changed(await this.create(input ?? {})),
      updateSession: ({ id, changes }) => this.#change(id, (session) => applyChanges(session, changes)),
      forkSession: async ({ id, throughTurn }) => this.#changed(await this.fork(id, throughTurn)),
      askSession: (input) => this.ask(input),
      answerInProgress: async ({ id }) => {
        const entry = this.#inProgress.get(id);
        // Ended (its turn being saved): no longer in progress, or a window would show it running for ever.
        return entry && !entry.ended ? entry.answer : null;
      },
      judgeSession: ({ id, only }) => this.judgeSession(id, only),
    };
  }

  async create(input: { statement?: string; problemId?: string; code?: string }): Promise<Session> {
    const now = new Date().toISOString();
    const problem = { ...emptyProblem, statement: input.statement ?? '' };
    if (input.problemId) {
      const record = await this.deps.problems.get(input.problemId);
      Object.assign(problem, {
        name: record.name,
        statement: input.statement ?? record.statement,
        tests: record.tests,
        timeLimit: record.timeLimit,
        memoryLimit: record.memoryLimit,
        ...(record.url ? { url: record.url } : {}),
        ...judgingOf(record),
        sourceId: record.id,
      });
    }
    const session: Session = {
      version: sessionVersion,
      id: newSessionId(),
      title: titleFromStatement(problem.statement, problem.name),
      titleEdited: false,
      createdAt: now,
      updatedAt: now,
      problem,
      thread: [],
      code: input.code ?? '',
      language: 'python',
      codeHistory: [],
      lastReport: null,
      templateId: null,
      sampling: null,
      model: null,
      solves: [],
    };
    return this.deps.sessions.save(session);
  }

  async fork(id: string, throughTurn?: string): Promise<Session> {
    const source = await this.deps.sessions.get(id);
    const end = throughTurn === undefined ? source.thread.length : source.thread.findIndex((t) => t.id === throughTurn) + 1;
    if (end === 0) throw new WorkbenchError('NotFoundError', 'no_turn', `Session ${id} has no turn ${throughTurn}.`);
    const now = new Date().toISOString();
    return this.deps.sessions.save({ ...source, id: newSessionId(), title: `${source.title} (fork)`, titleEdited: true, createdAt: now, thread: source.thread.slice(0, end) });
  }

  /**
   * Starts a turn: the prompt for its kind, the conversation before it, the
   * template's sampling under the caller's. Resolves once the generation
   * runs; the turn is added to the session when it ends (stopped or not).
   */
  /** Answers being written, by session (one at a time per session), until saved as their turn. */
  readonly #inProgress = new Map<string, { answer: AnswerInProgress | null; ended: boolean; saved: Promise<void> }>();
  /** Turns still being saved after their answer ended: shutting down waits for them (`settle`). */
  readonly #saving = new Set<Promise<void>>();

  /** Resolves once the session's answer in progress (if any) has ended and is saved as its turn. */
  answerSaved(id: string): Promise<void> {
    return this.#inProgress.get(id)?.saved ?? Promise.resolve();
  }

  /** Resolves once every answer that has ended is saved as its turn. */
  async settle(): Promise<void> {
    await Promise.all([...this.#saving]);
  }

  async ask(input: { id: string; kind: TurnKind; text?: string; templateId?: string; sampling?: Partial<Sampling>; testIndex?: number; generationId?: string }): Promise<{ turnId: string; generationId: string; pick: CodePick; target: CodeTarget }> {
    // One answer per session at a time (claimed at once: two asks racing get one refused); the previous
    // turn (its answer may have just ended) and queued edits are saved first, so a follow-up sent the
    // moment an answer ends carries it.
    const previous = this.#inProgress.get(input.id);
    if (previous && !previous.ended) throw new WorkbenchError('UnavailableError', 'busy', 'This session is already answering: wait for it, or stop it.');
    const entry: { answer: AnswerInProgress | null; ended: boolean; saved: Promise<void> } = { answer: null, ended: false, saved: Promise.resolve() };
    this.#inProgress.set(input.id, entry);
    const release = () => {
      if (this.#inProgress.get(input.id) === entry) this.#inProgress.delete(input.id);
    };
    try {
      return await this.#ask(input, entry, previous?.saved);
    } catch (err) {
      release();
      throw err;
    }
  }

  async #ask(
    input: { id: string; kind: TurnKind; text?: string; templateId?: string; sampling?: Partial<Sampling>; testIndex?: number; generationId?: string },
    entry: { answer: AnswerInProgress | null; ended: boolean; saved: Promise<void> },
    previousSaved: Promise<void> | undefined,
  ): Promise<{ turnId: string; generationId: string; pick: CodePick; target: CodeTarget }> {
    await previousSaved;
    await this.#queues.get(input.id)?.catch(() => undefined);
    const session = await this.deps.sessions.get(input.id);
    const turnId = newId('t');
    const generationId = input.generationId ?? newId('g-');
    const prompt = await this.#prompt(session, input);
    // A question on the problem starts the conversation afresh; follow-ups and fixes continue it.
    const history: HistoryTurn[] = input.kind === 'ask' ? [] : session.thread.filter((t) => t.answer !== '' || t.reasoning !== '').map((t) => ({ user: t.prompt, reasoning: t.reasoning, answer: t.answer }));
    const model = await this.deps.modelName();
    const generation = this.deps.generate({ id: generationId, prompt: prompt.user, system: prompt.system, sampling: prompt.sampling, history });
    entry.answer = { turnId, generationId, kind: input.kind, text: prompt.text, pick: prompt.pick, target: prompt.target, reasoning: '', answer: '', completionTokens: 0 };
    const saving = generation.finished
      .then(
        (result) => {
          entry.ended = true;
          return this.#finishTurn(input.id, { turnId, kind: input.kind, text: prompt.text, prompt: prompt.user, system: prompt.system, templateId: prompt.templateId, sampling: prompt.sampling, model, pick: prompt.pick, target: prompt.target }, result).catch((err: unknown) => {
            // A full disk, a folder gone: every window is told, while the answer is still on screen to copy.
            const reason = errorMessage(err);
            this.deps.events.emit('desktopCommand', { command: 'notice', message: `The answer in “${session.title}” could not be saved (${reason}). Copy it before closing the window; then free space and ask again.` });
          });
        },
        () => undefined, // A generation that failed its checks is answered to the caller below.
      )
      .finally(() => {
        if (this.#inProgress.get(input.id) === entry) this.#inProgress.delete(input.id);
      });
    entry.saved = saving;
    this.#saving.add(saving);
    void saving.finally(() => this.#saving.delete(saving));
    await Promise.race([generation.started, generation.finished.then(() => undefined)]);
    return { turnId, generationId, pick: prompt.pick, target: prompt.target };
  }

  /** Judges the session's code on its own tests; the verdicts are kept with the session (and with that code's version). */
  async judgeSession(id: string, only?: number[]): Promise<JudgeReport> {
    const session = await this.deps.sessions.get(id);
    const { problem } = session;
    if (problem.tests.length === 0) throw new WorkbenchError('ValidationError', 'no_tests', 'This problem has no tests yet: add one to run the code.');
    const code = session.code;
    const report = await this.deps.judge(code, { name: problem.name || session.title, tests: problem.tests, timeLimit: problem.timeLimit, memoryLimit: problem.memoryLimit, ...judgingOf(problem) }, {
      ...(only ? { only } : {}),
      language: session.language,
      onTest: (result) => this.deps.events.emit('judgeProgress', { problemId: problem.sourceId ?? '', sessionId: id, result }),
    });
    await this.#change(id, (current) => {
      // The code may have changed while it was judged: then the verdicts belong to the version judged only.
      const codeHistory = current.codeHistory.map((v) => (v.code === code ? { ...v, report } : v));
      return { ...current, codeHistory, lastReport: current.code === code ? report : current.lastReport };
    });
    return report;
  }

  async #prompt(session: Session, input: { kind: TurnKind; text?: string; templateId?: string; sampling?: Partial<Sampling>; testIndex?: number }) {
    if (input.kind === 'ask') {
      const templateId = input.templateId ?? session.templateId ?? defaultTemplateId;
      const template = await this.deps.templates.get(templateId);
      const statement = input.text ?? session.problem.statement;
      if (statement.trim() === '') throw new WorkbenchError('ValidationError', 'empty_question', 'Write the problem or question first.');
      const rendered = renderTemplate(template, { problem: statement, ...languageVariables(session), code: session.code, tests: sampleTestsText(session.problem.tests) });
      return { text: statement, user: rendered.user, system: rendered.system, templateId, sampling: { ...template.sampling, ...input.sampling }, ...codeRoute(template, session) };
    }
    if (input.kind === 'followUp') {
      const text = input.text?.trim() ?? '';
      if (text === '') throw new WorkbenchError('ValidationError', 'empty_question', 'Write the follow-up first.');
      return { text, user: text, system: session.thread[0]?.system ?? null, templateId: null, sampling: { ...session.thread.at(-1)?.sampling, ...input.sampling }, pick: solutionPick(session), target: 'solution' as CodeTarget };
    }
    const report = session.lastReport;
    const failed = report?.tests.find((t) => (input.testIndex === undefined ? t.verdict !== 'AC' : t.index === input.testIndex));
    if (!report || !failed || failed.verdict === 'AC') throw new WorkbenchError('ValidationError', 'nothing_failed', 'Run the tests first: there is no failing test to send back.');
    const feedback = failureFeedback(session.problem.tests[failed.index], failed, languageLabels[session.language]);
    // The fix template (the built-in one, or the user's own chosen in the tests panel) frames the feedback
    // with the problem and the code that failed, as the user edited it.
    const templateId = input.templateId ?? fixTemplateId;
    const template = await this.deps.templates.get(templateId);
    const rendered = renderTemplate(template, { problem: session.problem.statement, ...languageVariables(session), code: session.code, tests: sampleTestsText(session.problem.tests), feedback });
    return { text: feedback, user: rendered.user, system: rendered.system ?? session.thread[0]?.system ?? null, templateId, sampling: { ...template.sampling, ...session.thread.at(-1)?.sampling, ...input.sampling }, ...codeRoute(template, session) };
  }

  async #finishTurn(id: string, turn: Omit<Turn, 'id' | 'at' | 'reasoning' | 'answer' | 'stats' | 'codeVersion' | 'error' | 'droppedTurns'> & { turnId: string; pick: CodePick; target: CodeTarget }, result: GenerationResult): Promise<void> {
    await this.#change(id, (session) => {
      const extracted = extractCode(result.answer, turn.pick);
      // A drafted brute force or generator fills its tab when it is empty; the user's own is never replaced here.
      const draft = turn.target === 'solution' || extracted === null ? null : { language: (turn.pick === 'lastCpp' ? 'cpp17' : 'python') as Language, code: extracted };
      const fillsTab = draft !== null && turn.target !== 'solution' && !session.problem[turn.target]?.code.trim();
      const code = turn.target === 'solution' ? extracted : null;
      const version: CodeVersion | null = code === null ? null : { id: newId('c'), at: new Date().toISOString(), code, source: 'model', turnId: turn.turnId, report: null };
      const added: Turn = {
        id: turn.turnId,
        at: new Date().toISOString(),
        kind: turn.kind,
        text: turn.text,
        prompt: turn.prompt,
        system: turn.system,
        templateId: turn.templateId,
        sampling: turn.sampling,
        reasoning: result.reasoning,
        answer: result.answer,
        stats: result.stats,
        model: turn.model,
        codeVersion: version?.id ?? null,
        error: result.error,
        droppedTurns: result.droppedTurns,
        ...(result.reasoningCut ? { reasoningCut: result.reasoningCut } : {}),
      };
      return {
        ...session,
        ...(fillsTab && turn.target !== 'solution' ? { problem: { ...session.problem, [turn.target]: draft } } : {}),
        thread: [...session.thread, added].slice(-500),
        codeHistory: version ? [...session.codeHistory, version].slice(-maxCodeVersions) : session.codeHistory,
        model: turn.model ?? session.model,
        ...(turn.templateId ? { templateId: turn.templateId } : {}),
      };
    });
  }

  /** Applies a change to a session in its queue (for the other services that write sessions: Solve ×N). */
  change(id: string, change: (session: Session) => Session): Promise<Session> {
    return this.#change(id, change);
  }

  /** Applies `change` to the session's latest saved state, after every change queued before it. */
  #change(id: string, change: (session: Session) => Session): Promise<Session> {
    const previous = this.#queues.get(id) ?? Promise.resolve();
    const next = previous.then(async () => this.#changed(await this.deps.sessions.save(change(await this.deps.sessions.get(id)))));
    const settled = next.catch(() => undefined);
    this.#queues.set(id, settled);
    void settled.then(() => {
      if (this.#queues.get(id) === settled) this.#queues.delete(id);
    });
    return next;
  }

  #changed(session: Session): Session {
    return announcer(this.deps.events, 'sessionsChanged')(session, { id: session.id });
  }
}

type CodeTarget = (typeof codeTargets)[number];

/** `{{language}}` and `{{fence}}`: the editor's language, and its code-block tag. */
function languageVariables(session: Session): { language: string; fence: string } {
  return { language: languageLabels[session.language], fence: isCpp(session.language) ? 'cpp' : 'python' };
}

/** The solution's code block in the editor's language (a follow-up's answer, a Python template's on a C++ session). */
function solutionPick(session: Session): CodePick {
  return isCpp(session.language) ? 'lastCpp' : 'lastPython';
}

/**
 * Which block of the answer a template takes, and where it goes. A template written for any language (its
 * code blocks tagged `{{fence}}`, as Fix with feedback's) takes the block of the editor's language.
 */
function codeRoute(template: Template, session: Session): { pick: CodePick; target: CodeTarget } {
  const followsEditor = template.sendToEditor === 'lastPython' && template.target === 'solution' && template.body.includes('{{fence}}');
  const pick = followsEditor ? solutionPick(session) : template.sendToEditor;
  return { pick, target: template.target };
}

/** The rules of an edit: what the user changed, and what follows from it. */
export function applyChanges(session: Session, changes: SessionChanges): Session {
  const problem = { ...session.problem };
  if (changes.statement !== undefined) problem.statement = changes.statement;
  if (changes.name !== undefined) problem.name = changes.name;
  if (changes.tests !== undefined) problem.tests = changes.tests;
  if (changes.timeLimit !== undefined) problem.timeLimit = changes.timeLimit;
  if (changes.memoryLimit !== undefined) problem.memoryLimit = changes.memoryLimit;
  if (changes.comparison !== undefined) {
    if (changes.comparison === null) delete problem.comparison;
    else problem.comparison = changes.comparison;
  }
  for (const key of ['checker', 'interactor', 'brute', 'generator'] as const) {
    const value = changes[key];
    if (value === null) delete problem[key];
    else if (value !== undefined) (problem as Record<string, unknown>)[key] = value;
  }
  if (changes.interactive !== undefined) problem.interactive = changes.interactive;
  if (changes.inputFile !== undefined) problem.input = changes.inputFile ? { type: 'file', fileName: changes.inputFile } : { type: 'stdin' };
  if (changes.outputFile !== undefined) problem.output = changes.outputFile ? { type: 'file', fileName: changes.outputFile } : { type: 'stdout' };
  const next: Session = { ...session, problem };
  if (changes.language !== undefined) next.language = changes.language;
  if (changes.title !== undefined) {
    next.title = changes.title.trim() || untitled;
    next.titleEdited = changes.title.trim() !== '';
  } else if (!session.titleEdited) next.title = titleFromStatement(problem.statement, problem.name);
  if (changes.templateId !== undefined) next.templateId = changes.templateId;
  if (changes.sampling !== undefined) next.sampling = changes.sampling;
  if (changes.code !== undefined && changes.code !== session.code) {
    next.code = changes.code;
    // Text the app replaces (an answer's code, an opened file), and code another window saved after
    // this edit's base, is kept as a version, so it can come back: two windows never silently lose one's code.
    const otherWindow = changes.codeBase !== undefined && changes.codeBase !== session.code;
    const replacing = ((changes.codeSource ?? 'user') !== 'user' || otherWindow) && session.code.trim() !== '' && !session.codeHistory.some((v) => v.code === session.code);
    if (replacing) next.codeHistory = [...session.codeHistory, { id: newId('c'), at: new Date().toISOString(), code: session.code, source: 'user' as const, turnId: null, report: session.lastReport }].slice(-maxCodeVersions);
  }
  // Verdicts belong to the tests and the code they were given. New tests or limits: none are current.
  // Other code: those of that code, if it was judged before (on these same tests).
  // (The brute force and the generator do not judge: changing them keeps the verdicts.)
  const problemChanged = (['tests', 'timeLimit', 'memoryLimit', 'comparison', 'checker', 'interactor', 'interactive', 'inputFile', 'outputFile', 'language'] as const).some((key) => changes[key] !== undefined);
  if (problemChanged) next.lastReport = null;
  else if (next.code !== session.code) next.lastReport = next.codeHistory.find((v) => v.code === next.code)?.report ?? null;
  return next;
}
