// Lint rules, including the layering of ARCHITECTURE.md: which folder may import which.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const llama = { group: ['node-llama-cpp', 'node-llama-cpp/*', '@node-llama-cpp/*'], message: 'Only src/core/llm may import node-llama-cpp.' };
const electron = { group: ['electron', 'electron/*'], message: 'Only src/main and src/preload may import Electron.' };
const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'net', 'crypto'], message: 'This layer runs without Node.js.' };
const layer = (name, why) => ({ group: [`**/${name}`, `**/${name}/**`], message: why });
const core = layer('core', 'Reach core through the WorkbenchApi, not by importing it.');
const main = layer('main', 'src/main is the Electron shell; nothing imports it.');
const server = layer('server', 'src/server is the web-mode shell; only the CLI imports it.');
const cli = layer('cli', 'src/cli is an entry point; nothing imports it.');
const renderer = layer('renderer', 'The renderer is browser code; other layers do not import it.');
const react = { group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'monaco-editor', 'monaco-editor/*'], message: 'UI libraries belong in the renderer.' };

const rawHtml = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Untrusted text is never raw HTML.' },
  { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Untrusted text is never raw HTML.' },
];
// Two letters in a row is a word to translate; single letters (V, ×, ←) and punctuation are not.
const words = '/[A-Za-z]{2,}/';
const shownAttributes = '/^(title|placeholder|aria-label|alt|label|hint)$/';
const translate = 'Put user-facing text in the i18n catalogue (src/renderer/src/i18n/en.ts, zh-CN.ts) and show it with t().';
const untranslated = [
  { selector: `JSXText[value=${words}]`, message: translate },
  { selector: `JSXAttribute[name.name=${shownAttributes}] > Literal[value=${words}]`, message: translate },
  { selector: `JSXAttribute[name.name=${shownAttributes}] > JSXExpressionContainer > Literal[value=${words}]`, message: translate },
  { selector: `JSXAttribute[name.name=${shownAttributes}] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=${words}]`, message: translate },
  // A string as an element's child, directly or as one branch of a condition: {'Run'}, {busy ? 'Running…' : 'Run'}.
  { selector: `JSXElement > JSXExpressionContainer > Literal[value=${words}]`, message: translate },
  { selector: `JSXElement > JSXExpressionContainer > ConditionalExpression > Literal[value=${words}]`, message: translate },
  { selector: `JSXElement > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=${words}]`, message: translate },
];

// Views build their controls from ui/ (Button, IconButton, Select, Checkbox, Progress): the one place a control's
// classes, type="button", name and typed value are decided. A raw one outside ui/ says why in a disable comment.
const rawControl = (name, component) => ({ selector: `JSXOpeningElement[name.name='${name}']`, message: `Use ui/${component}, not a raw <${name}>.` });
const rawControls = [
  rawControl('button', 'Button (or IconButton)'),
  rawControl('select', 'Select'),
  rawControl('progress', 'Progress'),
  { selector: "JSXOpeningElement[name.name='input']:has(JSXAttribute[name.name='type'] Literal[value='checkbox'])", message: 'Use ui/Checkbox, not a raw checkbox.' },
];

/** One config object per folder: flat config replaces (not merges) a rule, so each lists all its bans. */
const restrict = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-properties': ['error', { object: 'document', property: 'write', message: 'Never write raw HTML.' }],
      'no-restricted-syntax': ['error', ...rawHtml],
    },
  },
  // Every text the renderer shows comes from the catalogue (src/renderer/src/i18n): no words typed into JSX.
  { files: ['src/renderer/**/*.tsx'], ignores: ['**/*.test.tsx'], rules: { 'no-restricted-syntax': ['error', ...rawHtml, ...untranslated] } },
  { files: ['src/renderer/**/*.tsx'], ignores: ['**/*.test.tsx', 'src/renderer/src/ui/**'], rules: { 'no-restricted-syntax': ['error', ...rawHtml, ...untranslated, ...rawControls] } },
  restrict(['src/**/*.{ts,tsx}', 'scripts/**/*.ts', 'test/**/*.ts', 'e2e/**/*.ts'], [llama]),
  restrict(['src/shared/**/*.ts'], [llama, electron, nodeBuiltins, core, main, server, cli, renderer, react]),
  restrict(['src/renderer/**/*.{ts,tsx}'], [llama, electron, nodeBuiltins, core, main, server, cli]),
  restrict(['src/core/**/*.ts'], [llama, electron, main, server, cli, renderer, react]),
  restrict(['src/core/llm/**/*.ts'], [electron, main, server, cli, renderer, react]),
  restrict(['src/preload/**/*.ts'], [llama, core, main, server, cli, renderer, react]),
  restrict(['src/main/**/*.ts'], [llama, server, cli, renderer, react]),
  restrict(['src/server/**/*.ts'], [llama, electron, main, cli, renderer, react]),
  restrict(['src/cli/**/*.ts'], [llama, electron, main, renderer, react]),
  // The front doors (web server, CLI) use core's handlers, events and its few front-door methods
  // (openAiBackend, chatBackend, completionPool, evalGenerator, download, template, listenForCompanion),
  // never the services inside it, so each door does what the others do.
  {
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['core', 'options.core'].map((owner) => ({
          selector: `MemberExpression[property.name=/^(llm|judging|sessions|settings|solve|fixLoops|workspace|evals|templates)$/][object${owner === 'core' ? ".name='core'" : ".property.name='core'"}]`,
          message: 'Front doors reach core through its handlers and front-door methods, not its services.',
        })),
      ],
    },
  },
  // src/main's --cli mode loads the CLI with a dynamic import: the one way into src/cli from outside it.
  // The benchmark and the GPU check measure node-llama-cpp itself, next to the app.
  { files: ['scripts/bench-llm.ts', 'scripts/bench-serve.ts', 'scripts/check-gpu.ts'], rules: { 'no-restricted-imports': 'off' } },
);
