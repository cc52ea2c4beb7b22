import type { SessionChanges } from '../../../shared/api/workspace-schemas';
import type { Sampling } from '../../../shared/generation';
import type { JudgeReport, TestCase, TestResult } from '../../../shared/judging';
import type { Session, TurnKind } from '../../../shared/sessions';
import type { FixProgress } from '../../../shared/fix-loop';
import type { SolveCandidate, SolveRecord } from '../../../shared/solve';
import { extractCode, type CodePick } from '../../../shared/prompt-pieces';
import type { WorkbenchClient } from '../api/workbench-client';
import { newGenerationId, runningView, withDelta, withResult, type AnswerView } from './live-answer';
import { errorMessage } from '../../../shared/api/errors';
import { documentLanguage } from '../i18n/document-language';
import { translate, type MessageArgs, type MessageKey } from '../i18n/translate';

/** A text of the store's own (notices, errors it makes up), in the interface language: a store is not a component, so it reads `<html lang>`. */
function say<K extends MessageKey>(key: K, ...args: MessageArgs<K>): string {
  return translate(documentLanguage(), key, ...args);
}

/** The Monaco editor as the store sees it (see editor-bridge.ts). */
export interface EditorPort {
  open(code: string): void;
  /** Replaces an untouched editor, else offers the code; says which. */
  propose(code: string): 'loaded' | 'offered';
  getCode(): string;
  onChange(listener: (code: string, origin: 'user' | 'app') => void): () => void;
}

/** An answer being generated for a session, before core saves it as a turn. */
export interface LiveTurn {
  sessionId: string;
  generationId: string;
  turnId: string | null;
  kind: TurnKind;
  text: string;
  view: AnswerView;
  /** Which code block of the answer is its code (known once askSession returns). */
  pick: CodePick | null;
  /** Where the answer's code goes: the solution (the editor), or the brute force or generator tab (core fills those). */
  target?: 'solution' | 'brute' | 'generator';
  /** The answer's code was offered to the editor (once, the moment both the answer and `pick` are there). */
  codeOffered: boolean;
  /** The server run that writes it (web mode): after a restart, that run and the answer are gone. */
  instance: string | null;
  /** Picked up mid-answer (`answerInProgress`): the tokens its text already held, so earlier deltas are not added twice. */
  resumedAt?: number;
  /** Answer now was accepted: the reasoning is being closed, so it is not offered again. */
  answerNowAsked?: boolean;
}

export interface Notice {
  message: string;
  /** A session the notice offers to open. */
  openSession?: string;
  /** Code the notice offers to show in the editor (another window's, kept as a version). */
  offerCode?: string;
}

export interface WorkspaceState {
  /** The open session as core last saved it; null for a new one nothing has been written to yet. */
  session: Session | null;
  /** Edits not yet saved, shown on top of `session`. */
  pending: SessionChanges;
  saveState: 'saved' | 'saving' | 'failed';
  live: LiveTurn | null;
  judging: { progress: TestResult[] } | null;
  custom: { running: boolean; result: TestResult | null } | null;
  notice: Notice | null;
  error: string | null;
  /** The session whose answer is being written now, if it is not the open one (one answer at a time). */
  busyElsewhere: string | null;
  /** A Solve ×N run of the open session, live (its saved runs are in `session.solves`). */
  solving: SolveView | null;
  /** Fix until accepted on the open session: where it is, or how it ended (until the next one). */
  fixing: FixView | null;
}

export interface FixView {
  sessionId: string;
  /** The latest progress core sent (null until the first arrives). */
  progress: FixProgress | null;
  /** The call itself was refused. */
  error: string | null;
}

export interface SolveView {
  sessionId: string;
  solveId: string;
  samples: number;
  /** Tokens written so far by each answer. */
  tokens: number[];
  /** Answers graded so far, in the order they ended. */
  candidates: SolveCandidate[];
  /** The saved run, once it ended. */
  record: SolveRecord | null;
  error: string | null;
}

/** Saves follow typing within this long; a stream of changes is still saved at least this often. */
export const saveDelayMs = 400;
export const maxSaveDelayMs = 1000;

