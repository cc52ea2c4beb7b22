interface NumberFieldProps {
  /** Shown before the field. */
  label: string;
  /** The field's accessible name, when it must say more than the label (default: the label). */
  ariaLabel?: string;
  title?: string;
  value: number;
  min?: number;
  max?: number;
  step?: number;
  /** Only whole numbers are taken. */
  integer?: boolean;
  disabled?: boolean;
  onChange: (value: number) => void;
}

/**
 * A labelled number input for sampling values (the problem pane's and a template's): a value is taken as it is
 * typed when it is a number (a whole one where asked) and brought within min and max; anything else, such as the
 * empty field on the way to a new number, changes nothing.
 */
export function NumberField({ label, ariaLabel, title, value, min, max, step, integer = false, disabled, onChange }: NumberFieldProps) {
  return (
    <label title={title}>
      {label}
      <input
        type="number"
        step={step}
        min={min}
        max={max}
        aria-label={ariaLabel ?? label}
        value={value}
        disabled={disabled}
        onChange={(e) => {
          const n = e.target.valueAsNumber;
          if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) return;
          onChange(Math.min(max ?? Infinity, Math.max(min ?? -Infinity, n)));
        }}
      />
    </label>
  );
}
