import { Field } from '../ui/Field';
import { useDraftField } from './draft-field';

interface AutoNumberSettingProps {
  label: string;
  hint: string;
  value: 'auto' | number;
  min: number;
  max: number;
  onCommit: (value: 'auto' | number) => void;
}

/** A setting that is either `auto` or a whole number; committed on Enter or when leaving the field. */
export function AutoNumberSetting({ label, hint, value, min, max, onCommit }: AutoNumberSettingProps) {
  const field = useDraftField<'auto' | number>(value, {
    parse: (text) => {
      const t = text.trim().toLowerCase();
      if (t === '' || t === 'auto') return 'auto';
      const n = Number(t);
      return Number.isInteger(n) && n >= min && n <= max ? n : null;
    },
    format: String,
    onCommit,
  });
  return (
    <Field label={label} hint={hint}>
      {(control) => <input className="auto-number" {...field} {...control} />}
    </Field>
  );
}