const initial: WorkspaceState = { session: null, pending: {}, saveState: 'saved', live: null, judging: null, custom: null, notice: null, error: null, busyElsewhere: null, solving: null, fixing: null };

/**
 * The renderer's one store for the workspace: the open session (as core
 * saved it, plus edits on their way), the answer streaming for it, judging.
 * Core owns every rule (ids, titles, prompts, turns, verdicts); this only
 * sends what the user did and shows what core answers. Views read it through
 * hooks (use-workspace.ts) and call its actions; nothing else holds this state.
 */
export class WorkspaceStore {
  #state = initial;
  readonly #listeners = new Set<() => void>();
  /** Solve ×N runs by session, the latest of each (live until its record arrives). */
  readonly #solves = new Map<string, SolveView>();
  /** Solve ×N calls sent and not answered yet. */
  readonly #asking = new Set<string>();
  /** Solve ×N runs whose record or error this window has seen. */
  readonly #solvesEnded = new Set<string>();
  /** Sessions whose running Solve ×N is being asked for. */
  readonly #resyncing = new Set<string>();
  /** Fix until accepted by session, the latest of each. */
  readonly #fixes = new Map<string, FixView>();
  /** Answers in progress by session, so switching sessions never loses or misplaces one. */
  readonly #lives = new Map<string, LiveTurn>();
  #saveTimer: ReturnType<typeof setTimeout> | null = null;
  #firstPendingAt: number | null = null;
  #saving: Promise<void> = Promise.resolve();
  /** Set while the store itself puts code in the editor (that change is not the user's typing). */
  #settingEditor: 'model' | 'file' | 'open' | null = null;
  /** Code offered to the editor (the user had edits): accepting it later is the model's or the file's change. */
  #offered: { code: string; source: 'model' | 'file' } | null = null;
  /** The saved code the editor's text was made from (null: the session's, as last read); see `refresh`. */
  #editorBase: string | null = null;
  /** Code of answers that ended in a session that was not open, by session, until it is opened. */
  readonly #codeWaiting = new Map<string, string>();
  #refreshing: Promise<void> | null = null;
  #refreshAgain = false;
  readonly #off: (() => void)[] = [];

