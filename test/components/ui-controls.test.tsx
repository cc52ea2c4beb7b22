// @vitest-environment jsdom
import { act, createRef, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { one, render } from './render';
import { Play, Trash2 } from 'lucide-react';
import { Button } from '../../src/renderer/src/ui/Button';
import { IconButton } from '../../src/renderer/src/ui/IconButton';
import { Select } from '../../src/renderer/src/ui/Select';
import { Checkbox } from '../../src/renderer/src/ui/Checkbox';
import { Field } from '../../src/renderer/src/ui/Field';
import { Card } from '../../src/renderer/src/ui/Card';
import { Progress } from '../../src/renderer/src/ui/Progress';

/** The controls of ui/: what every view now relies on them for (classes the styles and specs know, names, ids). */
describe('ui controls', () => {
  it('a button is type="button" unless told, its variant picks its class, and every native prop and the ref reach it', () => {
    const ref = createRef<HTMLButtonElement>();
    let clicks = 0;
    const host = render(
      <form onSubmit={(e) => e.preventDefault()}>
        <Button ref={ref} data-testid="plain" title="Plain" aria-pressed onClick={() => clicks++}>
          Plain
        </Button>
        <Button variant="primary">Ask</Button>
        <Button variant="danger">Stop</Button>
        <Button variant="link" className="retry">
          Retry
        </Button>
        <Button icon={Play}>Replay</Button>
        <Button type="submit">Open</Button>
      </form>,
    );
    const buttons = [...host.querySelectorAll('button')];
    expect(buttons.map((b) => b.getAttribute('type'))).toEqual(['button', 'button', 'button', 'button', 'button', 'submit']);
    expect(buttons.map((b) => b.getAttribute('class'))).toEqual([null, 'primary', 'danger', 'link-button retry', 'with-icon', null]);
    expect(ref.current).toBe(buttons[0]);
    expect(buttons[0]?.dataset.testid).toBe('plain');
    expect(buttons[0]?.title).toBe('Plain');
    expect(buttons[0]?.getAttribute('aria-pressed')).toBe('true');
    act(() => buttons[0]?.click());
    expect(clicks).toBe(1);
    // The icon comes before the words and is hidden from screen readers: the words name the button.
    const icon = buttons[4]?.firstElementChild;
    expect(icon?.tagName.toLowerCase()).toBe('svg');
    expect(icon?.getAttribute('aria-hidden')).toBe('true');
    expect(buttons[4]?.textContent).toBe('Replay');
  });

  it('an icon button is named by its label, as aria-label and title, and is still type="button"', () => {
    let cleared = false;
    const host = render(<IconButton icon={Trash2} label="Clear the drawing" onClick={() => (cleared = true)} />);
    const button = one<HTMLButtonElement>(host, 'button');
    expect(button.getAttribute('aria-label')).toBe('Clear the drawing');
    expect(button.title).toBe('Clear the drawing');
    expect(button.type).toBe('button');
    expect(button.className).toBe('icon-button');
    expect(button.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    act(() => button.click());
    expect(cleared).toBe(true);
  });

  it("a field's label names its control and its hint and error describe it, with ids of its own", () => {
    const host = render(
      <>
        <Field label="CPU threads" hint="auto uses the physical cores.">
          {(control) => <input {...control} />}
        </Field>
        <Field label="Port" error="Not a port">
          {(control) => <input {...control} />}
        </Field>
        <Field label="Plain">{(control) => <input {...control} />}</Field>
      </>,
    );
    const [threads, port, plain] = [...host.querySelectorAll('input')];
    if (!threads || !port || !plain) throw new Error('three inputs');
    const labels = [...host.querySelectorAll('label')];
    expect(labels.map((l) => l.htmlFor)).toEqual([threads.id, port.id, plain.id]);
    expect(new Set([threads.id, port.id, plain.id]).size).toBe(3);
    expect(threads.labels?.[0]?.textContent).toBe('CPU threads');
    const described = (input: HTMLInputElement) => (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent);
    expect(described(threads)).toEqual(['auto uses the physical cores.']);
    expect(threads.getAttribute('aria-invalid')).toBeNull();
    expect(described(port)).toEqual(['Not a port']);
    expect(port.getAttribute('aria-invalid')).toBe('true');
    expect(plain.hasAttribute('aria-describedby')).toBe(false);
  });

  function Toggle() {
    const [on, setOn] = useState(false);
    return <Checkbox label="Include the reasoning" checked={on} onChange={setOn} />;
  }

  it('a checkbox toggles from a click on its words, and is named by them', () => {
    const host = render(<Toggle />);
    const box = one<HTMLInputElement>(host, 'input[type="checkbox"]');
    expect(box.checked).toBe(false);
    expect(box.labels?.[0]?.textContent?.trim()).toBe('Include the reasoning');
    act(() => one<HTMLElement>(host, 'label span').click());
    expect(box.checked).toBe(true);
    act(() => box.click());
    expect(box.checked).toBe(false);
  });

  it("a select is named, and hands back the chosen option's own value (a number stays a number)", () => {
    const picked: number[] = [];
    function Rounds() {
      const [rounds, setRounds] = useState(3);
      return (
        <Select
          label="Rounds to fix"
          value={rounds}
          options={[1, 3, 5].map((n) => ({ value: n, label: `${n} rounds` }))}
          onChange={(n) => {
            picked.push(n);
            setRounds(n);
          }}
        />
      );
    }
    const host = render(<Rounds />);
    const select = one<HTMLSelectElement>(host, 'select');
    expect(select.getAttribute('aria-label')).toBe('Rounds to fix');
    expect([...select.options].map((o) => o.textContent)).toEqual(['1 rounds', '3 rounds', '5 rounds']);
    expect(select.value).toBe('3');
    act(() => {
      select.value = '5';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(picked).toEqual([5]);
    expect(select.value).toBe('5');
  });

  it('a select of children, shown with its label, hands back the string', () => {
    const picked: string[] = [];
    const host = render(
      <Select label="Compare" showLabel value="lines" onChange={(v) => picked.push(v)}>
        <option value="lines">Lines</option>
        <option value="tokens">Tokens</option>
      </Select>,
    );
    const select = one<HTMLSelectElement>(host, 'select');
    expect(select.labels?.[0]?.textContent).toContain('Compare');
    act(() => {
      select.value = 'tokens';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(picked).toEqual(['tokens']);
  });

  it('a progress bar has its name, its value, and its value in words beside it', () => {
    const host = render(<Progress label="Samples done" max={20} value={3} text="3 / 20" textTestId="progress-text" />);
    const bar = one<HTMLProgressElement>(host, 'progress');
    expect(bar.getAttribute('aria-label')).toBe('Samples done');
    expect(bar.max).toBe(20);
    expect(bar.value).toBe(3);
    expect(bar.getAttribute('aria-valuetext')).toBe('3 / 20');
    expect(one<HTMLElement>(host, '[data-testid="progress-text"]').textContent).toBe('3 / 20');
    // Without words: just the bar; without a value: indeterminate.
    const bare = render(<Progress label="Downloading" />);
    expect(bare.querySelector('span')).toBeNull();
    expect(one<HTMLProgressElement>(bare, 'progress').hasAttribute('value')).toBe(false);
  });

  it('a card has its heading and its actions row', () => {
    const host = render(
      <Card title="Storage" actions={<Button>Open</Button>}>
        <p>Body</p>
      </Card>,
    );
    const card = one<HTMLElement>(host, 'section.settings-card');
    expect(card.querySelector('h2')?.textContent).toBe('Storage');
    expect(card.querySelector('.card-actions button')?.textContent).toBe('Open');
  });
});
