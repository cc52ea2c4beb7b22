import { useT } from '../i18n/use-t';
import { Notice } from '../ui/Notice';
import { Button } from '../ui/Button';

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
  const t = useT();
  if (contextSize === null || maxTokens <= contextSize) return null;
  const fits = Math.max(256, Math.floor((contextSize * (1 - promptShare)) / 256) * 256);
  return (
    <Notice tone="warn" testId="max-tokens-warning">
      {t('maxTokens.warning', { maxTokens: maxTokens.toLocaleString(), context: contextSize.toLocaleString(), fits: fits.toLocaleString() })}
      <Button onClick={() => onFix(fits)}>
        {t('maxTokens.use', { fits: fits.toLocaleString() })}
      </Button>
    </Notice>
  );
}
