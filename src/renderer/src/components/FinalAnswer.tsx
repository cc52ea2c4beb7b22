import { useEffect, useRef } from 'react';
import { renderFormula } from '../markdown/render-block';
import { useT } from '../i18n/use-t';

/** The extracted `\boxed{…}` content, rendered as math (its source on a KaTeX error). */
export function FinalAnswer({ tex, onCopyTex }: { tex: string; onCopyTex: (tex: string) => void }) {
  const t = useT();
  const host = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    host.current?.replaceChildren(renderFormula({ tex, display: false, source: tex }, { onCopyTex }));
  }, [tex, onCopyTex]);
  return (
    <div className="final-answer" data-testid="final-answer">
      {t('answer.final')} <span ref={host} />
    </div>
  );
}
