// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StreamRenderer } from './stream-renderer';

/**
 * A fake IntersectionObserver (jsdom has none, and does no layout): the test says which pages are in or out of
 * range, as Chromium would while the reader scrolls. The real one is exercised in e2e/reasoning-view.spec.ts.
 */
class FakeObserver {
  static current: FakeObserver | null = null;
  readonly observed: Element[] = [];
  disconnected = false;
  constructor(readonly callback: (entries: Partial<IntersectionObserverEntry>[]) => void) {
    FakeObserver.current = this;
  }
  observe(element: Element): void {
    this.observed.push(element);
  }
  unobserve(): void {}
  disconnect(): void {
    this.disconnected = true;
  }
  /** Reports `element` as out of range (with the height it had) or back in range. */
  report(element: Element, isIntersecting: boolean, height = 600): void {
    this.callback([{ target: element, isIntersecting, boundingClientRect: { height } as DOMRectReadOnly }]);
  }
}

/** A fake ResizeObserver: the test says when the container's width changes. */
class FakeResize {
  static current: FakeResize | null = null;
  constructor(readonly callback: (entries: { contentRect: { width: number } }[]) => void) {
    FakeResize.current = this;
  }
  observe(): void {}
  disconnect(): void {}
  width(width: number): void {
    this.callback([{ contentRect: { width } }]);
  }
}

const blocks = Array.from({ length: 80 }, (_, i) => `Paragraph ${i}: since $x_${i}^2 \\ge 0$, we keep **going**.`);

/** Frames asked for and not run yet: the test runs them (pages come back a few a frame). */
const frames: (() => void)[] = [];
function runFrames(): number {
  let n = 0;
  while (frames.length > 0) {
    frames.shift()?.();
    n++;
  }
  return n;
}

function renderLong(): { container: HTMLElement; renderer: StreamRenderer } {
  const container = document.createElement('div');
  const renderer = new StreamRenderer(container, {}, { schedule: (work) => frames.push(work) });
  renderer.append(blocks.join('\n\n'));
  renderer.finish();
  return { container, renderer };
}

