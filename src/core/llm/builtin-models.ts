/** A model the app offers to download. */
export interface BuiltinModel {
  id: string;
  label: string;
  quantization: string;
  /** `hf:<owner>/<repo>/<file>`; the file name is confirmed against the repository listing. */
  uri: string;
  approxBytes: number;
  recommended: boolean;
}

/** VibeThinker-1.5B quantizations (MODEL.md): Q4_K_M is the size/quality sweet spot. */
export const builtinModels: readonly BuiltinModel[] = [
  {
    id: 'vibethinker-1.5b-q4_k_m',
    label: 'VibeThinker-1.5B Q4_K_M',
    quantization: 'Q4_K_M',
    uri: 'hf:mradermacher/VibeThinker-1.5B-GGUF/VibeThinker-1.5B.Q4_K_M.gguf',
    approxBytes: 1_120_000_000,
    recommended: true,
  },
  {
    id: 'vibethinker-1.5b-q8_0',
    label: 'VibeThinker-1.5B Q8_0',
    quantization: 'Q8_0',
    uri: 'hf:mradermacher/VibeThinker-1.5B-GGUF/VibeThinker-1.5B.Q8_0.gguf',
    approxBytes: 1_890_000_000,
    recommended: false,
  },
  {
    id: 'vibethinker-1.5b-f16',
    label: 'VibeThinker-1.5B F16',
    quantization: 'F16',
    uri: 'hf:mradermacher/VibeThinker-1.5B-GGUF/VibeThinker-1.5B.f16.gguf',
    approxBytes: 3_560_000_000,
    recommended: false,
  },
];

export interface HfLocation {
  repo: string;
  file: string;
}

/** Parses `hf:<owner>/<repo>/<path/to/file.gguf>`. */
export function parseHfUri(uri: string): HfLocation | null {
  const match = /^hf:([\w.-]+\/[\w.-]+)\/(.+\.gguf)$/i.exec(uri);
  if (!match?.[1] || !match[2] || match[2].split('/').includes('..')) return null;
  return { repo: match[1], file: match[2] };
}

/** The Hugging Face endpoint; `HF_ENDPOINT` points at a mirror (the variable huggingface_hub uses). */
export function hfEndpoint(env: NodeJS.ProcessEnv = process.env): string {
  return (env.HF_ENDPOINT || 'https://huggingface.co').replace(/\/+$/, '');
}

export function hfFileUrl(endpoint: string, location: HfLocation): string {
  return `${endpoint}/${location.repo}/resolve/main/${location.file.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * Confirms the file name and size from the repository listing; repositories
 * sometimes rename files (case, separators). Falls back to the expected name.
 */
export async function resolveHfFile(
  endpoint: string,
  location: HfLocation,
  quantization: string,
  signal?: AbortSignal,
): Promise<{ url: string; file: string; size: number | null }> {
  try {
    const response = await fetch(`${endpoint}/api/models/${location.repo}/tree/main`, { signal });
    if (response.ok) {
      const listing = (await response.json()) as { path?: unknown; size?: unknown }[];
      const wanted = location.file.toLowerCase();
      const quant = `.${quantization.toLowerCase()}.gguf`;
      const entry =
        listing.find((e) => typeof e.path === 'string' && e.path.toLowerCase() === wanted) ??
        listing.find((e) => typeof e.path === 'string' && e.path.toLowerCase().endsWith(quant));
      if (entry && typeof entry.path === 'string') {
        const found = { repo: location.repo, file: entry.path };
        return { url: hfFileUrl(endpoint, found), file: entry.path.split('/').pop() ?? entry.path, size: typeof entry.size === 'number' ? entry.size : null };
      }
    }
  } catch {
    // The listing is a refinement; the download itself reports real failures.
  }
  return { url: hfFileUrl(endpoint, location), file: location.file.split('/').pop() ?? location.file, size: null };
}
