import { useEffect, useRef } from 'react';
import { renderFormula } from '../markdown/render-block';

/** The extracted `\boxed{…}` content, rendered as math (its source on a KaTeX error). */
export function FinalAnswer({ tex, onCopyTex }: { tex: string; onCopyTex: (tex: string) => void }) {
  const host = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    host.current?.replaceChildren(renderFormula({ tex, display: false, source: tex }, { onCopyTex }));
  }, [tex, onCopyTex]);
  return (
    <div className="final-answer" data-testid="final-answer">
      Final answer: <span ref={host} />
    </div>
  );
}
