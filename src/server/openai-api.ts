import { randomBytes, randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { splitPrefill, type ChatMessage, type CompletionResult } from '../core/llm/completion-pool';
import type { OpenAiBackend } from '../core/workbench-core';
import { errorMessage, isErrorData } from '../shared/api/errors';
import { readJsonBody, sendJson, type BodyError } from './http-api';
import { maxTokensLimit, samplingPresets } from '../shared/generation';

/**
 * The OpenAI chat-completions protocol over the workbench's loaded model, so
 * any OpenAI client (and tools built on one) can use it: `/v1/models` and
 * `/v1/chat/completions`, streaming (server-sent events) or not. As vLLM and
 * llama.cpp's server do, the reasoning comes separately in
 * `reasoning_content` and the answer in `content`.
 */

const TextPartSchema = z.object({ type: z.literal('text'), text: z.string() });
const MessageSchema = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant']),
  content: z.union([z.string(), z.array(TextPartSchema)]).nullable(),
});

const ChatRequestSchema = z.object({
  model: z.string().max(500),
  messages: z.array(MessageSchema).min(1).max(1000),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().nullish() }).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().gt(0).max(1).nullish(),
  seed: z.number().int().nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(4)]).nullish(),
  /** Choices, generated at once as parallel sequences (the pool's slots; more wait in its queue). */
  n: z.number().int().min(1).max(16).nullish(),
  /** vLLM's names for continuing a final assistant message, which this server does as llama.cpp's does. */
  continue_final_message: z.boolean().nullish(),
  add_generation_prompt: z.boolean().nullish(),
  /** Our extension: reasoning tokens after which the reasoning is closed and the model answers (0: none). */
  reasoning_budget: z.number().int().min(0).max(maxTokensLimit).nullish(),
});

/** VibeThinker's recommended sampling (see MODEL.md): used when a request does not set its own. */
const defaults = samplingPresets.code;

export async function handleOpenAiRequest(path: string, req: IncomingMessage, res: ServerResponse, deps: OpenAiBackend): Promise<void> {
  try {
    if (path === '/v1/models' && req.method === 'GET') return listModels(res, deps);
    if (path === '/v1/chat/completions') {
      if (req.method !== 'POST') return openAiError(res, 405, 'invalid_request_error', 'method_not_allowed', 'Use POST.');
      return await chatCompletions(req, res, deps);
    }
    return openAiError(res, 404, 'invalid_request_error', 'unknown_url', `Unknown endpoint ${req.method ?? ''} ${path}.`);
  } catch (err) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (isErrorData(err) && err.code === 'queue_full') {
      res.setHeader('Retry-After', '5');
      return openAiError(res, 429, 'rate_limit_error', err.code, err.message);
    }
    if (isErrorData(err)) {
      const status = err.name === 'ValidationError' ? 400 : err.name === 'UnavailableError' ? 503 : err.name === 'NotFoundError' ? 404 : 500;
      return openAiError(res, status, status === 400 ? 'invalid_request_error' : 'server_error', err.code, err.message);
    }
    return openAiError(res, 500, 'server_error', 'internal_error', errorMessage(err));
  }
}

function listModels(res: ServerResponse, backend: OpenAiBackend): void {
  const id = backend.modelId();
  sendJson(res, 200, { object: 'list', data: id ? [{ id, object: 'model', created: 0, owned_by: 'vibethinker-workbench' }] : [] });
}

