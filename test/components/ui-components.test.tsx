// @vitest-environment jsdom
import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { render } from './render';
import { Tabs } from '../../src/renderer/src/ui/Tabs';
import { Diff } from '../../src/renderer/src/ui/Diff';
import { VerdictBadge } from '../../src/renderer/src/ui/Badge';
import { MathText } from '../../src/renderer/src/markdown/MathText';

describe('ui components', () => {
  function Picker() {
    const [tab, setTab] = useState<'a' | 'b' | 'c'>('a');
    return <Tabs label="Programs" tabs={[{ id: 'a', label: 'Alpha' }, { id: 'b', label: 'Beta' }, { id: 'c', label: 'Gamma' }]} selected={tab} onSelect={setTab} />;
  }

  it('tabs are one tab stop; arrows, Home and End select and focus the next tab, wrapping around', () => {
    const host = render(<Picker />);
    const tabs = [...host.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const selected = () => tabs.findIndex((t) => t.getAttribute('aria-selected') === 'true');
    expect(host.querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe('Programs');
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    const press = (key: string) => act(() => void document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));
    tabs[0]?.focus();
    press('ArrowRight');
    expect(selected()).toBe(1);
    expect(document.activeElement).toBe(tabs[1]);
    expect(tabs.map((t) => t.tabIndex)).toEqual([-1, 0, -1]);
    press('End');
    expect(selected()).toBe(2);
    press('ArrowRight');
    expect(selected()).toBe(0);
    press('ArrowLeft');
    expect(selected()).toBe(2);
    press('Home');
    expect(selected()).toBe(0);
    act(() => tabs[1]?.click());
    expect(selected()).toBe(1);
  });

  it("a diff colours the expected and the program's lines apart, and keeps hostile text as text", () => {
    const host = render(<Diff text={'--- expected\n+++ got\n     1 | same\n-    2 | 42\n+    2 | <img src=x onerror=alert(1)>'} />);
    const kinds = [...host.querySelectorAll('span')].map((s) => s.className);
    expect(kinds).toEqual(['diff-head', 'diff-head', 'diff-same', 'diff-expected', 'diff-got']);
    expect(host.querySelector('img')).toBeNull();
    expect(host.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('a verdict badge says its verdict and its tone', () => {
    const host = render(
      <>
        <VerdictBadge verdict="AC" />
        <VerdictBadge verdict="TLE" />
        <VerdictBadge verdict="WA" />
      </>,
    );
    expect([...host.querySelectorAll('span')].map((s) => `${s.textContent}:${s.getAttribute('data-tone')}`)).toEqual(['AC:ok', 'TLE:warn', 'WA:bad']);
  });

  it('a title typesets its math inline, keeps everything else as text, and shows its source on hover', () => {
    const title = 'Let $f(x) = x^2$ and $$\\href{javascript:alert(1)}{g}$$ <img src=x onerror=alert(1)>';
    const host = render(<MathText text={title} className="session-title" />);
    const span = host.querySelector('.session-title');
    expect(span?.getAttribute('title')).toBe(title);
    expect(span?.querySelectorAll('.katex')).toHaveLength(2);
    // Display math in a title is set inline; links and HTML never come alive.
    expect(span?.querySelector('.katex-display')).toBeNull();
    expect(span?.querySelector('a, img')).toBeNull();
    expect(span?.textContent).toContain('<img src=x onerror=alert(1)>');
    // No formula: plain text.
    const plain = render(<MathText text="Sum of squares" />);
    expect(plain.textContent).toBe('Sum of squares');
  });
});
