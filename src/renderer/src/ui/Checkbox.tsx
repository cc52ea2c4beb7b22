import type { ComponentPropsWithRef, ReactNode } from 'react';

export interface CheckboxProps extends Omit<ComponentPropsWithRef<'input'>, 'type' | 'checked' | 'onChange' | 'children'> {
  /** The words after the box; the box and the words are one `<label>`, so a click on the words toggles it. */
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The class of the label around the box and its words (`field checkbox` for a settings row). */
  className?: string;
  /** The label's tooltip. */
  title?: string;
}

/**
 * A native checkbox and its words in one label: the whole line is the target for the mouse, Space toggles it, and its
 * accessible name is its words. The change comes back as a boolean.
 */
export function Checkbox({ label, checked, onChange, className, title, ...rest }: CheckboxProps) {
  return (
    <label className={className} title={title}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} {...rest} /> <span>{label}</span>
    </label>
  );
}
