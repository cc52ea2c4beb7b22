import type { WorkbenchClient } from '../api/workbench-client';
import { useT } from '../i18n/use-t';

export type Preview = Awaited<ReturnType<WorkbenchClient['previewTemplate']>>;

/** Exactly what the model would receive for the sample values, its token count, and variables that do not match. */
export function TemplatePreview({ preview }: { preview: Preview }) {
  const t = useT();
  return (
    <>
      {(preview.unknown.length > 0 || preview.unused.length > 0) && (
        <p className="notice-text" data-testid="template-warnings">
          {preview.unknown.length > 0 && `${t('preview.unknown', { names: preview.unknown.join(', ') })} `}
          {preview.unused.length > 0 && t('preview.unused', { names: preview.unused.join(', ') })}
        </p>
      )}
      <div className="template-preview">
        <p className="hint" data-testid="template-tokens">
          {t('preview.tokens', { tokens: preview.tokens.toLocaleString() })}
          {preview.exactTokens ? '' : t('preview.estimate')}
          {preview.contextSize ? t('preview.ofContext', { context: preview.contextSize.toLocaleString() }) : ''}
        </p>
        <pre data-testid="template-preview">{preview.prompt}</pre>
      </div>
    </>
  );
}
