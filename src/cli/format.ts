import type { GenerationStats } from '../shared/generation';

export { formatBytes } from '../shared/format';

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const stopWords: Record<GenerationStats['stopReason'], string> = {
  end: 'finished',
  maxTokens: 'max tokens reached',
  stopped: 'stopped',
  contextFull: 'context full',
  repetition: 'stopped: repeating itself',
  error: 'error',
};

/** One line of answer statistics, as printed after `vibe ask`. */
export function formatStats(stats: GenerationStats): string {
  const ttft = stats.timeToFirstTokenMs === null ? '–' : `${Math.round(stats.timeToFirstTokenMs)} ms`;
  return `${stats.promptTokens} prompt + ${stats.completionTokens} completion tokens · ${stats.tokensPerSecond.toFixed(1)} tok/s · first token ${ttft} · ${stopWords[stats.stopReason]}`;
}
