// @vitest-environment jsdom
import { act, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { one, render } from './render';
import { DrawTools } from '../../src/renderer/src/tutoring/DrawTools';
import type { DrawColor } from '../../src/renderer/src/tutoring/strokes';

/** The drawing tools' colours: the four swatches, and a colour picker for one of the presenter's own. */
describe('drawing colours', () => {
  const picked: DrawColor[] = [];
  function Tools() {
    const [color, setColor] = useState<DrawColor>('red');
    return (
      <DrawTools
        tool="pen"
        color={color}
        strokes={0}
        onTool={() => undefined}
        onColor={(c) => {
          picked.push(c);
          setColor(c);
        }}
        onClear={() => undefined}
      />
    );
  }
  const choose = (input: HTMLInputElement, value: string) =>
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });

  it('opening the picker changes nothing until a colour is chosen; a chosen one is used, named as in use, and taken up again by a click', () => {
    picked.length = 0;
    const host = render(<Tools />);
    const picker = one<HTMLInputElement>(host, 'input[type="color"]');
    const swatch = (name: string) => one<HTMLButtonElement>(host, `button[aria-label="${name}"]`);
    expect(swatch('Red').getAttribute('aria-pressed')).toBe('true');
    act(() => picker.click());
    expect(picked).toEqual([]);
    expect(picker.getAttribute('aria-label')).toBe('Your own colour');

    choose(picker, '#00aa88');
    expect(picked).toEqual(['#00aa88']);
    expect(picker.getAttribute('aria-label')).toBe('Your own colour (in use)');
    expect(picker.dataset.selected).toBe('true');
    expect(swatch('Red').getAttribute('aria-pressed')).toBe('false');

    act(() => swatch('Blue').click());
    expect(picker.getAttribute('aria-label')).toBe('Your own colour');
    act(() => picker.click());
    expect(picked).toEqual(['#00aa88', 'blue', '#00aa88']);
  });
});
