import { renderBlock } from './render-block';

/**
 * Renders a small sample (Markdown, inline and display math, a matrix, code)
 * into a detached element once the app is idle, so the first real answer does
 * not pay for compiling the renderer's code paths and loading KaTeX's fonts
 * in the middle of streaming.
 */
export function warmUpRenderer(): void {
  const run = () => {
    const sample = `**Warm-up** with $x^2$, \\(a_1\\) and $$\\frac{1}{2}\\sum_{k=1}^{n} k \\begin{pmatrix} 1 & 0 \\\\ 0 & 1 \\end{pmatrix}$$\n\n| a | $b$ |\n|---|---|\n| 1 | 2 |\n\n\`\`\`python\nprint(1)\n\`\`\``;
    const host = document.createElement('div');
    host.className = 'markdown';
    host.style.cssText = 'position:absolute;left:-10000px;top:0;visibility:hidden';
    host.append(renderBlock(sample, { streaming: false }, {}));
    document.body.append(host);
    // Keep it for a moment so the fonts are requested, then drop it.
    setTimeout(() => host.remove(), 2000);
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 500);
}
