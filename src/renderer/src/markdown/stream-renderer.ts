import { BlockSplitter } from './block-splitter';
import { OffscreenPages } from './offscreen-pages';
import { renderBlock, type RenderHooks } from './render-block';

const blocksPerPage = 32;
/** Text finished in one go above this size is rendered over several frames (`finishInSlices`). */
const sliceAbove = 16 * 1024;
/**
 * Script time a slice may take. The browser's style, layout and paint of what a slice added cost about three
 * times as much again, and a thread opens several long turns at once: at 12 ms a frame came to 52–73 ms
 * (bench:render --turns 3), at 6 ms it stays under 50.
 */
const sliceBudgetMs = 6;
/** Text handed to the block splitter at a time while slicing. */
const sliceChars = 2048;
/**
 * Script time a streaming frame may spend rendering finished blocks. The
 * browser's style, layout and paint of what was added cost about three times
 * as much again, so this keeps the whole frame under 50 ms. A stream faster
 * than that (thousands of tokens a second of math) is shown a little behind,
 * block by block, and catches up when it slows; at a reading pace nothing waits.
 */
const frameBudgetMs = 6;

export interface StreamRendererOptions {
  /** Schedules the next render; default requestAnimationFrame (at most one render per frame). */
  schedule?: (work: () => void) => void;
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
  #splitter = new BlockSplitter();
  #pending: string[] = [];
  #scheduled = false;
  #finished = false;
  #tail: HTMLElement | null = null;
  #renderedTail = '';
  #page: HTMLElement | null = null;
  /** The sources of the blocks on the open page, kept so that it can be collapsed once full. */
  #pageBlocks: string[] = [];
  readonly #offscreen: OffscreenPages;
  /** Finished blocks split from the text but not rendered yet (a frame's budget ran out). */
  #backlog: string[] = [];
  /** While a large finished text is being rendered in slices: what is left of it. */
  #slicing: { text: string; generation: number } | null = null;
  #generation = 0;

  constructor(container: HTMLElement, hooks: RenderHooks = {}, options: StreamRendererOptions = {}) {
    this.#container = container;
    this.#hooks = hooks;
    this.#schedule = options.schedule ?? ((work) => requestAnimationFrame(work));
    this.#offscreen = new OffscreenPages(container, (block) => renderBlock(block, { streaming: false }, hooks), this.#schedule);
  }

