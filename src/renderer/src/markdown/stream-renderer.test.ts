// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderBlock } from './render-block';
import { StreamRenderer } from './stream-renderer';

const transcript = `Okay, let me think.

We need $x^2 + y^2 = 25$ with integers, so the prices of $5 and $10 do not matter.

$$
\\begin{aligned}
x &= 3 \\\\
y &= 4
\\end{aligned}
$$

| n | $n^2$ | $a|b$ |
|---|------|------|
| 1 | $1$ | yes |

1. First \\(a_1 * a_2\\) item
2. Second item with \`$notmath$\` code

   continued paragraph of item two

> A quote with \\[\\frac{1}{2}\\]

\`\`\`python
def solve(n):
    return n * 2  # $cost$ stays code
\`\`\`

So the answer is $\\boxed{\\frac{\\{7\\}}{2}}$.`;

/** Renders the text in one go, as a finished stream. */
function renderInto(text: string): HTMLElement {
  const container = document.createElement('div');
  const renderer = new StreamRenderer(container, {}, { schedule: () => undefined });
  renderer.append(text);
  renderer.finish();
  return container;
}

const renderWhole = (text: string) => renderInto(text).innerHTML;

describe('StreamRenderer', () => {
  it('renders the same DOM whatever the chunk boundaries', () => {
    const whole = renderWhole(transcript);
    for (let cut = 1; cut < transcript.length; cut++) {
      const container = document.createElement('div');
      const renderer = new StreamRenderer(container, {}, { schedule: () => undefined });
      renderer.append(transcript.slice(0, cut));
      renderer.flush();
      renderer.append(transcript.slice(cut));
      renderer.finish();
      if (container.innerHTML !== whole) throw new Error(`differs when split at ${cut}: ${JSON.stringify(transcript.slice(cut - 10, cut + 10))}`);
    }
  });

  it('renders a large finished text over several frames, each within its budget, to the same DOM as in one go', () => {
    const long = Array.from({ length: 60 }, (_, i) => `Step ${i}. ${transcript}`).join('\n\n');
    const whole = renderWhole(long);
    const frames: (() => void)[] = [];
    const container = document.createElement('div');
    const renderer = new StreamRenderer(container, {}, { schedule: (work) => frames.push(work) });
    renderer.append(long);
    renderer.finishInSlices();
    // The first slice ran at once and left the rest for later frames.
    expect(frames.length).toBeGreaterThan(0);
    expect(container.innerHTML).not.toBe(whole);
    expect(renderer.text).toBe(long);
    let count = 1;
    while (frames.length > 0) {
      frames.shift()?.();
      count++;
    }
    expect(count).toBeGreaterThan(2);
    expect(container.innerHTML).toBe(whole);
    // Another answer in the same container stops a slicing in progress; finish() completes one at once.
    renderer.reset();
    renderer.append(long);
    renderer.finishInSlices();
    renderer.finish();
    expect(container.innerHTML).toBe(whole);
    renderer.append('New answer.');
    renderer.finish();
    frames.splice(0).forEach((f) => f());
    expect(container.textContent).toBe('New answer.');
  });

  it('shows a stream faster than a frame can render a little behind, in order, and catches up to the same DOM', () => {
    const long = Array.from({ length: 60 }, (_, i) => `Step ${i}. ${transcript}`).join('\n\n');
    const frames: (() => void)[] = [];
    const container = document.createElement('div');
    const renderer = new StreamRenderer(container, {}, { schedule: (work) => frames.push(work) });
    renderer.append(`${long}\n\nStill writ`);
    frames.shift()?.();
    // One frame rendered some finished blocks, not all, and held the tail back: its text comes after the rest.
    const firstFrame = container.querySelectorAll('.md-block').length;
    expect(firstFrame).toBeGreaterThan(0);
    expect(frames).toHaveLength(1);
    expect(container.querySelector('.md-tail')).toBeNull();
    expect(container.textContent).toContain('Step 0.');
    expect(container.textContent).not.toContain('Step 59.');
    let count = 1;
    while (frames.length > 0) {
      frames.shift()?.();
      count++;
    }
    expect(count).toBeGreaterThan(2);
    expect(container.querySelector('.md-tail')?.textContent).toBe('Still writ');
    renderer.finish();
    expect(container.innerHTML).toBe(renderWhole(`${long}\n\nStill writ`));
    // Finishing while behind renders the rest at once.
    const again = document.createElement('div');
    const behind = new StreamRenderer(again, {}, { schedule: (work) => frames.push(work) });
    behind.append(long);
    frames.shift()?.();
    behind.finish();
    frames.splice(0).forEach((f) => f());
    expect(again.innerHTML).toBe(renderWhole(long));
  });

  it('renders math, keeps prices and code as text, and never shows a KaTeX error', () => {
    const container = renderInto(transcript);
    expect(container.querySelectorAll('.katex').length).toBeGreaterThanOrEqual(8);
    expect(container.querySelectorAll('.katex-error')).toHaveLength(0);
    expect(container.textContent).toContain('prices of $5 and $10 do not matter');
    expect(container.querySelector('code')?.textContent).toBe('$notmath$');
    expect(container.querySelector('pre code')?.textContent).toContain('# $cost$ stays code');
    expect(container.querySelectorAll('table td .katex').length).toBe(1);
    expect(container.querySelectorAll('table th').length).toBe(3);
    expect(container.querySelector('ol')?.textContent).toContain('continued paragraph of item two');
    expect(container.querySelector('ol pre')).toBeNull();
  });

  it('shows an unclosed formula as source while streaming, then renders it when closed', () => {
    const container = document.createElement('div');
    const renderer = new StreamRenderer(container, {}, { schedule: () => undefined });
    renderer.append('Then $$\\frac{a}{');
    renderer.flush();
    expect(container.querySelector('.math-pending')?.textContent).toBe('$$\\frac{a}{');
    expect(container.querySelector('.katex, .katex-error, .math-invalid')).toBeNull();
    renderer.append('b}$$ done');
    renderer.flush();
    expect(container.querySelector('.math-pending')).toBeNull();
    expect(container.querySelectorAll('.katex')).toHaveLength(1);
  });

  it('renders finished blocks once and only re-renders the tail', () => {
    const container = document.createElement('div');
    const renderer = new StreamRenderer(container, {}, { schedule: () => undefined });
    renderer.append('First paragraph $a$.\n\nSecond');
    renderer.flush();
    const first = container.querySelector('.md-block');
    renderer.append(' grows');
    renderer.flush();
    renderer.append(' more\n\nThird');
    renderer.flush();
    const blocks = [...container.querySelectorAll('.md-block')];
    expect(blocks[0]).toBe(first);
    expect(blocks.slice(1).map((c) => c.textContent)).toEqual(['Second grows more', 'Third']);
    expect(blocks).toHaveLength(3);
  });

  it('treats model output as untrusted: HTML is text, bad links are inert, KaTeX is not trusted', () => {
    const block = renderBlock('<img src=x onerror=alert(1)> [a](javascript:alert(1)) [b](https://example.com) $\\href{javascript:alert(1)}{x}$ $\\frac{1}{$', { streaming: false }, {});
    expect(block.querySelector('img')).toBeNull();
    expect(block.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(block.querySelector('a[href^="javascript"]')).toBeNull();
    expect(block.querySelector('a')?.getAttribute('href')).toBe('https://example.com');
    expect(block.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(block.innerHTML).not.toContain('javascript:alert(1)"');
    expect(block.querySelector('.math-invalid')?.textContent).toBe('$\\frac{1}{$');
    expect(block.querySelector('.katex-error')).toBeNull();
  });

  it('hands code to the editor hook and formulas to the copy hook', () => {
    const opened: string[] = [];
    const copied: string[] = [];
    const block = renderBlock('```python\nprint(1)\n```\n\n$e^{i\\pi}$', { streaming: false }, { onOpenCode: (c, l) => opened.push(`${l}:${c}`), onCopyTex: (t) => copied.push(t) });
    block.querySelector('button')?.dispatchEvent(new Event('click'));
    block.querySelector('.math')?.dispatchEvent(new Event('click'));
    expect(opened).toEqual(['python:print(1)\n']);
    expect(copied).toEqual(['$e^{i\\pi}$']);
  });
});
