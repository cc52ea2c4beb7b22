import { scanMath } from '../../../shared/math-scanner';

/**
 * Splits a worked solution into the steps a tutor reveals one at a time:
 * paragraphs (blank-line separated), with every display formula a step of its
 * own. Code fences and display formulas that contain blank lines stay whole.
 */
export function splitSteps(text: string): string[] {
  const steps: string[] = [];
  for (const block of blocks(text)) {
    if (/^\s*(`{3,}|~{3,})/.test(block)) {
      steps.push(block.trim());
      continue;
    }
    let pending = '';
    const flush = () => {
      if (pending.trim()) steps.push(pending.trim());
      pending = '';
    };
    for (const segment of scanMath(block)) {
      if (segment.kind === 'math' && segment.display) {
        flush();
        steps.push(segment.source.trim());
      } else pending += segment.kind === 'text' ? segment.text : segment.source;
    }
    flush();
  }
  return steps;
}

/** Blank-line separated blocks, keeping fenced code and $$…$$ / \[…\] together across blank lines. */
function blocks(text: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  let inDisplay = false;
  for (const line of text.split('\n')) {
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence === null && fenceMatch?.[1]) {
      if (current.length) out.push(current.join('\n'));
      current = [line];
      fence = fenceMatch[1];
      continue;
    }
    if (fence !== null) {
      current.push(line);
      if (line.trim().startsWith(fence)) {
        out.push(current.join('\n'));
        current = [];
        fence = null;
      }
      continue;
    }
    const delimiters = (line.match(/\$\$|\\\[|\\\]/g) ?? []).length;
    if (delimiters % 2 === 1) inDisplay = !inDisplay;
    if (line.trim() === '' && !inDisplay) {
      if (current.length) out.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  if (current.length) out.push(current.join('\n'));
  return out.filter((b) => b.trim() !== '');
}
