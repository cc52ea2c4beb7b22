import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { GgufTensorInfo, readGgufFileInfo } from 'node-llama-cpp';
import { llamaModule } from './llama-module';
import type { ModelFileInfo } from '../../shared/models';
import { errorMessage } from '../../shared/api/errors';

/** Bytes per block and elements per block of the ggml tensor types GGUF models commonly use. */
const ggmlTypeSizes: Record<number, [bytes: number, elements: number]> = {
  0: [4, 1], // F32
  1: [2, 1], // F16
  2: [18, 32], // Q4_0
  3: [20, 32], // Q4_1
  6: [22, 32], // Q5_0
  7: [24, 32], // Q5_1
  8: [34, 32], // Q8_0
  10: [84, 256], // Q2_K
  11: [110, 256], // Q3_K
  12: [144, 256], // Q4_K
  13: [176, 256], // Q5_K
  14: [210, 256], // Q6_K
  30: [2, 1], // BF16
};

/** Architectures whose weights llama.cpp runs with the layout VibeThinker uses; others may still load. */
const knownArchitectures = new Set(['qwen2', 'qwen3', 'llama', 'qwen2moe', 'mistral', 'gemma', 'gemma2', 'phi3']);

// The vocabulary arrays hold 150k entries; the catalog does not need them.
const skippedKeys = ['tokenizer.ggml.tokens', 'tokenizer.ggml.merges', 'tokenizer.ggml.token_type', 'tokenizer.ggml.scores'];

/**
 * Reads what the catalog shows about a GGUF file from its header, without
 * loading weights, and says plainly why a file cannot be used: missing, not
 * GGUF, truncated, or of an unknown architecture.
 */
export async function inspectGguf(path: string): Promise<ModelFileInfo> {
  const fileName = basename(path);
  const base: ModelFileInfo = {
    path,
    fileName,
    sizeBytes: 0,
    name: fileName.replace(/\.gguf$/i, ''),
    architecture: null,
    parameterCount: null,
    quantization: null,
    contextLength: null,
    chatTemplate: null,
    problem: null,
  };
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ...base, problem: 'Not a file.' };
    base.sizeBytes = info.size;
  } catch {
    return { ...base, problem: 'File not found.' };
  }
  if (!(await hasGgufMagic(path))) return { ...base, problem: 'Not a GGUF model file (the header does not start with "GGUF").' };

  const llama = await llamaModule();
  let parsed: Awaited<ReturnType<typeof readGgufFileInfo>>;
  try {
    parsed = await llama.readGgufFileInfo(path, { ignoreKeys: skippedKeys, logWarnings: false });
  } catch (err) {
    return { ...base, problem: `The GGUF header is damaged or truncated (${firstLine(err)}).` };
  }
  const meta = parsed.metadata as unknown as Record<string, Record<string, unknown> | undefined>;
  const general = meta.general ?? {};
  const architecture = typeof general.architecture === 'string' ? general.architecture : null;
  const archMeta = architecture ? meta[architecture] : undefined;
  const template = (meta.tokenizer as { chat_template?: unknown } | undefined)?.chat_template;
  const result: ModelFileInfo = {
    ...base,
    name: typeof general.name === 'string' && general.name.trim() ? general.name : base.name,
    architecture,
    parameterCount: countParameters(parsed.fullTensorInfo),
    quantization: quantizationName(llama.GgufFileType, general.file_type),
    contextLength: typeof archMeta?.context_length === 'number' ? archMeta.context_length : null,
    chatTemplate: typeof template === 'string' ? templateFamily(template) : null,
  };
  const needed = requiredBytes(parsed.fullTensorInfo);
  if (needed !== null && needed > base.sizeBytes) {
    return { ...result, problem: `The file is truncated: ${base.sizeBytes} bytes, but its tensors need ${needed}. Download it again.` };
  }
  if (!architecture) return { ...result, problem: 'The file does not name its architecture.' };
  if (!knownArchitectures.has(architecture)) {
    return { ...result, problem: `Unsupported architecture "${architecture}": VibeThinker Workbench runs qwen2-family models.` };
  }
  return result;
}

export async function hasGgufMagic(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
      return bytesRead === 4 && buffer.toString('latin1') === 'GGUF';
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

function countParameters(tensors: readonly GgufTensorInfo[] | undefined): number | null {
  if (!tensors) return null;
  let total = 0;
  for (const t of tensors) total += t.dimensions.reduce<number>((a, d) => a * Number(d), 1);
  return total;
}

/** End of the last tensor's data, or null when a tensor type's size is not known here. */
function requiredBytes(tensors: readonly GgufTensorInfo[] | undefined): number | null {
  if (!tensors || tensors.length === 0) return null;
  let end = 0;
  for (const t of tensors) {
    const size = ggmlTypeSizes[t.ggmlType];
    const start = Number(t.fileOffset);
    if (!size) {
      end = Math.max(end, start + 1);
      continue;
    }
    const elements = t.dimensions.reduce<number>((a, d) => a * Number(d), 1);
    end = Math.max(end, start + Math.ceil(elements / size[1]) * size[0]);
  }
  return end;
}

function quantizationName(fileTypes: object, fileType: unknown): string | null {
  if (typeof fileType !== 'number') return null;
  const name = (fileTypes as Record<number, string | undefined>)[fileType];
  return name ? name.replace(/^(MOSTLY|ALL)_/, '') : null;
}

function templateFamily(template: string): string {
  if (template.includes('<|im_start|>')) return 'ChatML';
  if (template.includes('[INST]')) return 'Mistral/Llama 2';
  if (template.includes('<|start_header_id|>')) return 'Llama 3';
  return 'custom';
}

function firstLine(err: unknown): string {
  return errorMessage(err).split('\n')[0] ?? 'unknown error';
}
