import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WorkbenchHandlers } from '../../shared/api/contract';
import { errorMessage, WorkbenchError } from '../../shared/api/errors';
import type { EventHub } from '../api/event-hub';
import type { LlmService } from '../llm/llm-service';
import type { Settings } from '../../shared/settings';
import type { TemplateStore } from '../templates/template-store';
import { runEval, type EvalProgress } from './eval-runner';
import { evalGenerator } from './generators';
import type { EvalSummary } from './metrics';
import { parseProblemSet } from './problem-set';
import { evalSetup } from './eval-setup';

export type EvalHandlers = Pick<WorkbenchHandlers, 'startEval' | 'stopEval' | 'listEvals' | 'getEvalReport'>;

interface RunState {
  id: string;
  name: string;
  state: 'running' | 'done' | 'failed' | 'stopped';
  progress: EvalProgress | null;
  summary: EvalSummary | null;
  error: string | null;
  controller: AbortController;
}

/**
 * The app's Evaluate view over the same runner as `vibe eval`: runs go to
 * `<data>/evals/<id>/` (samples.jsonl, summary.json, report.html), one at a
 * time, on the embedded model or the remote server the settings name.
 */
export class EvalService {
  readonly handlers: EvalHandlers;
  readonly #runs = new Map<string, RunState>();
  readonly #dir: string;

  constructor(options: { dataDir: string; events: EventHub; llm: LlmService; templates: TemplateStore; settings: () => Settings }) {
    this.#dir = join(options.dataDir, 'evals');
    const { events, llm, templates, settings } = options;
    const publish = (run: RunState) =>
      events.emit('evalProgress', { id: run.id, name: run.name, state: run.state, progress: run.progress, summary: run.summary, error: run.error });

    this.handlers = {
      startEval: async (input) => {
        if ([...this.#runs.values()].some((r) => r.state === 'running')) throw new WorkbenchError('UnavailableError', 'busy', 'An evaluation is already running; stop it first.');
        const items = parseProblemSet(input.setText, input.fileName ?? 'The set');
        const { template, sampling } = await evalSetup(items, templates, input);
        const remote = settings().remote;
        if (!remote && !llm.host.loaded) throw new WorkbenchError('UnavailableError', 'no_model', 'Load a model first (Models view), or set a remote server in Settings.');
        const generator = evalGenerator({ host: llm.host, remote, concurrency: input.concurrency, maxTokens: sampling.maxTokens });
        const id = `${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')}-${randomBytes(2).toString('hex')}`;
        const run: RunState = { id, name: input.fileName ?? 'problem set', state: 'running', progress: null, summary: null, error: null, controller: new AbortController() };
        this.#runs.set(id, run);
        void runEval({
          items,
          setText: input.setText,
          template,
          samples: input.samples,
          concurrency: input.concurrency,
          sampling,
          outDir: join(this.#dir, id),
          generate: generator.generate,
          python: settings().python,
          signal: run.controller.signal,
          onProgress: (progress) => {
            run.progress = progress;
            publish(run);
          },
        })
          .then(
            (summary) => {
              run.summary = summary;
              run.state = run.controller.signal.aborted ? 'stopped' : 'done';
            },
            (err: unknown) => {
              run.state = 'failed';
              run.error = errorMessage(err);
            },
          )
          .finally(() => {
            void generator.dispose();
            publish(run);
          });
        return { id };
      },
      stopEval: async ({ id }) => {
        const run = this.#runs.get(id);
        run?.controller.abort();
        return { stopped: run !== undefined };
      },
      listEvals: async () => {
        const names = await readdir(this.#dir).catch(() => [] as string[]);
        const listed = await Promise.all(
          names.map(async (name) => {
            const live = this.#runs.get(name);
            const summary = live?.summary ?? (await readFile(join(this.#dir, name, 'summary.json'), 'utf8').then((t) => JSON.parse(t) as EvalSummary, () => null));
            return { id: name, name: live?.name ?? name, state: live?.state ?? (summary ? ('done' as const) : ('stopped' as const)), progress: live?.progress ?? null, summary, error: live?.error ?? null };
          }),
        );
        return listed.sort((a, b) => b.id.localeCompare(a.id));
      },
      getEvalReport: async ({ id }) => {
        if (!/^[\w-]{1,80}$/.test(id)) throw new WorkbenchError('ValidationError', 'bad_id', 'Invalid run id.');
        const html = await readFile(join(this.#dir, id, 'report.html'), 'utf8').catch(() => {
          throw new WorkbenchError('NotFoundError', 'no_report', 'This run has no report yet.');
        });
        return { fileName: `eval-${id}.html`, html };
      },
    };
  }

  async dispose(): Promise<void> {
    for (const run of this.#runs.values()) run.controller.abort();
  }
}
