import katex from 'katex';
import MarkdownIt from 'markdown-it';
import { highlightInto } from './highlight-code';
import { scanMath, type Segment } from '../../../shared/math-scanner';
import { documentLanguage } from '../i18n/document-language';
import { translate } from '../i18n/translate';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

export interface RenderHooks {
  /** "Open in editor" on a code block. */
  onOpenCode?: (code: string, language: string) => void;
  /** A click on a formula: its LaTeX source. */
  onCopyTex?: (tex: string) => void;
}

// html: false: raw HTML in model output is escaped as text by the parser itself.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

// Private-use characters mark where a formula sits while Markdown is parsed.
const placeholder = (i: number) => `\uE000${i}\uE001`;
const placeholderPattern = /\uE000(\d+)\uE001/g;

/** The tags the token renderer may create; anything else becomes text. */
const allowedTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'em', 'strong', 's', 'hr', 'br', 'a']);

/**
 * Renders one Markdown block with its formulas into a fresh element, building
 * DOM nodes directly (no HTML strings): text stays text, KaTeX runs with
 * `trust: false`, links are kept only for http(s). While `streaming`, an
 * unclosed formula at the end is shown as its source.
 */
export function renderBlock(text: string, options: { streaming: boolean }, hooks: RenderHooks): HTMLElement {
  const element = document.createElement('div');
  element.className = 'md-block';
  const segments = scanMath(text, { streaming: options.streaming });
  const formulas: Extract<Segment, { kind: 'math' }>[] = [];
  let source = '';
  let openTail: string | null = null;
  for (const segment of segments) {
    if (segment.kind === 'text') source += segment.text;
    else if (segment.kind === 'math') {
      source += placeholder(formulas.length);
      formulas.push(segment);
    } else openTail = segment.source;
  }
  const tokens = markdown.parse(source, {});
  renderTokens(tokens, element, formulas, hooks);
  if (openTail !== null) {
    const pending = document.createElement('span');
    pending.className = 'math-pending';
    pending.textContent = openTail;
    (element.lastElementChild ?? element).append(pending);
  }
  return element;
}

function renderTokens(tokens: Token[], root: HTMLElement, formulas: Extract<Segment, { kind: 'math' }>[], hooks: RenderHooks): void {
  const stack: HTMLElement[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  for (const token of tokens) {
    if (token.type === 'inline') {
      renderTokens(token.children ?? [], top(), formulas, hooks);
      continue;
    }
    if (token.nesting === 1) {
      const el = openElement(token);
      top().append(el);
      stack.push(el);
      continue;
    }
    if (token.nesting === -1) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    switch (token.type) {
      case 'text':
        appendTextWithMath(top(), token.content, formulas, hooks);
        break;
      case 'code_inline': {
        const code = document.createElement('code');
        code.textContent = restoreSources(token.content, formulas);
        top().append(code);
        break;
      }
      case 'softbreak':
        top().append('\n');
        break;
      case 'hardbreak':
        top().append(document.createElement('br'));
        break;
      case 'hr':
        top().append(document.createElement('hr'));
        break;
      case 'fence':
      case 'code_block':
        top().append(codeBlock(restoreSources(token.content, formulas), token.info.trim().split(/\s+/)[0] ?? '', hooks));
        break;
      case 'image':
        // Images from model output are not fetched; the alt text stands in.
        appendTextWithMath(top(), token.content, formulas, hooks);
        break;
      default:
        top().append(restoreSources(token.content, formulas));
    }
  }
}

function openElement(token: Token): HTMLElement {
  const tag = allowedTags.has(token.tag) ? token.tag : 'span';
  if (tag === 'a') {
    const href = String(token.attrGet('href') ?? '');
    if (!/^https?:\/\//i.test(href)) return document.createElement('span');
    const a = document.createElement('a');
    a.href = href;
    // Opened only by a click, in the browser (the desktop app checks the URL again before handing it to the OS).
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return a;
  }
  const el = document.createElement(tag);
  if (tag === 'ol') {
    const start = Number(token.attrGet('start'));
    if (Number.isInteger(start) && start !== 1) el.setAttribute('start', String(start));
  }
  const align = /text-align:(left|right|center)/.exec(String(token.attrGet('style') ?? ''))?.[1];
  if (align) el.style.textAlign = align;
  return el;
}

function appendTextWithMath(parent: HTMLElement, text: string, formulas: Extract<Segment, { kind: 'math' }>[], hooks: RenderHooks): void {
  let last = 0;
  for (const match of text.matchAll(placeholderPattern)) {
    const formula = formulas[Number(match[1])];
    if (match.index > last) parent.append(text.slice(last, match.index));
    if (formula) parent.append(renderFormula(formula, hooks));
    last = match.index + match[0].length;
  }
  if (last < text.length) parent.append(text.slice(last));
}

export function renderFormula(formula: { tex: string; display: boolean; source: string }, hooks: RenderHooks): HTMLElement {
  const el = document.createElement('span');
  el.className = formula.display ? 'math math-display' : 'math math-inline';
  el.dataset.tex = formula.source;
  // Built outside React: the interface language is read from <html lang>, which the app keeps current.
  const language = documentLanguage();
  el.title = translate(language, 'markdown.copyLatex');
  try {
    katex.render(formula.tex, el, { displayMode: formula.display, throwOnError: true, trust: false, strict: 'ignore', output: 'htmlAndMathml' });
  } catch (err) {
    // A formula KaTeX cannot read: show its source, quietly marked, never a wall of red.
    el.replaceChildren(formula.source);
    el.className += ' math-invalid';
    // (KaTeX's own message stays in English.)
    el.title = translate(language, 'markdown.notRendered', { reason: err instanceof Error ? err.message.replace(/^KaTeX parse error: /, '') : translate(language, 'markdown.invalidFormula') });
  }
  el.addEventListener('click', () => hooks.onCopyTex?.(formula.source));
  return el;
}

function codeBlock(code: string, language: string, hooks: RenderHooks): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.className = 'code-block';
  const toolbar = document.createElement('div');
  toolbar.className = 'code-toolbar';
  const label = document.createElement('span');
  label.className = 'code-lang';
  label.textContent = language || 'text';
  const open = document.createElement('button');
  open.type = 'button';
  open.textContent = translate(documentLanguage(), 'markdown.openInEditor');
  open.addEventListener('click', () => hooks.onOpenCode?.(code, language));
  toolbar.append(label, open);
  const pre = document.createElement('pre');
  const codeEl = document.createElement('code');
  highlightInto(codeEl, code, language);
  pre.append(codeEl);
  wrapper.append(toolbar, pre);
  return wrapper;
}

/** Inside code, formulas were never taken out; this guards the rare placeholder that slipped in. */
function restoreSources(text: string, formulas: Extract<Segment, { kind: 'math' }>[]): string {
  return text.replace(placeholderPattern, (_m, i: string) => formulas[Number(i)]?.source ?? '');
}
