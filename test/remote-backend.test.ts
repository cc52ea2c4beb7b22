import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/core/logger';
import { WorkbenchCore } from '../src/core/workbench-core';
import { answerNowRemoteReason, type GenerationResult, type Sampling } from '../src/shared/generation';
import { vibeThinkerScript, writeTinyModel } from './fixtures/tiny-model/tiny-model';
import { runVibe, waitForOutput, type VibeRun } from './helpers/run-vibe';
import { useTempDirs } from './helpers/temp-dir';

/**
 * The workbench generating on a remote OpenAI-compatible server. The server
 * is a second workbench in web mode, as a real process (`vibe serve`), so
 * its errors are real: a wrong key (401), an unknown model (404), a full
 * queue (429), no model loaded (503), the process killed mid-answer (a cut
 * stream), nothing listening.
 */
describe('remote backend: another workbench over the OpenAI API', () => {
  const tempDir = useTempDirs();
  const processes: VibeRun[] = [];
  const cores: WorkbenchCore[] = [];
  const fakes: Server[] = [];
  afterEach(async () => {
    for (const run of processes.splice(0)) run.child.kill('SIGKILL');
    await Promise.all(cores.splice(0).map((c) => c.dispose()));
    await Promise.all(fakes.splice(0).map((s) => new Promise((r) => s.close(r))));
  });

  /** A second workbench in web mode; optionally with the scripted tiny model loaded. */
  async function remoteWorkbench(options: { model?: string[] | 'none'; settings?: Record<string, unknown> } = {}) {
    const dir = await tempDir();
    const rendererDir = join(dir, 'renderer');
    await mkdir(rendererDir, { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html>');
    const run = runVibe(['serve', '--port', '0', '--data-dir', join(dir, 'data'), '--models-dir', join(dir, 'models'), '--companion-port', '0'], { VIBE_RENDERER_DIR: rendererDir });
    processes.push(run);
    const [, base, token] = await waitForOutput(run, /Open: (http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/);
    const call = async (method: string, input: unknown) => {
      const response = await fetch(`${base}/api/call/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ input }) });
      const envelope = (await response.json()) as { ok: boolean; error?: { message: string } };
      if (!envelope.ok) throw new Error(envelope.error?.message);
    };
    await call('updateSettings', { ...options.settings });
    if (options.model !== 'none') {
      const path = await writeTinyModel(join(dir, 'models', 'tiny.gguf'), { script: options.model ?? vibeThinkerScript(30) });
      await call('loadModel', { path });
    }
    return { run, base: `${base ?? ''}/v1`, token: token ?? '' };
  }

  /** The local workbench, pointed at a remote server. */
  async function localWorkbench(remote: { baseUrl: string; apiKey: string | null; model: string | null; continuation?: 'none' | 'prefill' | 'continue_final_message' }) {
    const core = await WorkbenchCore.create({ dataDir: await tempDir(), appVersion: '0', mode: 'web', log: silentLogger });
    cores.push(core);
    await core.handlers.updateSettings({ remote });
    return core;
  }

  /** Asks through the API like the UI does and waits for the finished event. */
  async function ask(core: WorkbenchCore, prompt: string, onDelta?: () => void, sampling?: Partial<Sampling>): Promise<{ result: GenerationResult; deltas: { reasoning: string; answer: string }[] }> {
    const id = `g-${Math.random().toString(36).slice(2)}`;
    const deltas: { reasoning: string; answer: string }[] = [];
    const finished = new Promise<GenerationResult>((resolve) => {
      const off = core.events.subscribe((name, payload) => {
        if (name === 'generationDelta' && (payload as { id: string }).id === id) {
          deltas.push(payload as { reasoning: string; answer: string });
          onDelta?.();
        }
        if (name === 'generationFinished' && (payload as GenerationResult).id === id) {
          off();
          resolve(payload as GenerationResult);
        }
      });
    });
    await core.handlers.generate({ id, prompt, newConversation: true, ...(sampling ? { sampling } : {}) });
    return { result: await finished, deltas };
  }

  it('streams reasoning and answer from the remote model, with stats; the status says remote', async () => {
    const remote = await remoteWorkbench();
    const core = await localWorkbench({ baseUrl: remote.base, apiKey: remote.token, model: 'tiny' });
    const status = await core.handlers.getModelStatus();
    expect(status).toMatchObject({ state: 'ready', backend: 'remote', remote: { baseUrl: remote.base, model: 'tiny' } });
    const { result, deltas } = await ask(core, 'What is 2 + 2?');
    expect(result.error).toBeNull();
    expect(result.answer).toBe('The answer is $\\boxed{4}$.');
    expect(result.boxed).toBe('4');
    expect(result.reasoning).toContain('(30)');
    expect(result.stats.completionTokens).toBeGreaterThan(30);
    expect(result.stats.timeToFirstTokenMs).toBeGreaterThan(0);
    expect(deltas.some((d) => d.reasoning !== '')).toBe(true);
    expect(deltas.some((d) => d.answer !== '')).toBe(true);

    // The command line takes the same server with --backend <url>.
    const cli = runVibe(['ask', '--backend', remote.base, '--api-key', remote.token, '--model', 'tiny', '--json', '--data-dir', await tempDir(), 'What is 2 + 2?']);
    const exit = await cli.exit;
    expect(exit, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ answer: 'The answer is $\\boxed{4}$.', boxed: '4', model: 'tiny' });
    const refused = runVibe(['ask', '--backend', remote.base, '--api-key', 'wrong', '--model', 'tiny', '--data-dir', await tempDir(), 'hi']);
    expect(await refused.exit).toBe(1);
    expect(refused.stderr).toMatch(/refused the API key \(401/);
  });

  it('Answer now and a reasoning budget on a server that continues a reply: the reasoning is closed and the server writes the answer', async () => {
    const remote = await remoteWorkbench({ model: vibeThinkerScript(3000) });
    const core = await localWorkbench({ baseUrl: remote.base, apiKey: remote.token, model: 'tiny', continuation: 'prefill' });
    let asked: Promise<unknown> | null = null;
    const now = await ask(core, 'What is 2 + 2?', () => (asked ??= core.handlers.answerNow({})));
    expect(await asked).toEqual({ done: true, reason: null });
    expect(now.result).toMatchObject({ error: null, answer: 'The answer is $\\boxed{4}$.', reasoningCut: { by: 'answerNow' }, stats: { stopReason: 'end' } });
    expect(now.result.reasoning).toContain('give my final answer now');
    expect(now.result.reasoning).not.toContain('(2000)');
    // What streamed is what the result says.
    expect(now.deltas.map((d) => d.reasoning).join('')).toBe(now.result.reasoning);
    expect(now.deltas.map((d) => d.answer).join('')).toBe(now.result.answer);

    const budgeted = await ask(core, 'What is 2 + 2?', undefined, { reasoningBudget: 60, maxTokens: 4000 });
    expect(budgeted.result).toMatchObject({ answer: 'The answer is $\\boxed{4}$.', reasoningCut: { by: 'budget' } });
    expect(budgeted.result.reasoningCut?.atTokens).toBeGreaterThanOrEqual(60);
    expect(budgeted.result.reasoning).not.toContain('(200)');

    // vLLM's way of asking, which this server understands too.
    const vllmStyle = await localWorkbench({ baseUrl: remote.base, apiKey: remote.token, model: 'tiny', continuation: 'continue_final_message' });
    expect((await ask(vllmStyle, 'What is 2 + 2?', undefined, { reasoningBudget: 40, maxTokens: 4000 })).result).toMatchObject({ answer: 'The answer is $\\boxed{4}$.', reasoningCut: { by: 'budget' } });
  });

  it('Answer now on a server that cannot continue a reply is refused with the reason, and the answer goes on', async () => {
    const remote = await remoteWorkbench();
    const core = await localWorkbench({ baseUrl: remote.base, apiKey: remote.token, model: 'tiny' });
    let asked: Promise<unknown> | null = null;
    const { result } = await ask(core, 'What is 2 + 2?', () => (asked ??= core.handlers.answerNow({})));
    expect(await asked).toEqual({ done: false, reason: answerNowRemoteReason });
    expect(result).toMatchObject({ answer: 'The answer is $\\boxed{4}$.' });
    expect(result.reasoningCut).toBeUndefined();
  });

  it('says clearly when the key is wrong, the model does not exist, or nothing listens', async () => {
    const remote = await remoteWorkbench();
    const wrongKey = await localWorkbench({ baseUrl: remote.base, apiKey: 'wrong', model: 'tiny' });
    expect((await ask(wrongKey, 'hi')).result).toMatchObject({ error: expect.stringMatching(/refused the API key \(401/), retryable: false, stats: { stopReason: 'error' } });
    const noModel = await localWorkbench({ baseUrl: remote.base, apiKey: remote.token, model: 'vibethinker-9000' });
    expect((await ask(noModel, 'hi')).result).toMatchObject({ error: expect.stringMatching(/has no model "vibethinker-9000" \(404/), retryable: false });
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const closed = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const nobody = await localWorkbench({ baseUrl: `http://127.0.0.1:${closed}/v1`, apiKey: null, model: 'tiny' });
    expect((await ask(nobody, 'hi')).result).toMatchObject({ error: expect.stringMatching(new RegExp(`^Cannot reach 127\\.0\\.0\\.1:${closed} \\(connection refused\\)`)), retryable: true });
  });

  it('reports a server with no model (503) and a full queue (429) as retryable', async () => {
    const empty = await remoteWorkbench({ model: 'none' });
    const core = await localWorkbench({ baseUrl: empty.base, apiKey: empty.token, model: 'tiny' });
    expect((await ask(core, 'hi')).result).toMatchObject({ error: expect.stringMatching(/failed \(503: No model is loaded/), retryable: true });

    // One sequence, no waiting room: while it is busy, the next request is refused with 429.
    const busy = await remoteWorkbench({ model: vibeThinkerScript(1500), settings: { apiParallel: 1, apiMaxQueue: 0 } });
    const occupy = new AbortController();
    const long = fetch(`${busy.base}/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${busy.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'tiny', stream: true, messages: [{ role: 'user', content: 'long' }] }),
      signal: occupy.signal,
    });
    const reader = (await long).body?.getReader();
    await reader?.read();
    const client = await localWorkbench({ baseUrl: busy.base, apiKey: busy.token, model: 'tiny' });
    expect((await ask(client, 'hi')).result).toMatchObject({ error: expect.stringMatching(/is busy \(429: too many requests, retry after 5 s\)/), retryable: true });
    occupy.abort();
  });

  it('keeps what had streamed when the server dies mid-answer, and stops on request', async () => {
    const remote = await remoteWorkbench({ model: vibeThinkerScript(1500) });
    const core = await localWorkbench({ baseUrl: remote.base, apiKey: remote.token, model: 'tiny' });
    let seen = 0;
    const { result } = await ask(core, 'long', () => {
      if (++seen === 5) remote.run.child.kill('SIGKILL');
    });
    expect(result.error).toMatch(/cut in the middle of the answer|connection reset|failed/);
    expect(result.retryable).toBe(true);
    expect(result.reasoning).toContain('Let us add');

    const again = await remoteWorkbench({ model: vibeThinkerScript(1500) });
    await core.handlers.updateSettings({ remote: { baseUrl: again.base, apiKey: again.token, model: 'tiny' } });
    let stopped = false;
    const { result: halted } = await ask(core, 'long', () => {
      if (!stopped) {
        stopped = true;
        void core.handlers.stopGeneration(undefined);
      }
    });
    expect(halted.stats.stopReason).toBe('stopped');
    expect(halted.error).toBeNull();
  });

  it('reads reasoning in <think> tags inside the content, and in a `reasoning` field (Ollama)', async () => {
    // A stand-in for servers that stream differently from ours (llama.cpp without a reasoning
    // parser, Ollama): a boundary we cannot run here, so a small fake, named as one.
    const fakeServer = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      const chunk = (delta: object, finish: string | null = null) => res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);
      if (req.url?.includes('ollama')) {
        chunk({ reasoning: 'thinking ' });
        chunk({ reasoning: 'hard' });
        chunk({ content: 'Four.' });
      } else {
        chunk({ content: '<thi' });
        chunk({ content: 'nk>weighing it</think>' });
        chunk({ content: 'Answer: $\\boxed{4}$' });
      }
      chunk({}, 'stop');
      res.end('data: [DONE]\n\n');
    });
    fakes.push(fakeServer);
    await new Promise<void>((r) => fakeServer.listen(0, '127.0.0.1', r));
    const port = (fakeServer.address() as AddressInfo).port;
    const tags = await localWorkbench({ baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: null, model: 'x' });
    expect((await ask(tags, 'q')).result).toMatchObject({ reasoning: 'weighing it', answer: 'Answer: $\\boxed{4}$', boxed: '4', error: null });
    const ollama = await localWorkbench({ baseUrl: `http://127.0.0.1:${port}/ollama/v1`, apiKey: null, model: 'x' });
    expect((await ask(ollama, 'q')).result).toMatchObject({ reasoning: 'thinking hard', answer: 'Four.', error: null });
  });
});
