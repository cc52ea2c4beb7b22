interface MaxTokensWarningProps {
  maxTokens: number;
  /** The loaded model's context, or null when none is loaded. */
  contextSize: number | null;
  onFix: (maxTokens: number) => void;
}

/**
 * What the one-click value leaves for the prompt: half the context. A follow-up
 * carries the earlier turns too, and with only a prompt's room (512 tokens were
 * tried) each follow-up had to leave the whole conversation out.
 */
const promptShare = 0.5;

/**
 * Said before asking, not after a long wait: max tokens larger than the loaded
 * context means the answer stops with "context full". One click sets a value
 * that fits (or the user loads the model with a larger context).
 */
export function MaxTokensWarning({ maxTokens, contextSize, onFix }: MaxTokensWarningProps) {
  if (contextSize === null || maxTokens <= contextSize) return null;
  const fits = Math.max(256, Math.floor((contextSize * (1 - promptShare)) / 256) * 256);
  return (
    <p className="notice warn" role="status" data-testid="max-tokens-warning">
      Max tokens ({maxTokens.toLocaleString()}) is more than the loaded context ({contextSize.toLocaleString()} tokens): the answer would stop with “context full”. Use{' '}
      {fits.toLocaleString()} (half the context, the rest for the problem and the conversation), or load the model with a larger context (Settings ▸ Model).
      <button type="button" onClick={() => onFix(fits)}>
        Use {fits.toLocaleString()}
      </button>
    </p>
  );
}
