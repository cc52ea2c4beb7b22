import { useState } from 'react';

interface NumberSettingProps {
  label: string;
  value: number;
  min: number;
  max: number;
  onCommit: (value: number) => void;
}

/**
 * A number field that lets the user type freely ("1" on the way to "18") and
 * saves only whole values within range; leaving the field restores the saved value.
 */
export function NumberSetting({ label, value, min, max, onCommit }: NumberSettingProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const valid = (n: number) => Number.isInteger(n) && n >= min && n <= max;
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        value={draft ?? String(value)}
        aria-label={label}
        aria-invalid={draft !== null && !valid(Number(draft))}
        onChange={(e) => {
          setDraft(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value !== '' && valid(n) && n !== value) onCommit(n);
        }}
        onBlur={() => setDraft(null)}
      />
    </label>
  );
}
