import type { ComponentPropsWithRef, ReactNode } from 'react';

export interface SelectOption<T extends string | number> {
  value: T;
  label: string;
}

export interface SelectProps<T extends string | number> extends Omit<ComponentPropsWithRef<'select'>, 'value' | 'onChange' | 'children' | 'aria-label'> {
  /** The select's accessible name (aria-label); also shown before it when `showLabel` is set. */
  label: string;
  /** Show the label before the select, the two in one `<label>` (clicking the words focuses the select). */
  showLabel?: boolean;
  value: T;
  /** The choices. Given so, the change hands back the chosen option's own value (a number stays a number). */
  options?: readonly SelectOption<T>[];
  /** Or `<option>` elements, for lists an array does not say well; their values are then T's as strings. */
  children?: ReactNode;
  onChange: (value: T) => void;
}

/**
 * A native select with a name (so a screen reader says what it chooses) and a typed value: given its options as an
 * array, it hands back the option's value itself, so a view never casts `e.target.value`. Native, so the keyboard,
 * the phone's picker and the styles of controls.css come with it.
 */
export function Select<T extends string | number>(props: SelectProps<T>) {
  const { label, showLabel = false, options, value, onChange, children, ...rest } = props;
  const change = (text: string) => {
    if (!options) return onChange(text as T);
    const picked = options.find((option) => String(option.value) === text);
    if (picked) onChange(picked.value);
  };
  const select = (
    <select aria-label={label} value={value} onChange={(e) => change(e.target.value)} {...rest}>
      {options
        ? options.map((option) => (
            <option key={String(option.value)} value={option.value}>
              {option.label}
            </option>
          ))
        : children}
    </select>
  );
  if (!showLabel) return select;
  return (
    <label>
      {label} {select}
    </label>
  );
}
