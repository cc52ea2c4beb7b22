import { BlockSplitter } from './block-splitter';
import { renderBlock, type RenderHooks } from './render-block';

const blocksPerPage = 32;

export interface StreamRendererOptions {
  /** Schedules the next render; default requestAnimationFrame (at most one render per frame). */
  schedule?: (work: () => void) => void;
  /** Called after each render that changed the DOM (e.g. to keep the view scrolled to the end). */
  afterRender?: () => void;
}

/**
 * Renders a growing Markdown + math text into a container. Finished blocks
 * are rendered once and appended; only the open tail block is re-rendered,
 * at most once per animation frame however many chunks arrived. The work per
 * frame depends on the size of the tail, not on how long the text already is.
 */
export class StreamRenderer {
  readonly #container: HTMLElement;
  readonly #hooks: RenderHooks;
  readonly #schedule: (work: () => void) => void;
  readonly #afterRender: () => void;
  #splitter = new BlockSplitter();
  #pending: string[] = [];
  #scheduled = false;
  #finished = false;
  #tail: HTMLElement | null = null;
  #renderedTail = '';
  #page: HTMLElement | null = null;
  #pageBlocks = 0;

  constructor(container: HTMLElement, hooks: RenderHooks = {}, options: StreamRendererOptions = {}) {
    this.#container = container;
    this.#hooks = hooks;
    this.#schedule = options.schedule ?? ((work) => requestAnimationFrame(work));
    this.#afterRender = options.afterRender ?? (() => undefined);
  }

  append(chunk: string): void {
    if (chunk === '') return;
    if (this.#finished) this.reset();
    this.#pending.push(chunk);
    if (!this.#scheduled) {
      this.#scheduled = true;
      this.#schedule(() => this.flush());
    }
  }

  /** Ends the stream: the tail is rendered as a finished block (an unclosed formula stays source). */
  finish(): void {
    this.flush();
    for (const block of this.#splitter.finish()) this.#appendFinal(block);
    this.#tail?.remove();
    this.#tail = null;
    this.#renderedTail = '';
    this.#finished = true;
    this.#afterRender();
  }

  /** Starts over with an empty container. */
  reset(): void {
    this.#container.replaceChildren();
    this.#splitter = new BlockSplitter();
    this.#pending = [];
    this.#tail = null;
    this.#renderedTail = '';
    this.#page = null;
    this.#pageBlocks = 0;
    this.#finished = false;
  }

  /** Renders whatever arrived since the last frame, now. */
  flush(): void {
    this.#scheduled = false;
    if (this.#pending.length === 0) return;
    const chunk = this.#pending.join('');
    this.#pending = [];
    const started = performance.now();
    for (const block of this.#splitter.append(chunk)) this.#appendFinal(block);
    const tail = this.#splitter.tail;
    if (tail !== this.#renderedTail) {
      const next = renderBlock(tail, { streaming: true }, this.#hooks);
      next.classList.add('md-tail');
      if (this.#tail) this.#tail.replaceWith(next);
      else this.#container.append(next);
      this.#tail = next;
      this.#renderedTail = tail;
    }
    // Read by `npm run bench:render`; cheap enough to leave on.
    performance.measure('stream-render', { start: started, end: performance.now() });
    this.#afterRender();
  }

  get text(): string {
    return this.#splitter.text + this.#pending.join('');
  }

  /**
   * Finished blocks go into pages of `blocksPerPage`. A full page is never
   * touched again and is skipped by layout when off screen (CSS
   * content-visibility), so the browser's work per frame stays flat instead of
   * growing with thousands of blocks.
   */
  #appendFinal(block: string): void {
    const element = renderBlock(block, { streaming: false }, this.#hooks);
    if (!this.#page || this.#pageBlocks >= blocksPerPage) {
      this.#page = document.createElement('div');
      this.#page.className = 'md-page';
      this.#pageBlocks = 0;
      if (this.#tail) this.#container.insertBefore(this.#page, this.#tail);
      else this.#container.append(this.#page);
    }
    this.#page.append(element);
    this.#pageBlocks++;
  }
}
