import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import katex from 'katex';
import { isCpp } from '../../shared/judging';
import MarkdownIt from 'markdown-it';
import { scanMath } from '../../shared/math-scanner';
import type { Session } from '../../shared/sessions';
import { askedLabel } from './export-markdown';
import type { ExportOptions } from './export-markdown';

// html: false escapes any HTML in model output; images are off (a handout fetches nothing).
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable('image');
const placeholder = (i: number) => `\uE000${i}\uE001`;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Markdown with math to HTML: formulas by KaTeX (trust off), the rest by markdown-it, all escaped. */
export function renderMarkdownWithMath(text: string): string {
  const formulas: { tex: string; display: boolean; source: string }[] = [];
  let source = '';
  for (const segment of scanMath(text)) {
    if (segment.kind === 'math') {
      source += placeholder(formulas.length);
      formulas.push({ tex: segment.tex, display: segment.display, source: segment.source });
    } else source += segment.kind === 'text' ? segment.text : segment.source;
  }
  const html = markdown.render(source);
  const formula = (index: string) => formulas[Number(index)];
  // Inside code, a "formula" was just code: put its source back, escaped.
  const withCode = html.replace(/<code[^>]*>[\s\S]*?<\/code>/g, (code) => code.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => escapeHtml(formula(i)?.source ?? '')));
  return withCode.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => {
    const f = formula(i);
    if (!f) return '';
    return katex.renderToString(f.tex, { displayMode: f.display, throwOnError: false, trust: false, output: 'html', strict: 'ignore' });
  });
}

/** One line (a title) with its formulas typeset inline, the rest escaped text: headings show math, not its source. */
export function renderInlineMath(text: string): string {
  return scanMath(text)
    .map((s) => (s.kind === 'math' ? katex.renderToString(s.tex, { displayMode: false, throwOnError: false, trust: false, output: 'html', strict: 'ignore' }) : escapeHtml(s.kind === 'text' ? s.text : s.source)))
    .join('');
}

let katexCss: string | null = null;

/** KaTeX's stylesheet with its fonts inlined (woff2 only, which every current browser reads). */
export function inlineKatexCss(): string {
  if (katexCss !== null) return katexCss;
  const dist = dirname(createRequire(import.meta.url).resolve('katex'));
  const css = readFileSync(join(dist, 'katex.min.css'), 'utf8');
  katexCss = css.replace(/src:([^;}]+)/g, (declaration, sources: string) => {
    const woff2 = /url\(([^)]+\.woff2)\)/.exec(sources)?.[1];
    if (!woff2) return declaration;
    const data = readFileSync(join(dist, woff2.replace(/^["']|["']$/g, ''))).toString('base64');
    return `src:url(data:font/woff2;base64,${data}) format("woff2")`;
  });
  return katexCss;
}

const pageStyle = `
:root { color-scheme: light; --text: #1b1e24; --muted: #646b78; --border: #e1e4ea; --accent: #4f5bd5; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.6 'Segoe UI', system-ui, -apple-system, sans-serif; color: var(--text); background: #fff; }
main { max-width: 46rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--border); padding-bottom: .25rem; }
.meta { color: var(--muted); font-size: .9rem; margin: 0 0 1rem; }
pre { background: #f5f6f8; border: 1px solid var(--border); border-radius: 6px; padding: .75rem; overflow-x: auto; font-size: .9rem; }
code { font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace; }
.katex-display { overflow-x: auto; overflow-y: hidden; padding: .25rem 0; }
details { border: 1px solid var(--border); border-radius: 6px; padding: .5rem .75rem; margin: .75rem 0; }
summary { cursor: pointer; color: var(--accent); font-weight: 600; }
/* A wide test (long input lines) scrolls inside its box on a phone instead of widening the page. */
.table-scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
td pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
td, th { border: 1px solid var(--border); padding: .35rem .5rem; vertical-align: top; text-align: left; }
.verdict-AC { color: #1f9d55; font-weight: 700; } .verdict-bad { color: #c9372c; font-weight: 700; }
@media print { details { border: none; padding: 0; } details > summary { display: none; } main { max-width: none; } a { color: inherit; } }
`;

/**
 * A self-contained HTML handout: math rendered ahead of time by KaTeX, its
 * styles and fonts embedded, no script, and a CSP that forbids loading
 * anything, so it reads the same offline, on a phone, or printed.
 */
export function sessionToHtml(session: Session, options: ExportOptions): string {
  const parts: string[] = [];
  parts.push(`<h1>${renderInlineMath(session.title)}</h1>`);
  const meta = [session.model ? `Model: ${session.model}` : null, `Updated ${session.updatedAt.slice(0, 16).replace('T', ' ')} UTC`].filter(Boolean).join(' · ');
  parts.push(`<p class="meta">${escapeHtml(meta)}</p>`);
  parts.push('<h2>Problem</h2>', renderMarkdownWithMath(session.problem.statement || '_(no statement)_'));
  session.thread.forEach((turn, i) => {
    parts.push(`<h2>${session.thread.length > 1 ? `Answer ${i + 1}` : 'Answer'}</h2>`);
    const asked = askedLabel(turn);
    if (asked) parts.push(`<p><strong>${asked}</strong></p>`, renderMarkdownWithMath(turn.text));
    if (options.includeReasoning && turn.reasoning.trim()) {
      parts.push(`<details><summary>Reasoning (${turn.stats ? `${turn.stats.completionTokens.toLocaleString('en')} tokens` : 'show'})</summary>${renderMarkdownWithMath(turn.reasoning)}</details>`);
    }
    parts.push(`<section class="answer">${renderMarkdownWithMath(turn.answer || '_(no answer)_')}</section>`);
  });
  if (session.code.trim()) parts.push('<h2>Code</h2>', `<pre><code class="language-${isCpp(session.language) ? 'cpp' : 'python'}">${escapeHtml(session.code)}</code></pre>`);
  if (session.problem.tests.length > 0) {
    parts.push('<h2>Tests</h2>');
    if (session.lastReport) parts.push(`<p>Last run: <strong>${escapeHtml(session.lastReport.verdict)}</strong>, ${session.lastReport.passed} of ${session.lastReport.total} passed.</p>`);
    const rows = session.problem.tests.map((test, i) => {
      const verdict = session.lastReport?.tests.find((t) => t.index === i)?.verdict;
      const cell = verdict ? `<td class="${verdict === 'AC' ? 'verdict-AC' : 'verdict-bad'}">${escapeHtml(verdict)}</td>` : '<td></td>';
      return `<tr><td>${i + 1}</td><td><pre>${escapeHtml(test.input)}</pre></td><td><pre>${escapeHtml(test.output)}</pre></td>${cell}</tr>`;
    });
    parts.push(`<div class="table-scroll"><table><thead><tr><th>#</th><th>Input</th><th>Expected</th><th>Verdict</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`);
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<meta name="generator" content="VibeThinker Workbench">
<title>${escapeHtml(session.title)}</title>
<style>${inlineKatexCss()}</style>
<style>${pageStyle}</style>
</head>
<body>
<main>
${parts.join('\n')}
</main>
</body>
</html>
`;
}