describe('OffscreenPages', () => {
  beforeEach(() => {
    (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = FakeObserver;
    (globalThis as { ResizeObserver?: unknown }).ResizeObserver = FakeResize;
  });
  afterEach(() => {
    delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
    delete (globalThis as { ResizeObserver?: unknown }).ResizeObserver;
    FakeObserver.current = null;
    FakeResize.current = null;
    frames.length = 0;
  });

  it('collapses a full page out of range to its source at its height, and renders it again, the same, when it comes back', () => {
    const { container, renderer } = renderLong();
    const observer = FakeObserver.current!;
    const pages = [...container.querySelectorAll<HTMLElement>('.md-page')];
    // 80 blocks: pages of 32, 32 and 16, each watched once it is full (the last when the stream finished).
    expect(pages).toHaveLength(3);
    expect(observer.observed).toEqual(pages);
    const first = pages[0]!;
    const rendered = first.innerHTML;
    expect(first.querySelectorAll('.katex').length).toBe(32);

    observer.report(first, false, 1234.5);
    expect(renderer.collapsedPages).toBe(1);
    expect(first.classList.contains('md-page-collapsed')).toBe(true);
    expect(first.style.height).toBe('1234.5px');
    expect(first.childNodes).toHaveLength(1);
    expect(first.querySelector('.katex')).toBeNull();
    // Its words are still in the document, for find-in-page and copy.
    expect(first.textContent).toBe(blocks.slice(0, 32).join('\n\n'));
    // The other pages are untouched.
    expect(pages[1]!.querySelectorAll('.katex').length).toBe(32);

    observer.report(first, true);
    // Rendered again in the next frame, not inside the observer's report.
    expect(renderer.collapsedPages).toBe(1);
    runFrames();
    expect(renderer.collapsedPages).toBe(0);
    expect(first.classList.contains('md-page-collapsed')).toBe(false);
    expect(first.style.height).toBe('');
    expect(first.innerHTML).toBe(rendered);
  });

  it('never collapses a page that was never laid out (its panel hidden) or the open page of a stream', () => {
    const container = document.createElement('div');
    const renderer = new StreamRenderer(container, {}, { schedule: () => undefined });
    renderer.append(blocks.slice(0, 40).join('\n\n') + '\n\n');
    // A frame renders within its budget: enough frames to have rendered every finished block.
    for (let frame = 0; frame < 40; frame++) renderer.flush();
    const observer = FakeObserver.current!;
    const pages = [...container.querySelectorAll<HTMLElement>('.md-page')];
    // The second page is still being filled: not watched yet.
    expect(pages).toHaveLength(2);
    expect(observer.observed).toEqual([pages[0]]);
    observer.report(pages[0]!, false, 0);
    expect(renderer.collapsedPages).toBe(0);
    expect(pages[0]!.querySelectorAll('.katex').length).toBe(32);
  });

  it('stops watching when the answer is replaced', () => {
    const { container, renderer } = renderLong();
    const observer = FakeObserver.current!;
    const first = container.querySelector<HTMLElement>('.md-page')!;
    renderer.reset();
    expect(observer.disconnected).toBe(true);
    // A late report about a page of the old answer changes nothing.
    observer.report(first, false);
    expect(renderer.collapsedPages).toBe(0);
    expect(container.childNodes).toHaveLength(0);
  });

  it('prints every page: collapsed ones are rendered before printing and none collapses until it is over', () => {
    const { container, renderer } = renderLong();
    const observer = FakeObserver.current!;
    const pages = [...container.querySelectorAll<HTMLElement>('.md-page')];
    observer.report(pages[0]!, false);
    observer.report(pages[1]!, false);
    expect(renderer.collapsedPages).toBe(2);
    window.dispatchEvent(new Event('beforeprint'));
    expect(renderer.collapsedPages).toBe(0);
    expect(container.querySelectorAll('.katex')).toHaveLength(80);
    observer.report(pages[0]!, false);
    expect(renderer.collapsedPages).toBe(0);
    window.dispatchEvent(new Event('afterprint'));
    observer.report(pages[0]!, false);
    expect(renderer.collapsedPages).toBe(1);
  });

  it('measures collapsed pages again once a new width has settled, so that no stale height is kept', () => {
    vi.useFakeTimers();
    try {
      const { container, renderer } = renderLong();
      const observer = FakeObserver.current!;
      const resize = FakeResize.current!;
      resize.width(600);
      const first = container.querySelector<HTMLElement>('.md-page')!;
      observer.report(first, false, 900);
      expect(first.style.height).toBe('900px');
      const watched = observer.observed.length;
      // The same width again (a layout pass) changes nothing; a drag's steps wait until the width holds.
      resize.width(600);
      resize.width(500);
      vi.advanceTimersByTime(100);
      resize.width(420);
      vi.advanceTimersByTime(100);
      runFrames();
      expect(renderer.collapsedPages).toBe(1);
      vi.advanceTimersByTime(300);
      // Still far, a report meanwhile does not take it off the list.
      observer.report(first, false, 900);
      runFrames();
      expect(renderer.collapsedPages).toBe(0);
      expect(first.style.height).toBe('');
      // Asked about again, so that the observer collapses it at its height at the new width.
      expect(observer.observed.length).toBe(watched + 1);
      observer.report(first, false, 1100);
      expect(first.style.height).toBe('1100px');
    } finally {
      vi.useRealTimers();
    }
  });

  it('renders pages that come back together a few a frame, within a budget, at least one each frame', () => {
    const many = Array.from({ length: 32 * 12 }, (_, i) => `Block ${i}: $\\sum_{k=1}^{${i}} k^2 = \\frac{n(n+1)(2n+1)}{6}$ and $\\int_0^1 x^{${i}} dx$.`);
    const container = document.createElement('div');
    const renderer = new StreamRenderer(container, {}, { schedule: (work) => frames.push(work) });
    renderer.append(many.join('\n\n'));
    renderer.finish();
    const observer = FakeObserver.current!;
    const pages = [...container.querySelectorAll<HTMLElement>('.md-page')];
    for (const page of pages) observer.report(page, false);
    expect(renderer.collapsedPages).toBe(12);
    // A jump: every page near at once. Each frame renders some (jsdom is slow: one or two), all come back.
    for (const page of pages) observer.report(page, true);
    expect(renderer.collapsedPages).toBe(12);
    const ran = runFrames();
    expect(ran).toBeGreaterThan(1);
    expect(renderer.collapsedPages).toBe(0);
    // A page that goes away again before its frame stays collapsed.
    observer.report(pages[0]!, false);
    observer.report(pages[0]!, true);
    observer.report(pages[0]!, false);
    runFrames();
    expect(renderer.collapsedPages).toBe(1);
  });
});
