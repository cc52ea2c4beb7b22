import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RenderHooks } from '../markdown/render-block';
import { useT } from '../i18n/use-t';

/**
 * What an answer's rendered Markdown can do (put a code block in the editor,
 * copy a formula's LaTeX), and the short "copied" message it shows.
 */
export function useAnswerHooks(onOpenCode: (code: string) => void) {
  const [toast, setToast] = useState<string | null>(null);
  const t = useT();
  const copy = useCallback(
    (text: string, what: 'answer' | 'latex') => {
      navigator.clipboard?.writeText(text).then(
        () => setToast(t(what === 'answer' ? 'toast.answerCopied' : 'toast.latexCopied')),
        () => setToast(t('toast.copyRefused')),
      );
    },
    [t],
  );
  const hooks = useMemo((): RenderHooks & { onCopyTex: (tex: string) => void } => ({ onOpenCode: (code: string) => onOpenCode(code), onCopyTex: (tex: string) => copy(tex, 'latex') }), [copy, onOpenCode]);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 1500);
    return () => clearTimeout(timer);
  }, [toast]);
  return { hooks, copy, toast };
}