async function chatCompletions(req: IncomingMessage, res: ServerResponse, deps: OpenAiBackend): Promise<void> {
  let raw: unknown;
  try {
    raw = await readJsonBody(req, 16 * 1024 * 1024);
  } catch (err) {
    return openAiError(res, (err as BodyError).status ?? 400, 'invalid_request_error', 'bad_body', (err as Error).message);
  }
  const body = ChatRequestSchema.safeParse(raw);
  if (!body.success) {
    const issue = body.error.issues[0];
    return openAiError(res, 400, 'invalid_request_error', 'invalid_value', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`, issue?.path.join('.'));
  }
  const request = body.data;
  const id = deps.modelId();
  if (!id) return openAiError(res, 503, 'server_error', 'no_model', 'No model is loaded in the workbench; load one in its Models view.');
  const loadedName = deps.modelName();
  if (request.model !== id && request.model !== loadedName) {
    return openAiError(res, 404, 'invalid_request_error', 'model_not_found', `The model "${request.model}" does not exist here; this server has "${id}".`, 'model');
  }
  const messages: ChatMessage[] = request.messages.map((m) => ({
    role: m.role === 'developer' ? 'system' : m.role,
    content: typeof m.content === 'string' ? m.content : (m.content ?? []).map((p) => p.text).join(''),
  }));
  const { prefill } = splitPrefill(messages);
  if (messages.at(-1)?.role !== 'user' && prefill === null) {
    return openAiError(res, 400, 'invalid_request_error', 'invalid_value', 'The last message must have the role "user", or be an assistant reply (after a user message) to continue.', 'messages');
  }
  if (prefill !== null && request.continue_final_message === false) {
    return openAiError(res, 400, 'invalid_request_error', 'invalid_value', 'The last message is an assistant reply, which this server continues; continue_final_message: false asks for something else.', 'continue_final_message');
  }

  const n = request.n ?? 1;
  if (n > 1) {
    // All of the choices or none: a refusal after the stream began could only cut it.
    const room = deps.room();
    if (n > room.atMost) return openAiError(res, 400, 'invalid_request_error', 'invalid_value', `n = ${n} is more than this server can hold at once (${room.atMost}: parallel requests plus the waiting queue).`, 'n');
    if (n > room.now) {
      res.setHeader('Retry-After', '5');
      return openAiError(res, 429, 'rate_limit_error', 'queue_full', `The server is busy: there is room for ${room.now} more requests now, and this one asks for ${n}. Retry in a few seconds.`);
    }
  }

  // A client that goes away stops its generation (or leaves the queue).
  const controller = new AbortController();
  let finished = false;
  res.on('close', () => {
    if (!finished) controller.abort();
  });
  const completionId = `chatcmpl-${randomBytes(12).toString('hex')}`;
  const created = Math.floor(Date.now() / 1000);
  const stop = request.stop === undefined || request.stop === null ? [] : [request.stop].flat();
  // Choice i samples with seed + i: unseeded sequences started in the same instant can draw alike.
  const baseSeed = request.seed ?? (n > 1 ? randomInt(0, 2 ** 30) : undefined);
  const requestFor = (index: number) => ({
    messages,
    maxTokens: request.max_completion_tokens ?? request.max_tokens ?? defaults.maxTokens,
    temperature: request.temperature ?? defaults.temperature,
    topP: request.top_p ?? defaults.topP,
    ...(baseSeed !== undefined && baseSeed !== null ? { seed: baseSeed + index } : {}),
    stop,
    ...(request.reasoning_budget ? { reasoningBudget: request.reasoning_budget } : {}),
    signal: controller.signal,
  });
  const indices = Array.from({ length: n }, (_, i) => i);
  // One refused choice (a full queue) refuses the request: the others stop.
  const all = <T>(runs: Promise<T>[]) => Promise.all(runs.map((r) => r.catch((err: unknown) => (controller.abort(), Promise.reject(err)))));

  if (!request.stream) {
    const results = await all(indices.map((i) => deps.complete(requestFor(i))));
    finished = true;
    if (results.some((r) => r.finishReason === 'aborted')) {
      // Stopped on the server (the model unloaded, a shutdown) while the client waits: it is told, not left hanging.
      if (!controller.signal.aborted) return openAiError(res, 503, 'server_error', 'stopped', 'The generation was stopped on the server (the model was unloaded, or the server is shutting down).');
      return;
    }
    res.setHeader('X-Workbench-Cache', results.every((r) => r.cached) ? 'hit' : 'miss');
    return sendJson(res, 200, {
      id: completionId,
      object: 'chat.completion',
      created,
      model: id,
      choices: results.map((result, index) => ({ index, message: { role: 'assistant', content: result.answer, reasoning_content: result.reasoning || null }, finish_reason: finishReasonOf(result), logprobs: null })),
      usage: usageOf(results),
    });
  }

  // Headers go out once the request is accepted (generating or queued), so a refusal (a full
  // queue) can still be answered with a proper 429.
  const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
  const chunk = (index: number, delta: Record<string, unknown>, finishReason: string | null = null) =>
    send({ id: completionId, object: 'chat.completion.chunk', created, model: id, choices: [{ index, delta, finish_reason: finishReason, logprobs: null }] });
  const begin = () => {
    if (res.headersSent) return;
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    for (const index of indices) chunk(index, { role: 'assistant', content: '' });
  };
  const results = await all(
    indices.map(async (index) => {
      const result = await deps.complete({
        ...requestFor(index),
        onStart: begin,
        // SSE comments: ignored by clients, visible to people and tools watching the stream.
        onQueued: (position) => {
          begin();
          res.write(`: queued, position ${position}\n\n`);
        },
        onDelta: ({ reasoning, answer }) => {
          if (reasoning) chunk(index, { reasoning_content: reasoning });
          if (answer) chunk(index, { content: answer });
        },
      });
      if (result.finishReason !== 'aborted') {
        begin();
        if (result.cached) res.write(': cache hit\n\n');
        chunk(index, {}, finishReasonOf(result));
      }
      return result;
    }),
  );
  finished = true;
  if (results.some((r) => r.finishReason === 'aborted')) {
    res.end();
    return;
  }
  if (request.stream_options?.include_usage) send({ id: completionId, object: 'chat.completion.chunk', created, model: id, choices: [], usage: usageOf(results) });
  res.end('data: [DONE]\n\n');
}

function finishReasonOf(result: CompletionResult): 'stop' | 'length' {
  return result.finishReason === 'length' ? 'length' : 'stop';
}

/** Usage of all choices together: the prompt counted once, as OpenAI counts it. */
function usageOf(results: CompletionResult[]) {
  const prompt = results[0]?.promptTokens ?? 0;
  const completion = results.reduce((sum, r) => sum + r.completionTokens, 0);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/** Errors in the shape OpenAI clients parse: `{ error: { message, type, code, param } }`. */
export function openAiError(res: ServerResponse, status: number, type: string, code: string, message: string, param?: string): void {
  sendJson(res, status, { error: { message, type, code, param: param ?? null } });
}
