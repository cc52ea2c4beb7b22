// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { one, render as renderHost } from './render';
import { AutoNumberSetting } from '../../src/renderer/src/components/AutoNumberSetting';
import { NumberSetting } from '../../src/renderer/src/components/NumberSetting';
import { TextSetting } from '../../src/renderer/src/components/TextSetting';

/** The settings fields share one draft/commit rule (draft-field.tsx); each is driven as a user types. */
describe('settings fields: type freely, save only what is valid', () => {
  const render = (element: React.ReactElement): HTMLInputElement => one<HTMLInputElement>(renderHost(element), 'input');
  // React tracks the value through the native setter; typing is that, then an input event.
  const type = (input: HTMLInputElement, text: string) =>
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const press = (input: HTMLInputElement, key: string) => act(() => void input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));
  const leave = (input: HTMLInputElement) => act(() => void input.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));

  it('a number is saved as it is typed once it is valid; on the way there nothing is; leaving shows the saved one', () => {
    const saved: number[] = [];
    const input = render(<NumberSetting label="Editor font size" value={14} min={8} max={40} onCommit={(n) => saved.push(n)} />);
    type(input, '1');
    expect(saved).toEqual([]);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    type(input, '18');
    expect(saved).toEqual([18]);
    type(input, '');
    leave(input);
    expect(input.value).toBe('14');
  });

  it('auto or a whole number, saved on Enter or leaving; an invalid one stays, marked, and is not saved', () => {
    const saved: ('auto' | number)[] = [];
    const input = render(<AutoNumberSetting label="CPU threads" hint="auto uses the physical cores." value="auto" min={1} max={256} onCommit={(v) => saved.push(v)} />);
    type(input, 'lots');
    press(input, 'Enter');
    expect(saved).toEqual([]);
    expect(input.value).toBe('lots');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    type(input, '6');
    press(input, 'Enter');
    expect(saved).toEqual([6]);
    type(input, 'auto');
    leave(input);
    // Unchanged from the saved value (still auto here): nothing to save.
    expect(saved).toEqual([6]);
  });

  it('free text is saved on Enter, once', () => {
    const saved: string[] = [];
    const input = render(<TextSetting label="Python" hint="the interpreter" value="python3" onCommit={(v) => saved.push(v)} />);
    type(input, '/usr/bin/python3.11');
    press(input, 'Enter');
    leave(input);
    expect(saved).toEqual(['/usr/bin/python3.11']);
  });
});
