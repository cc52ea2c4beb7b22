import { lastBoxed } from '../../shared/boxed-answer';

/**
 * The final answer as the official scorer reads it: the last `\boxed{}` of
 * the answer, i.e. after `</think>` (the splitter keeps an unfinished
 * reasoning out of the answer, so a truncated sample has none).
 */
export function extractFinalAnswer(answer: string): string | null {
  return lastBoxed(answer);
}

/** Takes `\text{…}` and friends apart: the whole answer as text keeps its words, trailing units go. */
function stripText(s: string): string {
  const whole = /^\\(?:text|textbf|mathrm|mbox)\{([^{}]*)\}$/.exec(s);
  if (whole?.[1] !== undefined) return whole[1];
  // A number followed by a unit in words (\text{ cm}, \mbox{ degrees}) is the number.
  return s.replace(/\\(?:text|mbox|mathrm)\{\s*[A-Za-z][A-Za-z\s.]*\}\s*$/, '').replace(/\\(?:text|textbf|mathrm|mbox)\{([^{}]*)\}/g, '$1');
}

/** A canonical string form: LaTeX spacing, sizing and decoration removed. */
export function normalizeAnswer(raw: string): string {
  let s = raw.trim();
  s = s.replace(/^\$+|\$+$/g, '');
  s = stripText(s);
  s = s
    .replace(/\\left|\\right|\\bigl|\\bigr|\\Bigl|\\Bigr|\\big|\\Big/g, '')
    .replace(/\\[dt]frac/g, '\\frac')
    .replace(/\\[,;:!> ]|~/g, '')
    .replace(/\^\{?\\circ\}?|°/g, '')
    .replace(/\\%|%/g, '')
    .replace(/\\displaystyle/g, '')
    .replace(/\s+/g, '');
  // Digit groups: 1,000,000 (not a list like 1,2).
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  s = s.replace(/\.$/, '');
  // "x=5" → "5" (a single unknown named in the answer).
  s = s.replace(/^[a-zA-Z]=(?=[^=]+$)/, '');
  // \frac{a}{b} and \frac ab → (a)/(b) for simple parts.
  s = s.replace(/\\frac\{([^{}]+)\}\{([^{}]+)\}/g, '($1)/($2)').replace(/\\frac(\d)(\d)/g, '($1)/($2)');
  s = s.replace(/\((-?[\d.]+)\)/g, '$1');
  return s;
}

/** A number for answers that are integers, decimals or simple fractions (after normalising), else null. */
export function numericValue(normalized: string): number | null {
  const fraction = /^(-?)\(?(-?\d+(?:\.\d+)?)\)?\/\(?(\d+(?:\.\d+)?)\)?$/.exec(normalized);
  if (fraction) {
    const value = Number(fraction[2]) / Number(fraction[3]);
    return fraction[1] === '-' ? -value : value;
  }
  if (/^-?\d+(\.\d+)?$/.test(normalized) || /^-?\.\d+$/.test(normalized)) return Number(normalized);
  return null;
}

/** Whether a model's answer equals the reference, beyond string equality (see normalizeAnswer). */
export function answersEqual(given: string, reference: string): boolean {
  const a = normalizeAnswer(given);
  const b = normalizeAnswer(reference);
  if (a === b) return true;
  const x = numericValue(a);
  const y = numericValue(b);
  if (x !== null && y !== null) return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  return false;
}