  append(chunk: string): void {
    if (chunk === '') return;
    if (this.#finished || this.#slicing) this.reset();
    this.#pending.push(chunk);
    if (!this.#scheduled) {
      this.#scheduled = true;
      this.#schedule(() => this.flush());
    }
  }

  /** Ends the stream: the tail is rendered as a finished block (an unclosed formula stays source). */
  finish(): void {
    // Asked to finish while slicing or behind: the rest now, in one go.
    const text = (this.#slicing?.text ?? '') + this.#pending.join('');
    this.#slicing = null;
    this.#pending = [];
    this.#scheduled = false;
    for (const block of this.#backlog.splice(0)) this.#appendFinal(block);
    for (const block of this.#splitter.append(text)) this.#appendFinal(block);
    for (const block of this.#splitter.finish()) this.#appendFinal(block);
    this.#tail?.remove();
    this.#tail = null;
    this.#renderedTail = '';
    this.#finished = true;
    this.#sealPage();
  }

  /**
   * Ends the stream like `finish`, but a large remainder (a saved 40k-token
   * answer opened at once) is rendered a few blocks per frame, each frame
   * within a small time budget, so opening it never freezes the page.
   */
  finishInSlices(): void {
    const text = this.#pending.join('');
    if (text.length <= sliceAbove && this.#backlog.length === 0) {
      this.finish();
      return;
    }
    this.#pending = [];
    this.#scheduled = false;
    const slicing = { text, generation: this.#generation };
    this.#slicing = slicing;
    const step = () => {
      // A reset (another answer in this container) since: this slicing is over.
      if (this.#slicing !== slicing || slicing.generation !== this.#generation) return;
      const started = performance.now();
      while (performance.now() - started < sliceBudgetMs) {
        const block = this.#backlog.shift();
        if (block !== undefined) {
          this.#appendFinal(block);
          continue;
        }
        if (slicing.text === '') break;
        this.#backlog.push(...this.#splitter.append(slicing.text.slice(0, sliceChars)));
        slicing.text = slicing.text.slice(sliceChars);
      }
      performance.measure('stream-render', { start: started, end: performance.now() });
      if (this.#backlog.length > 0 || slicing.text !== '') {
        this.#schedule(step);
        return;
      }
      this.#slicing = null;
      this.finish();
    };
    step();
  }

  /** Starts over with an empty container. */
  reset(): void {
    this.#generation++;
    this.#slicing = null;
    this.#backlog = [];
    this.#container.replaceChildren();
    this.#splitter = new BlockSplitter();
    this.#pending = [];
    this.#tail = null;
    this.#renderedTail = '';
    this.#page = null;
    this.#pageBlocks = [];
    this.#offscreen.reset();
    this.#finished = false;
  }

  /**
   * Renders what arrived since the last frame: finished blocks within the
   * frame's budget (at least one, so a slow machine still moves on), then the
   * open tail once nothing is waiting.
   */
  flush(): void {
    this.#scheduled = false;
    if (this.#slicing) return;
    if (this.#pending.length === 0 && this.#backlog.length === 0) return;
    const started = performance.now();
    const chunk = this.#pending.join('');
    this.#pending = [];
    if (chunk !== '') this.#backlog.push(...this.#splitter.append(chunk));
    let rendered = 0;
    while (this.#backlog.length > 0 && (rendered === 0 || performance.now() - started < frameBudgetMs)) {
      this.#appendFinal(this.#backlog.shift() ?? '');
      rendered++;
    }
    if (this.#backlog.length > 0) {
      // Behind: the tail's text comes after blocks not shown yet, so it waits with them.
      this.#tail?.remove();
      this.#tail = null;
      this.#renderedTail = '';
      this.#scheduled = true;
      this.#schedule(() => this.flush());
    } else {
      const tail = this.#splitter.tail;
      if (tail !== this.#renderedTail) {
        const next = renderBlock(tail, { streaming: true }, this.#hooks);
        next.classList.add('md-tail');
        if (this.#tail) this.#tail.replaceWith(next);
        else this.#container.append(next);
        this.#tail = next;
        this.#renderedTail = tail;
      }
    }
    // Read by `npm run bench:render`; cheap enough to leave on.
    performance.measure('stream-render', { start: started, end: performance.now() });
  }

  /** Pages collapsed to their source because they are far off screen (read by tests). */
  get collapsedPages(): number {
    return this.#offscreen.collapsedCount;
  }

  get text(): string {
    return this.#splitter.text + (this.#slicing?.text ?? '') + this.#pending.join('');
  }

  /**
   * Finished blocks go into pages of `blocksPerPage`. A full page is never
   * touched again and is skipped by layout when off screen (CSS
   * content-visibility), so the browser's work per frame stays flat instead of
   * growing with thousands of blocks. A full page far off screen is collapsed
   * to its source (OffscreenPages) so that the DOM stays small too.
   */
  #appendFinal(block: string): void {
    const element = renderBlock(block, { streaming: false }, this.#hooks);
    if (!this.#page || this.#pageBlocks.length >= blocksPerPage) {
      this.#sealPage();
      this.#page = document.createElement('div');
      this.#page.className = 'md-page';
      if (this.#tail) this.#container.insertBefore(this.#page, this.#tail);
      else this.#container.append(this.#page);
    }
    this.#page.append(element);
    this.#pageBlocks.push(block);
  }

  #sealPage(): void {
    if (this.#page && this.#pageBlocks.length > 0) this.#offscreen.seal(this.#page, this.#pageBlocks);
    this.#page = null;
    this.#pageBlocks = [];
  }
}
