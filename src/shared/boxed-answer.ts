/**
 * The content of the last `\boxed{…}` in a text, nested braces included, as
 * the official math scorer reads it. Null when there is none or it is unclosed.
 */
export function lastBoxed(text: string): string | null {
  const start = text.lastIndexOf('\\boxed{');
  if (start === -1) return null;
  let depth = 0;
  const open = start + '\\boxed'.length;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    if (c === '}' && --depth === 0) return text.slice(open + 1, i);
  }
  return null;
}
