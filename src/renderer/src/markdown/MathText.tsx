import { useLayoutEffect, useRef } from 'react';
import { scanMath } from '../../../shared/math-scanner';
import { renderFormula } from './render-block';

/**
 * One line of text with its formulas typeset (a session title such as "Let $f(x) = x^2$"), inline even where the
 * source wrote display math. The text stays text (never HTML); KaTeX runs untrusted, as in answers. The source is
 * kept as the element's title, so a hover shows exactly what was typed.
 */
export function MathText({ text, className }: { text: string; className?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const segments = scanMath(text);
    if (!segments.some((s) => s.kind === 'math')) {
      el.textContent = text;
      return;
    }
    el.replaceChildren(
      ...segments.map((s) => {
        if (s.kind !== 'math') return document.createTextNode(s.kind === 'text' ? s.text : s.source);
        // Not the answers' click-to-copy formula: no hint of its own over the title's, no copy cursor.
        const formula = renderFormula({ ...s, display: false }, {});
        formula.removeAttribute('title');
        formula.classList.add('math-static');
        return formula;
      }),
    );
  }, [text]);
  return <span ref={ref} className={className} title={text} />;
}
