/**
 * Which built-in template a problem text looks like it wants: contest
 * problems (input/output sections, constraints, samples) → the coding
 * template; proofs and computations with formulas → the math template.
 * Only ever shown as a suggestion.
 */
export function suggestTemplate(text: string): 'cp-python' | 'math' | null {
  const t = text.toLowerCase();
  const code = [/\binput\b/, /\boutput\b/, /constraints?/, /(\d|n|m|k)\s*(≤|<=|\\le)\s*\w/, /sample (input|output)|examples?\b/, /time limit|memory limit/].filter((r) => r.test(t)).length;
  const math = [/\bprove\b|\bshow that\b/, /\bfind all\b/, /\bcompute\b|\bevaluate\b|\bdetermine\b/, /\$[^$]+\$|\\frac|\\sqrt/, /\bhow many\b/, /\bsuch that\b/, /\birrational\b|\bprime\b|\bdivisible\b/].filter((r) => r.test(t)).length;
  if (code >= 2 && code >= math) return 'cp-python';
  if (math >= 2) return 'math';
  return null;
}

/** True when most letters are outside English (LaTeX and code aside): the model does best in English. */
export function looksNonEnglish(text: string): boolean {
  const plain = text.replace(/\$[^$]*\$|`[^`]*`|\\[a-z]+/gi, '');
  const letters = plain.match(/\p{L}/gu) ?? [];
  if (letters.length < 20) return false;
  const ascii = letters.filter((l) => /[a-z]/i.test(l)).length;
  return ascii / letters.length < 0.6;
}
