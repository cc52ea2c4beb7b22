import type { WorkbenchClient } from '../api/workbench-client';

export type Preview = Awaited<ReturnType<WorkbenchClient['previewTemplate']>>;

/** Exactly what the model would receive for the sample values, its token count, and variables that do not match. */
export function TemplatePreview({ preview }: { preview: Preview }) {
  return (
    <>
      {(preview.unknown.length > 0 || preview.unused.length > 0) && (
        <p className="notice-text" data-testid="template-warnings">
          {preview.unknown.length > 0 && `Unknown variables: ${preview.unknown.join(', ')}. `}
          {preview.unused.length > 0 && `Unused variables: ${preview.unused.join(', ')}.`}
        </p>
      )}
      <div className="template-preview">
        <p className="hint" data-testid="template-tokens">
          Exactly what the model receives · {preview.tokens.toLocaleString()} tokens{preview.exactTokens ? '' : ' (estimate; load a model for the exact count)'}
          {preview.contextSize ? ` of ${preview.contextSize.toLocaleString()}` : ''}
        </p>
        <pre data-testid="template-preview">{preview.prompt}</pre>
      </div>
    </>
  );
}