  constructor(
    private readonly client: WorkbenchClient,
    private readonly editor: EditorPort,
    private readonly starterCode: string,
  ) {
    this.#off.push(
      editor.onChange((code, origin) => {
        if (this.#settingEditor === 'open') return;
        const accepted = origin === 'app' && this.#offered?.code === code ? this.#offered.source : null;
        const source = origin === 'app' ? (this.#settingEditor ?? accepted ?? 'user') : 'user';
        this.edit({ code: code === starterCode && !this.#state.session ? '' : code, ...(source === 'user' ? {} : { codeSource: source }) });
      }),
      client.on('generationDelta', (d) => this.#updateLive(d.id, (view, live) => (live.resumedAt !== undefined && d.completionTokens <= live.resumedAt ? view : withDelta(view, d)))),
      client.on('generationFinished', (r) => this.#updateLive(r.id, (view) => withResult(view, r))),
      client.on('repetitionDetected', (e) => this.#updateLive(e.id, (view) => ({ ...view, repetition: { period: e.period, stopped: e.stopped } }))),
      client.on('sessionsChanged', ({ id }) => {
        if (id && id === this.#state.session?.id) void this.refresh();
        else if (id && this.#lives.has(id)) void this.#settleLive(id);
        // No id: anything may have changed (a reconnect's resync): every answer in progress is checked.
        else if (!id) for (const sessionId of this.#lives.keys()) void this.#settleLive(sessionId);
      }),
      client.on('judgeProgress', ({ sessionId, result }) => {
        const judging = this.#state.judging;
        if (judging && sessionId === this.#state.session?.id) this.#set({ judging: { progress: [...judging.progress.filter((r) => r.index !== result.index), result] } });
      }),
      client.on('problemImported', ({ sessionIds }) => void this.#imported(sessionIds)),
      // Any window's loop on this session (core runs one per session): a second tab shows it too.
      client.on('fixProgress', (progress) => {
        this.#showFix({ sessionId: progress.sessionId, progress, error: null });
        if (this.#state.session?.id !== progress.sessionId) return;
        // Each round's answer streams in the thread like any other.
        if (progress.phase === 'answering') {
          // The previous round's answer, ended, may not be settled yet: it is saved, the new one takes its place.
          if (this.#lives.get(progress.sessionId)?.view.running === false) this.#lives.delete(progress.sessionId);
          void this.#resume(progress.sessionId);
        }
      }),
      client.on('solveUpdate', (update) => {
        // Kept per session: a run goes on while another session is open, and is there on coming back.
        // Runs whose end this window has seen: a snapshot asked for earlier (HTTP) that lands after
        // the end (WebSocket) must not bring them back as running.
        if (update.record || update.error) this.#solvesEnded.add(update.solveId);
        const solving = this.#solves.get(update.sessionId);
        if (!solving || solving.solveId !== update.solveId) {
          if (update.record) {
            // The end of a run this window had not taken up: shown as that run, ended.
            const ended: SolveView = { sessionId: update.sessionId, solveId: update.solveId, samples: update.samples, tokens: [], candidates: update.record.candidates, record: update.record, error: null };
            this.#solves.set(update.sessionId, ended);
            if (this.#state.session?.id === update.sessionId) this.#set({ solving: ended });
            return;
          }
          // A run another window started (this window's own runs are known before they start): taken up.
          const idle = !solving || solving.record !== null || solving.error !== null;
          if (idle && !update.error && !this.#resyncing.has(update.sessionId)) {
            this.#resyncing.add(update.sessionId);
            void this.#resyncSolve(update.sessionId).finally(() => this.#resyncing.delete(update.sessionId));
          }
          return;
        }
        const next: SolveView = {
          ...solving,
          tokens: update.tokens ?? solving.tokens,
          candidates: update.candidate ? [...solving.candidates.filter((c) => c.index !== update.candidate?.index), update.candidate] : solving.candidates,
          record: update.record ?? solving.record,
          error: update.error ?? solving.error,
        };
        this.#solves.set(update.sessionId, next);
        if (this.#state.session?.id === update.sessionId) this.#set({ solving: next });
        // The best code goes to the editor when the run ends: replacing it when the user has no edits there, offered otherwise.
        const best = update.record?.candidates.find((c) => c.index === update.record?.best);
        if (best?.code && this.#state.session?.id === update.sessionId) this.#putInEditor('model', best.code, 'propose');
      }),
    );
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  getState = (): WorkspaceState => this.#state;

  dispose(): void {
    for (const off of this.#off) off();
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
  }

  /** Opens a saved session (what is pending for the current one is saved first). */
  async open(id: string): Promise<Session> {
    await this.flush();
    const session = await this.client.getSession({ id });
    this.#set({ session, pending: {}, saveState: 'saved', live: this.#lives.get(id) ?? null, judging: null, custom: null, error: null, solving: this.#solves.get(id) ?? null, fixing: this.#fixes.get(id) ?? null });
    this.#putInEditor('open', session.code || this.starterCode);
    this.#editorBase = session.code;
    // An answer that ended while another session was open: its code is offered now, in its own session.
    const waiting = this.#codeWaiting.get(id);
    this.#codeWaiting.delete(id);
    if (waiting) this.#putInEditor('model', waiting, 'propose');
    if (!this.#lives.has(id)) await this.#resume(id);
    await Promise.all([this.#resyncFix(id), this.#resyncSolve(id)]);
    return session;
  }

  /**
   * An answer the server is writing for this session that this window did not
   * start (a reload, another window, a tab opened later): shown from what it
   * has written so far, then streamed on like one of ours.
   */
  async #resume(id: string): Promise<void> {
    const progress = await this.client.answerInProgress({ id }).catch(() => null);
    if (!progress || this.#lives.has(id) || this.#state.session?.id !== id || this.#state.session.thread.some((t) => t.id === progress.turnId)) return;
    const view = withDelta(runningView(progress.generationId), progress);
    const live: LiveTurn = { sessionId: id, generationId: progress.generationId, turnId: progress.turnId, kind: progress.kind, text: progress.text, view, pick: progress.pick, target: progress.target, codeOffered: false, instance: this.#instance(), resumedAt: progress.completionTokens };
    this.#lives.set(id, live);
    this.#set({ live });
    // It may have ended (and been saved) while this was asked.
    void this.#settleLive(id);
  }

  /** A new, empty session: nothing of the previous one carries over; it is written on its first edit. */
  async startNew(changes: SessionChanges = {}): Promise<void> {
    await this.flush();
    this.#set({ session: null, pending: {}, saveState: 'saved', live: null, judging: null, custom: null, error: null, solving: null, fixing: null });
    this.#putInEditor('open', this.starterCode);
    this.#editorBase = null;
    if (Object.keys(changes).length > 0) {
      this.edit(changes);
      await this.flush();
    }
  }

  /** What the user changed; saved in the background, debounced. */
  edit(changes: SessionChanges): void {
    this.#set({ pending: { ...this.#state.pending, ...changes }, saveState: 'saving' });
    this.#firstPendingAt ??= Date.now();
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    const wait = Math.max(0, Math.min(saveDelayMs, this.#firstPendingAt + maxSaveDelayMs - Date.now()));
    this.#saveTimer = setTimeout(() => void this.flush().catch(() => undefined), wait);
  }

  /**
   * Saves what is pending now (creating the session if this is its first edit, or if `create`);
   * resolves when it is saved.
   */
  flush(options: { create?: boolean } = {}): Promise<void> {
    if (this.#saveTimer) clearTimeout(this.#saveTimer);
    this.#saveTimer = null;
    this.#firstPendingAt = null;
    this.#saving = this.#saving.then(() => this.#save(options.create === true));
    return this.#saving;
  }

  async #save(create: boolean): Promise<void> {
    const sending = this.#state.pending;
    if (Object.keys(sending).length === 0 && !(create && !this.#state.session)) return;
    // What is on its way stays in `pending` (shown on top of the session) until core answers: cleared
    // now, the statement box would show the older text for a round trip, and a key typed then would
    // land on that older text (and the buttons would be disabled under the pointer).
    const baseBefore = this.#editorBase;
    let base = this.#state.session;
    try {
      base ??= await this.client.createSession(undefined);
      // The code this edit was made on: if another window saved other code since, core keeps theirs.
      const changes = sending.code !== undefined ? { ...sending, codeBase: this.#editorBase ?? base.code } : sending;
      // Set before the answer comes: a refresh that reads this very save first must not look like another window's.
      if (sending.code !== undefined) this.#editorBase = sending.code;
      const saved = await this.client.updateSession({ id: base.id, changes });
      // Another session was opened meanwhile: this one is saved, and nothing of the open one is touched.
      if (this.#state.session && this.#state.session.id !== saved.id) return;
      // Only what was saved leaves `pending`: a field changed again meanwhile stays, on top of what came back
      // (and code that stays keeps its source with it).
      const sent = sending as Record<string, unknown>;
      const rest = Object.fromEntries(Object.entries(this.#state.pending).filter(([key, value]) => sent[key] !== value)) as SessionChanges;
      if (rest.code !== undefined && this.#state.pending.codeSource !== undefined) rest.codeSource = this.#state.pending.codeSource;
      this.#set({ session: saved, pending: rest, saveState: Object.keys(rest).length > 0 ? 'saving' : 'saved', error: null });
    } catch (err) {
      if (this.#state.session && base && this.#state.session.id !== base.id) return;
      this.#editorBase = baseBefore;
      // Nothing left `pending`: it is all sent again by the next save (to the session created here, if one was).
      this.#set({ ...(base && !this.#state.session ? { session: base } : {}), saveState: 'failed', error: say('store.notSaved', { error: errorMessage(err) }) });
    }
  }

  /** Starts a turn: the question (through the template), a follow-up, or Fix with feedback. */
  /** Resolves true when the turn started, false when it was refused (the reason shows in the thread). */
  async ask(kind: TurnKind, options: { text?: string; templateId?: string; sampling?: Partial<Sampling>; testIndex?: number } = {}): Promise<boolean> {
    if (kind === 'ask' && options.templateId) this.edit({ templateId: options.templateId, ...(options.sampling ? { sampling: options.sampling } : {}) });
    await this.flush({ create: true });
    const session = this.#state.session;
    if (!session) throw new Error(this.#state.error ?? say('store.couldNotSave'));
    const generationId = newGenerationId();
    const live: LiveTurn = { sessionId: session.id, generationId, turnId: null, kind, text: options.text ?? (kind === 'ask' ? session.problem.statement : ''), view: runningView(generationId), pick: null, codeOffered: false, instance: this.#instance() };
    this.#lives.set(session.id, live);
    this.#set({ live });
    try {
      const { turnId, pick, target } = await this.client.askSession({ id: session.id, kind, generationId, ...options });
      this.#replaceLive(session.id, (l) => ({ ...l, turnId, pick, target }));
      // A short answer may have ended (and been saved) before this call returned.
      this.#offerAnswerCode(session.id);
      void this.#settleLive(session.id);
      return true;
    } catch (err) {
      this.#replaceLive(session.id, (l) => ({ ...l, view: { ...l.view, running: false, error: errorMessage(err) } }));
      return false;
    }
  }

  stop(): void {
    const live = this.#state.live;
    if (live?.view.running) void this.client.stopGeneration({ id: live.generationId }).catch(() => undefined);
  }

  /** Solve ×N: `samples` answers at once to the open session's problem (saved first), graded as they end. */
  async solve(samples: number, options: { templateId?: string; sampling?: Partial<Sampling>; stopWhenAccepted?: boolean } = {}): Promise<void> {
    if (options.templateId) this.edit({ templateId: options.templateId, ...(options.sampling ? { sampling: options.sampling } : {}) });
    await this.flush({ create: true });
    const session = this.#state.session;
    if (!session) throw new Error(this.#state.error ?? say('store.couldNotSave'));
    const solveId = `s${newGenerationId()}`.slice(0, 80);
    const view: SolveView = { sessionId: session.id, solveId, samples, tokens: Array.from({ length: samples }, () => 0), candidates: [], record: null, error: null };
    this.#solves.set(session.id, view);
    this.#set({ solving: view });
    this.#asking.add(solveId);
    try {
      await this.client.solveSession({ id: session.id, samples, solveId, ...options });
    } catch (err) {
      const solving = this.#solves.get(session.id);
      if (solving?.solveId !== solveId) return;
      const failed = { ...solving, error: errorMessage(err) };
      this.#solves.set(session.id, failed);
      if (this.#state.session?.id === session.id) this.#set({ solving: failed });
    } finally {
      this.#asking.delete(solveId);
    }
  }

  /** Fix until accepted: judge, then up to `rounds` fix turns, each judged, until every test passes (core runs it). */
  async fixUntilAccepted(rounds: number, templateId?: string): Promise<void> {
    await this.flush();
    const session = this.#state.session;
    if (!session) return;
    try {
      await this.client.fixUntilAccepted({ id: session.id, rounds, ...(templateId ? { templateId } : {}) });
    } catch (err) {
      // Refused: a loop already runs (another window's) is shown as it is; any other reason is said.
      const running = await this.client.fixInProgress({ id: session.id }).catch(() => null);
      this.#showFix({ sessionId: session.id, progress: running, error: running ? null : errorMessage(err) });
    }
  }

  stopFix(): void {
    const fixing = this.#state.fixing;
    const loopId = fixing?.progress?.loopId;
    if (!fixing || !loopId || fixing.progress?.phase === 'ended') return;
    void this.client.stopFix({ loopId }).then(
      // Core has no such loop (it ended while this window was away): shown as ended, not running for ever.
      ({ stopped }) => stopped || this.#showFix({ ...fixing, progress: fixing.progress && { ...fixing.progress, phase: 'ended', end: 'stopped', message: say('fix.ended') } }),
      () => undefined,
    );
  }

  /** What core says of the session's loop (a window opened, or back, mid-loop). */
  async #resyncFix(sessionId: string): Promise<void> {
    const running = await this.client.fixInProgress({ id: sessionId }).catch(() => undefined);
    if (running === undefined) return;
    const known = this.#fixes.get(sessionId);
    if (running) this.#showFix({ sessionId, progress: running, error: null });
    // It ended while this window was not told: not shown as running any more.
    else if (known?.progress && known.progress.phase !== 'ended') this.#showFix({ ...known, progress: { ...known.progress, phase: 'ended', end: 'stopped', message: say('fix.endedAway') } });
  }

  #showFix(view: FixView): void {
    this.#fixes.set(view.sessionId, view);
    if (this.#state.session?.id === view.sessionId) this.#set({ fixing: view });
  }

  /**
   * A Solve ×N this window did not see all of (started elsewhere, or before a
   * reload or a reconnect): taken up from where core says it stands, then
   * followed by its updates; one that ended meanwhile shows its saved record.
   */
  async #resyncSolve(sessionId: string): Promise<void> {
    const running = await this.client.solveInProgress({ id: sessionId }).catch(() => undefined);
    if (running === undefined) return;
    const known = this.#solves.get(sessionId);
    // This window's own call is still on its way: core may not have registered the run yet.
    if (known && this.#asking.has(known.solveId)) return;
    let next: SolveView | null = null;
    if (running && !this.#solvesEnded.has(running.solveId)) {
      const same = known?.solveId === running.solveId ? known : null;
      next = { sessionId, solveId: running.solveId, samples: running.samples, tokens: running.tokens, candidates: running.candidates.length >= (same?.candidates.length ?? 0) ? running.candidates : (same?.candidates ?? []), record: null, error: null };
    } else if (known && !known.record && !known.error) {
      // Read again: the session this window holds may be older than the record's save.
      const session = await this.client.getSession({ id: sessionId }).catch(() => null);
      const record = session?.solves.find((r) => r.id === known.solveId) ?? null;
      // Its end arrived meanwhile: nothing to correct.
      if (this.#solves.get(sessionId)?.record) return;
      next = { ...known, record, error: record ? null : say('store.solveEndedAway') };
    }
    if (!next) return;
    this.#solves.set(sessionId, next);
    if (this.#state.session?.id === sessionId) this.#set({ solving: next });
  }

  stopSolve(): void {
    const solving = this.#state.solving;
    if (solving && !solving.record && !solving.error) void this.client.stopSolve({ solveId: solving.solveId }).catch(() => undefined);
  }

  /** Closes the running answer's reasoning so the model answers now; says why when it cannot. */
  async answerNow(): Promise<void> {
    const live = this.#state.live;
    if (!live?.view.running) return;
    try {
      const { done, reason } = await this.client.answerNow({ id: live.generationId });
      if (done) this.#replaceLive(live.sessionId, (l) => (l.generationId === live.generationId ? { ...l, answerNowAsked: true } : l));
      else if (reason) this.#set({ notice: { message: reason } });
    } catch (err) {
      this.#set({ notice: { message: errorMessage(err) } });
    }
  }

  /** Clears a failed answer (it never became a turn). */
  dismissLive(): void {
    const session = this.#state.session;
    if (session) this.#lives.delete(session.id);
    this.#set({ live: null });
  }

  async judge(only?: number[]): Promise<JudgeReport | null> {
    await this.flush();
    const session = this.#state.session;
    if (!session) return null;
    this.#set({ judging: { progress: [] }, error: null });
    try {
      const report = await this.client.judgeSession({ id: session.id, ...(only ? { only } : {}) });
      if (this.#state.session?.id === session.id) await this.refresh();
      return report;
    } catch (err) {
      this.#set({ error: errorMessage(err) });
      return null;
    } finally {
      this.#set({ judging: null });
    }
  }

  async runCustom(input: string): Promise<void> {
    const problem = this.#state.session?.problem;
    this.#set({ custom: { running: true, result: this.#state.custom?.result ?? null } });
    try {
      const language = this.#state.pending.language ?? this.#state.session?.language ?? 'python';
      const report = await this.client.runCustom({ code: this.editor.getCode(), input, language, ...(problem ? { timeLimit: problem.timeLimit, memoryLimit: problem.memoryLimit } : {}) });
      this.#set({ custom: { running: false, result: report.tests[0] ?? null } });
    } catch (err) {
      this.#set({ custom: null, error: errorMessage(err) });
    }
  }

  /** A saved problem (Competitive Companion, a file) becomes a session of its own. */
  async openProblem(problemId: string): Promise<void> {
    await this.flush();
    const created = await this.client.createSession({ problemId });
    await this.open(created.id);
  }

  /** Code from a file: offered like an answer's (it never overwrites edits without asking). */
  offerCode(code: string, source: 'model' | 'file'): void {
    this.#putInEditor(source, code, 'propose');
  }

  /** The saved state again (another tab or core changed it); pending edits stay on top. */
  refresh(): Promise<void> {
    // Changes in a burst (autosaves, a turn) make one fetch at a time, and one more after it if needed.
    if (this.#refreshing) {
      this.#refreshAgain = true;
      return this.#refreshing;
    }
    this.#refreshing = (async () => {
      do {
        this.#refreshAgain = false;
        const current = this.#state.session;
        if (!current) return;
        const session = await this.client.getSession({ id: current.id }).catch(() => null);
        // An answer to an older request never replaces a newer save.
        const mine = this.#state.session;
        if (session && mine?.id === session.id && session.updatedAt >= mine.updatedAt) {
          this.#set({ session });
          this.#codeFromElsewhere(session.code);
        }
        await this.#settleLive(current.id);
      } while (this.#refreshAgain);
    })().finally(() => (this.#refreshing = null));
    return this.#refreshing;
  }

  /**
   * The connection is back: what was typed meanwhile is saved, the session read
   * again, and answers whose server run has ended (it restarted) stop being
   * shown as running: what had streamed stays in view, marked as cut off.
   */
  async reconnected(): Promise<void> {
    await this.flush();
    // An error of the time the server was away (a save, a judging) is stale once it is back; a save
    // that still fails says so again.
    if (this.#state.error && this.#state.saveState !== 'failed') this.#set({ error: null });
    await this.refresh();
    if (this.#state.session) await Promise.all([this.#resyncFix(this.#state.session.id), this.#resyncSolve(this.#state.session.id)]);
    const now = this.#instance();
    for (const [sessionId, live] of this.#lives) {
      if (!live.view.running || !live.instance || !now || live.instance === now) continue;
      await this.#settleLive(sessionId);
      if (!this.#lives.has(sessionId)) continue;
      this.#replaceLive(sessionId, (l) => ({ ...l, view: { ...l.view, running: false, error: say('store.serverRestarted') } }));
    }
  }

  #instance(): string | null {
    return this.client.transport.connectionDetail?.instance ?? null;
  }

  /**
   * The saved code changed under this window (another window, or a tab of the
   * same session, saved it). An editor with nothing unsaved shows it; one with
   * edits of its own keeps them, says so, and offers theirs (core keeps theirs
   * as a version when this window's edit is saved on top).
   */
  #codeFromElsewhere(code: string): void {
    const base = this.#editorBase;
    if (base === null || code === base || this.#state.notice?.offerCode === code) return;
    // The editor already holds it (this window put the same code there: an answer's, on its way): nothing to offer.
    if (code === this.editor.getCode()) {
      this.#editorBase = code;
      return;
    }
    const unsaved = this.#state.pending.code !== undefined || this.editor.getCode() !== (base || this.starterCode);
    if (!unsaved) {
      this.#putInEditor('open', code || this.starterCode);
      this.#editorBase = code;
      return;
    }
    this.#set({ notice: { message: say('store.codeChangedElsewhere'), offerCode: code } });
  }

  setNotice(notice: Notice | null): void {
    this.#set({ notice });
  }

  /**
   * When core has saved the live answer as a turn, the thread shows the turn. A saved turn is final
   * even if this window missed the answer's end (events lost while disconnected): it never stays "running".
   */
  async #settleLive(sessionId: string): Promise<void> {
    const live = this.#lives.get(sessionId);
    if (!live || !live.turnId) return;
    const session = this.#state.session?.id === sessionId ? this.#state.session : await this.client.getSession({ id: sessionId }).catch(() => null);
    const turn = session?.thread.find((t) => t.id === live.turnId);
    if (!turn) return;
    this.#lives.delete(sessionId);
    this.#set(this.#state.session?.id === sessionId ? { live: null } : {});
  }

  /**
   * The answer's code goes to the editor the moment the answer ends (offered,
   * never forced over edits), from the same extractor core uses for the turn's
   * code version, so it arrives even when saving the turn fails (a full disk).
   * Only in the session that asked: when it is not open, once it is.
   */
  #offerAnswerCode(sessionId: string): void {
    const live = this.#lives.get(sessionId);
    if (!live?.view.result || !live.pick || live.codeOffered) return;
    this.#replaceLive(sessionId, (l) => ({ ...l, codeOffered: true }));
    // A brute force or a generator is core's to put in its tab (an empty one only): never the solution's editor.
    if (live.target && live.target !== 'solution') return;
    const code = live.view.result.error ? null : extractCode(live.view.result.answer, live.pick);
    if (!code) return;
    // C++ code arriving in a Python session: the editor becomes C++ (the language follows the code asked for).
    const language = this.#state.pending.language ?? this.#state.session?.language ?? 'python';
    if (live.pick === 'lastCpp' && language === 'python' && this.#state.session?.id === sessionId) this.edit({ language: 'cpp17' });
    if (this.#state.session?.id === sessionId) this.#putInEditor('model', code, 'propose');
    else this.#codeWaiting.set(sessionId, code);
  }

  async #imported(sessionIds: string[]): Promise<void> {
    const first = sessionIds[0];
    if (!first) return;
    const { session, pending } = this.#state;
    const empty = !session && Object.keys(pending).length === 0;
    if (empty) {
      await this.open(first);
      return;
    }
    const opened = await this.client.getSession({ id: first }).catch(() => null);
    this.#set({ notice: { message: say('store.problemArrived', { title: opened?.title ?? say('store.aProblem') }), openSession: first } });
  }

  #putInEditor(source: 'model' | 'file' | 'open', code: string, how: 'open' | 'propose' = 'open'): void {
    this.#settingEditor = source;
    try {
      if (how === 'open') this.editor.open(code);
      else if (this.editor.propose(code) === 'offered' && source !== 'open') this.#offered = { code, source };
    } finally {
      this.#settingEditor = null;
    }
  }

  #updateLive(generationId: string, change: (view: AnswerView, live: LiveTurn) => AnswerView): void {
    for (const [sessionId, live] of this.#lives) {
      if (live.generationId === generationId) {
        this.#replaceLive(sessionId, (l) => ({ ...l, view: change(l.view, l) }));
        if (!this.#lives.get(sessionId)?.view.running) {
          this.#offerAnswerCode(sessionId);
          void this.#settleLive(sessionId);
        }
        return;
      }
    }
  }

  #replaceLive(sessionId: string, change: (live: LiveTurn) => LiveTurn): void {
    const live = this.#lives.get(sessionId);
    if (!live) return;
    const next = change(live);
    this.#lives.set(sessionId, next);
    // Another session's answer changing still changes `busyElsewhere`.
    this.#set(this.#state.session?.id === sessionId ? { live: next } : {});
  }

  #set(patch: Partial<WorkspaceState>): void {
    const next = { ...this.#state, ...patch };
    const running = [...this.#lives.values()].find((l) => l.view.running && l.sessionId !== next.session?.id);
    this.#state = { ...next, busyElsewhere: running?.sessionId ?? null };
    for (const listener of this.#listeners) listener();
  }
}

/** What the views show: the saved session with the pending edits applied (display only; core decides the rest). */
export function shown({ session, pending }: Pick<WorkspaceState, 'session' | 'pending'>): { statement: string; tests: TestCase[]; code: string; title: string } {
  return {
    statement: pending.statement ?? session?.problem.statement ?? '',
    tests: pending.tests ?? session?.problem.tests ?? [],
    code: pending.code ?? session?.code ?? '',
    title: pending.title ?? session?.title ?? say('sessions.newTitleFallback'),
  };
}
