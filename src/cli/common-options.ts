import { resolve } from 'node:path';
import { defaultDataDir } from '../core/storage/default-data-dir';
import type { RemoteBackend } from '../core/llm/remote-chat-runner';
import { remoteContinuations } from '../shared/settings';
import { maxTokensLimit } from '../shared/generation';
import { UsageError, type CliIo } from './command';

/** The `--data-dir` option every command touching user data accepts. */
export const dataDirOption = { 'data-dir': { type: 'string' } } as const;

export const dataDirHelp = `  --data-dir <dir>   user data directory (default: the desktop app's, e.g. ~/.config/VibeThinker Workbench)`;

export function resolveDataDir(value: string | undefined, io: CliIo): string {
  return resolve(value ?? defaultDataDir(io.env));
}

/** A numeric option within bounds, else a usage error naming it and what was given. */
export function numberOption(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new UsageError(`${name} must be a number from ${min} to ${max}, not "${raw}".`);
  return value;
}

/** A whole-number option within bounds. */
export function integerOption(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  return value;
}

/** `auto` or a whole number of layers or tokens (`--gpu-layers`, `--context-size`). */
export function autoOrNumber(name: string, raw: string): 'auto' | number {
  return raw === 'auto' ? 'auto' : Math.round(numberOption(name, raw, 0, 1_048_576));
}

/**
 * `--backend <url>` names an OpenAI-compatible server (then `--model` is the server's model name and
 * the key comes from `--api-key` or $VIBE_API_KEY); anything else is not a remote backend: null.
 */
export function remoteBackendOption(backend: string | undefined, values: { model?: string; 'api-key'?: string; continuation?: string }, io: CliIo): RemoteBackend | null {
  if (backend === undefined || !/^https?:\/\//i.test(backend)) return null;
  const continuation = remoteContinuations.find((c) => c === (values.continuation ?? 'none'));
  if (!continuation) throw new UsageError(`--continuation must be one of ${remoteContinuations.join(', ')}, not "${values.continuation ?? ''}".`);
  return { baseUrl: backend, apiKey: values['api-key'] ?? io.env.VIBE_API_KEY ?? null, model: values.model ?? null, continuation };
}

/** Everything on standard input, as text (`-` for the problem). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The options naming an OpenAI-compatible server (read with `remoteBackendOption`): `vibe ask`, `vibe eval`. */
export const remoteServerOptions = { backend: { type: 'string' }, 'api-key': { type: 'string' }, continuation: { type: 'string' } } as const;

/** Sampling given on the command line: `--temperature` and `--max-tokens`. */
export const samplingOverrideOptions = { temperature: { type: 'string' }, 'max-tokens': { type: 'string' } } as const;

/** What `--temperature` and `--max-tokens` set, checked; the rest comes from the preset or template. */
export function samplingOverrides(values: { temperature?: string; 'max-tokens'?: string }): { temperature?: number; maxTokens?: number } {
  return {
    ...(values.temperature !== undefined ? { temperature: numberOption('--temperature', values.temperature, 0, 2) } : {}),
    ...(values['max-tokens'] !== undefined ? { maxTokens: integerOption('--max-tokens', values['max-tokens'], 1, maxTokensLimit) } : {}),
  };
}
