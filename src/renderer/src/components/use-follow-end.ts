import { useEffect, useRef } from 'react';

/**
 * Keeps the end of a scrolling container in view while its content grows, as
 * long as the reader is there; scrolling up lets go, scrolling back to the end
 * picks up again.
 *
 * Why a ResizeObserver on the content: its callback runs after the browser's
 * own layout of the frame, so reading `scrollHeight` there costs nothing.
 * Reading it from script after new text (as the first version did) made the
 * browser lay out a 40k-token transcript again on every delta, ~10 ms each.
 * CSS scroll anchoring alone does not follow from the top (Chromium does not
 * anchor at scroll offset 0, so the default layout never started following).
 *
 * `ref` goes on the scroller, `contentRef` on the one element inside it that
 * holds everything that grows. A new `answerId` (another answer starts) follows
 * from the start again, even if the reader had scrolled up in the last one.
 */
export function useFollowEnd<T extends HTMLElement, C extends HTMLElement = HTMLDivElement>(answerId: string | null | undefined) {
  const ref = useRef<T>(null);
  const contentRef = useRef<C>(null);
  const following = useRef(true);
  // Our own scrolling fires scroll events too: they must not count as the reader's.
  const ours = useRef(false);

  useEffect(() => {
    const el = ref.current;
    const content = contentRef.current;
    if (!el || !content) return;
    const toEnd = () => {
      // Already at the end: no scroll event would come to clear `ours`, so nothing is done.
      if (!following.current || el.scrollHeight - el.scrollTop - el.clientHeight < 1) return;
      ours.current = true;
      el.scrollTop = el.scrollHeight;
    };
    const onScroll = () => {
      if (ours.current) {
        ours.current = false;
        return;
      }
      following.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    // The content growing, and the scroller resized (a window, a folded pane), both keep the end in view.
    // Where there is no ResizeObserver (a DOM emulation), nothing follows.
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(toEnd);
    resized?.observe(content);
    resized?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resized?.disconnect();
    };
  }, []);

  useEffect(() => {
    if (answerId) following.current = true;
  }, [answerId]);

  return { ref, contentRef };
}
