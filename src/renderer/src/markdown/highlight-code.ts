import Prism from 'prismjs';
import 'prismjs/components/prism-clike';
import 'prismjs/components/prism-c';
import 'prismjs/components/prism-cpp';
import 'prismjs/components/prism-java';
import 'prismjs/components/prism-javascript';
import 'prismjs/components/prism-python';
import 'prismjs/components/prism-bash';
import 'prismjs/components/prism-json';

const aliases: Record<string, string> = { py: 'python', python3: 'python', 'c++': 'cpp', js: 'javascript', sh: 'bash', shell: 'bash' };

/**
 * Fills `target` with highlighted code as DOM nodes built from Prism's token
 * tree (never an HTML string), so code from the model can contain anything.
 */
export function highlightInto(target: HTMLElement, code: string, language: string): void {
  const lang = aliases[language.toLowerCase()] ?? language.toLowerCase();
  const grammar = Prism.languages[lang];
  target.className = `language-${lang || 'text'}`;
  if (!grammar) {
    target.textContent = code;
    return;
  }
  appendTokens(target, Prism.tokenize(code, grammar));
}

function appendTokens(parent: HTMLElement, tokens: (string | Prism.Token)[] | string | Prism.Token): void {
  if (typeof tokens === 'string') {
    parent.append(tokens);
    return;
  }
  if (!Array.isArray(tokens)) {
    const span = document.createElement('span');
    span.className = `token ${tokens.type}`;
    appendTokens(span, tokens.content);
    parent.append(span);
    return;
  }
  for (const token of tokens) appendTokens(parent, token);
}
