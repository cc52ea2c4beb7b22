/**
 * Keeps the DOM of a long answer small: a full page of rendered blocks that is
 * far from the visible part of its scroller is replaced by its Markdown source
 * as one text node, at the height it had, and rendered again when it comes near.
 *
 * Why: a 40k-token answer of math is some 4,000 KaTeX formulas, hundreds of
 * thousands of DOM nodes. `content-visibility: auto` already spares the browser
 * laying out and painting pages off screen, but every node is still traced by
 * the garbage collector, and that marking, landing inside a streaming frame,
 * was what pushed frames past 50 ms (bench:render). A collapsed page is one
 * node. Its text is still in the document, so find-in-page and copy still see
 * the answer (as its source, until the page is near again and re-rendered).
 */

/** How far beyond the scroller's visible part a page stays rendered (percent of the scroller's height). */
const keepRendered = '200% 0px';

/** Script time a frame may spend rendering pages again (their style and layout cost as much again). */
const expandBudgetMs = 6;
/** How long a new width must hold before collapsed pages are measured again (a pane drag changes it every frame). */
const widthSettleMs = 250;

/** The nearest ancestor that scrolls vertically: the observer's root, so that the margin applies to it. */
function scrollerOf(element: Element): Element | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(node).overflowY)) return node;
  }
  return null;
}

interface Page {
  element: HTMLElement;
  blocks: string[];
  collapsed: boolean;
}

export class OffscreenPages {
  readonly #container: HTMLElement;
  readonly #render: (block: string) => HTMLElement;
  readonly #pages = new Map<Element, Page>();
  #observer: IntersectionObserver | null = null;
  #resize: ResizeObserver | null = null;
  #width = -1;
  /** Printing: every page rendered, none collapsed, until it is over (a print has no scrolling to bring them back). */
  #printing = false;
  readonly #beforePrint = () => {
    this.#printing = true;
    for (const page of this.#pages.values()) if (page.collapsed) this.#expand(page);
  };
  readonly #afterPrint = () => {
    this.#printing = false;
    this.#reobserve();
  };

  /**
   * Pages waiting to be rendered again, a few a frame (a jump to the top of a long answer brings many): those
   * that came near, and (true) those whose kept height a new width made wrong, to be measured again after.
   */
  readonly #waiting = new Map<Page, boolean>();
  #widthTimer: ReturnType<typeof setTimeout> | undefined;
  #scheduled = false;
  readonly #schedule: (work: () => void) => void;

  /**
   * `render` renders one finished block of `container` (the same function that rendered it the first time);
   * `schedule` runs work in the next frame (the stream renderer's own).
   */
  constructor(container: HTMLElement, render: (block: string) => HTMLElement, schedule: (work: () => void) => void) {
    this.#container = container;
    this.#render = render;
    this.#schedule = schedule;
  }

  /** A page that is full (never appended to again) may be collapsed from now on. */
  seal(element: HTMLElement, blocks: string[]): void {
    const observer = this.#observe();
    if (!observer) return;
    this.#pages.set(element, { element, blocks, collapsed: false });
    observer.observe(element);
  }

  /** Stops watching every page (the container is being emptied). */
  reset(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#resize?.disconnect();
    this.#resize = null;
    this.#width = -1;
    this.#waiting.clear();
    clearTimeout(this.#widthTimer);
    window.removeEventListener('beforeprint', this.#beforePrint);
    window.removeEventListener('afterprint', this.#afterPrint);
    this.#pages.clear();
  }

  /** How many pages are collapsed now (read by tests). */
  get collapsedCount(): number {
    let n = 0;
    for (const page of this.#pages.values()) if (page.collapsed) n++;
    return n;
  }

  #observe(): IntersectionObserver | null {
    // No observer (an old engine, a test DOM): pages simply stay rendered.
    if (typeof IntersectionObserver === 'undefined') return null;
    if (this.#observer) return this.#observer;
    // The root is the scroller itself: a margin on the viewport would not reach past the scroller's own clip.
    this.#observer = new IntersectionObserver((entries) => this.#update(entries), { root: scrollerOf(this.#container), rootMargin: keepRendered });
    // A new width (a pane dragged, the window resized, another text size) makes the kept heights wrong: once the
    // width has settled (not at every step of a drag), the collapsed pages are rendered again and measured anew.
    if (typeof ResizeObserver !== 'undefined') {
      this.#resize = new ResizeObserver(([entry]) => {
        const width = entry?.contentRect.width ?? 0;
        if (this.#width >= 0 && Math.abs(width - this.#width) > 0.5) {
          clearTimeout(this.#widthTimer);
          this.#widthTimer = setTimeout(() => {
            for (const page of this.#pages.values()) if (page.collapsed) this.#wait(page, true);
          }, widthSettleMs);
        }
        this.#width = width;
      });
      this.#resize.observe(this.#container);
    }
    window.addEventListener('beforeprint', this.#beforePrint);
    window.addEventListener('afterprint', this.#afterPrint);
    return this.#observer;
  }

  /** Asks the observer for the state of these pages again (its first report of a target). */
  #reobserve(pages: Iterable<Page> = this.#pages.values()): void {
    const observer = this.#observer;
    if (!observer) return;
    for (const page of pages) {
      observer.unobserve(page.element);
      observer.observe(page.element);
    }
  }

  #update(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const page = this.#pages.get(entry.target);
      if (!page) continue;
      if (entry.isIntersecting && page.collapsed) this.#wait(page, false);
      else if (!entry.isIntersecting) {
        // (One waiting to be measured again still is.)
        if (this.#waiting.get(page) === false) this.#waiting.delete(page);
        if (!page.collapsed && !this.#printing) this.#collapse(page, entry.boundingClientRect.height);
      }
    }
  }

  #collapse(page: Page, height: number): void {
    // A page never laid out (its panel hidden) has no height to keep: leave it as it is.
    if (height <= 0) return;
    page.element.style.height = `${height}px`;
    page.element.classList.add('md-page-collapsed');
    page.element.replaceChildren(document.createTextNode(page.blocks.join('\n\n')));
    page.collapsed = true;
  }

  /** Renders a page again in a coming frame: as many as fit in the frame's budget, at least one. */
  #wait(page: Page, remeasure: boolean): void {
    this.#waiting.set(page, remeasure || (this.#waiting.get(page) ?? false));
    if (this.#scheduled) return;
    this.#scheduled = true;
    const frame = () => {
      this.#scheduled = false;
      const started = performance.now();
      let rendered = 0;
      for (const [next, remeasure] of [...this.#waiting]) {
        if (rendered > 0 && performance.now() - started > expandBudgetMs) break;
        this.#waiting.delete(next);
        // (Still collapsed, and still this renderer's: a reset since leaves it alone.)
        if (next.collapsed && this.#pages.get(next.element) === next) {
          this.#expand(next);
          rendered++;
          // Rendered at the new width: the observer reports it again, and it is collapsed at its true height.
          if (remeasure) this.#reobserve([next]);
        }
      }
      if (this.#waiting.size > 0) {
        this.#scheduled = true;
        this.#schedule(frame);
      }
    };
    this.#schedule(frame);
  }

  #expand(page: Page): void {
    page.element.replaceChildren(...page.blocks.map((block) => this.#render(block)));
    page.element.classList.remove('md-page-collapsed');
    page.element.style.height = '';
    page.collapsed = false;
  }
}
