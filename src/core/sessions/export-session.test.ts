import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../e2e/environment';
import { sampleSession } from '../../../test/fixtures/sample-session';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { sessionToHtml, renderMarkdownWithMath } from './export-html';
import { fenceFor, sessionToMarkdown } from './export-markdown';

const withReport = sampleSession('s', {
  lastReport: {
    verdict: 'WA',
    passed: 0,
    total: 1,
    compileError: null,
    tests: [{ index: 0, verdict: 'WA', detail: null, cpuMs: 12, wallMs: 20, peakMemoryMb: 9, exitCode: 0, signal: null, stdout: '384\n', stderr: '', diff: null }],
    containment: { time: true, memory: true, processes: true, network: true, filesystem: true, unprivilegedUser: true, notes: [] },
    python: 'Python 3.11',
  },
});

describe('Markdown export', () => {
  it('keeps LaTeX exactly as written and the reasoning only when asked', () => {
    const md = sessionToMarkdown(withReport, { includeReasoning: true });
    expect(md).toContain('Find $\\sum_{k=1}^{n} k^2$ for $n = 10$.');
    expect(md).toContain('$$\\frac{10 \\cdot 11 \\cdot 21}{6} = 385$$');
    expect(md).toContain('### Reasoning\n\nWe use the formula.');
    expect(md).toContain('```python\nprint(sum(k * k for k in range(1, 11)))\n```');
    expect(md).toContain('### Test 1 — WA');
    expect(md).toContain('Last run: **WA**, 0 of 1 passed.');
    expect(sessionToMarkdown(withReport, { includeReasoning: false })).not.toContain('We use the formula');
  });

  it('fences code that itself contains backticks', () => {
    expect(fenceFor('x = "```"')).toBe('````');
    expect(fenceFor('plain')).toBe('```');
  });
});

describe('HTML handout', () => {
  const makeTempDir = useTempDirs();

  it('renders math with KaTeX and escapes everything the model or user wrote', () => {
    const html = renderMarkdownWithMath('Area $\\pi r^2$ <script>alert(1)</script> [x](javascript:alert(1)) ![i](https://e.com/a.png) `$a$`');
    expect(html).toContain('class="katex"');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('href="javascript:');
    expect(html).not.toContain('<img');
    expect(html).toContain('<code>$a$</code>');
  });

  it('embeds its fonts and loads nothing from anywhere', () => {
    const html = sessionToHtml(withReport, { includeReasoning: true });
    expect(html).toContain('data:font/woff2;base64,');
    expect(html).not.toMatch(/url\((?!data:)/);
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html).toContain('<details><summary>Reasoning (120 tokens)</summary>');
    expect(html).toContain('name="viewport"');
  });

  it('shows rendered math in Chromium from a file: URL with the network off, on a phone-sized screen', async () => {
    const dir = await makeTempDir();
    const file = join(dir, 'handout.html');
    // A title with math, and a test whose input is one long line (a wide table cell).
    const wide = { ...withReport, title: 'Let $f(x) = x^2$ and $$g = f \\circ f$$', problem: { ...withReport.problem, tests: [{ input: `${'1000000000 '.repeat(60)}\n`, output: '385\n' }] } };
    await writeFile(file, sessionToHtml(wide, { includeReasoning: true }));
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    try {
      const context = await browser.newContext({ offline: true, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href);
      // (Expressions as strings: this file is type-checked without the DOM library.)
      await page.evaluate('document.fonts.ready.then(() => true)');
      expect(await page.locator('.katex').count()).toBeGreaterThan(4);
      expect(await page.locator('.katex-display').count()).toBeGreaterThan(0);
      // KaTeX's own math font is in use (embedded), not a fallback.
      expect(await page.evaluate("document.fonts.check('16px KaTeX_Main') && document.fonts.check('16px KaTeX_Math')")).toBe(true);
      const loaded = await page.evaluate("[...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family)");
      expect(loaded).toEqual(expect.arrayContaining(['KaTeX_Main', 'KaTeX_Math']));
      // The heading shows its math typeset, not its source.
      expect(await page.locator('h1 .katex').count()).toBe(2);
      expect(await page.evaluate("document.querySelector('h1 .katex-html').parentElement.closest('h1').innerText.includes('$')")).toBe(false);
      // Readable on a phone: nothing wider than the screen.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      // The reasoning is collapsed and opens on a click.
      await expect.poll(() => page.evaluate("document.querySelector('details').open")).toBe(false);
      await page.locator('summary').click();
      expect(await page.evaluate("document.querySelector('details').open")).toBe(true);
      await page.screenshot({ path: join(process.cwd(), 'test-results', 'handout-phone.png'), fullPage: true });
      expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
