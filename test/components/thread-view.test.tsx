// @vitest-environment jsdom
import { join } from 'node:path';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger';
import { WorkbenchCore } from '../../src/core/workbench-core';
import { createWorkbenchClient } from '../../src/renderer/src/api/workbench-client';
import { ThreadPane } from '../../src/renderer/src/views/workbench/ThreadPane';
import { WorkspaceProvider } from '../../src/renderer/src/workspace/use-workspace';
import { WorkspaceStore } from '../../src/renderer/src/workspace/workspace-store';
import type { Turn } from '../../src/shared/sessions';
import { sampleSession } from '../fixtures/sample-session';
import { writeTinyModel } from '../fixtures/tiny-model/tiny-model';
import { useTempDirs } from '../helpers/temp-dir';
import { fakeEditor, inMemoryTransport } from '../helpers/workspace-harness';

// React's act() needs to know it runs in a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const first = sampleSession().thread[0] as Turn;
const turn = (id: string, changes: Partial<Turn>): Turn => ({ ...first, id, codeVersion: null, ...changes });

/** A saved conversation of three turns: a question with code, a follow-up, a Fix that failed mid-answer. */
const conversation = sampleSession('thread-1', {
  thread: [
    first,
    turn('t2', { kind: 'followUp', text: 'Why divide by six?', prompt: 'Why divide by six?', reasoning: 'Because of the formula.', answer: 'The product is always divisible by $6$.' }),
    turn('t3', { kind: 'fix', text: 'Your code failed test 1 (WA).', prompt: 'Your code failed test 1 (WA).', reasoning: 'Checking', answer: '', error: 'The model stopped: the connection was lost.', stats: null }),
  ],
});

describe('the thread view (ThreadPane) over a real core', () => {
  const tempDir = useTempDirs();
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function render(options: { model?: string[]; blocked?: string | null; loadBar?: boolean } = {}) {
    const dataDir = await tempDir();
    const core = await WorkbenchCore.create({ dataDir, appVersion: '0', mode: 'desktop', log: silentLogger });
    cleanups.push(() => core.dispose());
    if (options.model) {
      await core.handlers.updateSettings({ contextSize: 2048, backend: 'cpu' });
      await core.handlers.loadModel({ path: await writeTinyModel(join(dataDir, 'models', 'tiny.gguf'), { script: options.model }) });
    }
    await core.handlers.saveSession(conversation);
    const store = new WorkspaceStore(createWorkbenchClient(inMemoryTransport(core)), fakeEditor('# starter\n'), '# starter\n');
    cleanups.push(() => store.dispose());
    await store.open('thread-1');
    const opened: string[] = [];
    const container = document.createElement('div');
    document.body.append(container);
    let root: Root | undefined;
    await act(async () => {
      root = createRoot(container);
      root.render(
        <WorkspaceProvider value={store}>
          <ThreadPane
            fontSize={15}
            reasoningOpen
            onReasoningToggle={() => undefined}
            blockedReason={options.blocked ?? null}
            answerNowBlocked={null}
            empty={<p>empty</p>}
            loadBar={options.loadBar ? <p data-testid="load-model-bar">Load it</p> : null}
            onOpenCode={(code) => opened.push(code)}
          />
        </WorkspaceProvider>,
      );
    });
    cleanups.push(() => act(() => root?.unmount()));
    cleanups.push(() => container.remove());
    return { container, store, opened, core };
  }

  const turns = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('[data-testid="turn"]')];
  const waitFor = async (check: () => boolean) => {
    for (let i = 0; i < 400 && !check(); i++) await act(() => new Promise((r) => setTimeout(r, 25)));
    expect(check()).toBe(true);
  };

  it('shows every saved turn in order: what was asked, earlier reasoning folded, each answer with its stats and its code', async () => {
    const { container, opened } = await render();
    const shown = turns(container);
    expect(shown.map((t) => t.getAttribute('aria-label'))).toEqual(['Question 1', 'Follow-up 2', 'Fix with feedback 3']);
    expect(container.querySelector('.pane-header')?.textContent).toContain('3 turns');
    // Earlier turns fold their reasoning; the latest follows the layout (open here).
    const reasoning = shown.map((t) => t.querySelector<HTMLDetailsElement>('[data-testid="reasoning"]')?.open);
    expect(reasoning).toEqual([false, false, true]);
    expect(shown[1]?.querySelector('[data-testid="turn-asked"]')?.textContent).toContain('Why divide by six?');
    expect(shown[0]?.querySelector('[data-testid="turn-asked"]')).toBeNull();
    expect(shown[0]?.querySelector('[data-testid="generation-stats"]')?.textContent).toContain('40 prompt + 120 completion tokens');
    // Math is rendered, never shown as raw HTML from the text.
    expect(shown[0]?.querySelectorAll('.katex').length).toBeGreaterThan(0);
    // "Open this code" gives the code version that turn produced, not the session's current code.
    const open = shown[0]?.querySelector<HTMLButtonElement>('[data-testid="open-turn-code"]');
    await act(async () => open?.click());
    expect(opened).toEqual(['print(385)\n']);
    expect(shown[1]?.querySelector('[data-testid="open-turn-code"]')).toBeNull();
    // Only the latest, failed turn offers Retry.
    expect(shown.map((t) => t.querySelector('.retry') !== null)).toEqual([false, false, true]);
  });

  it('with no model, the reply box cannot send and the load bar shows; the statement is never where a follow-up goes', async () => {
    const { container } = await render({ blocked: 'Load a model first', loadBar: true });
    expect(container.querySelector('[data-testid="load-model-bar"]')).not.toBeNull();
    const box = container.querySelector<HTMLTextAreaElement>('[data-testid="reply-box"] textarea');
    const send = container.querySelector<HTMLButtonElement>('[data-testid="reply-box"] button');
    expect(box?.getAttribute('aria-label')).toBe('Follow-up');
    await act(async () => typeInto(box, 'Why?'));
    expect(send?.disabled).toBe(true);
  });

  it('a follow-up sent from the reply box streams as a new turn after the others and is saved in the same session', async () => {
    const { container, store } = await render({ model: ['<think>', 'Again', '</think>', 'Still', 'Ġ385.'] });
    const box = container.querySelector<HTMLTextAreaElement>('[data-testid="reply-box"] textarea');
    await act(async () => typeInto(box, 'Check it once more.'));
    await act(async () => container.querySelector<HTMLButtonElement>('[data-testid="reply-box"] button')?.click());
    await waitFor(() => store.getState().session?.thread.length === 4 && store.getState().live === null);
    await waitFor(() => turns(container).length === 4);
    const last = turns(container)[3];
    expect(last?.getAttribute('aria-label')).toBe('Follow-up 4');
    expect(last?.querySelector('[data-testid="turn-asked"]')?.textContent).toContain('Check it once more.');
    expect(last?.querySelector('[data-testid="answer-text"]')?.textContent).toContain('Still 385.');
    expect(box?.value).toBe('');
    expect(store.getState().session?.problem.statement).toBe(conversation.problem.statement);
  });
});

/** Types as React sees it: the native value setter, then an input event. */
function typeInto(box: HTMLTextAreaElement | null, text: string) {
  if (!box) throw new Error('no text box');
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(box, text);
  box.dispatchEvent(new Event('input', { bubbles: true }));
}
