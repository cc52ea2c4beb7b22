import { Field } from '../ui/Field';
import { useDraftField } from './draft-field';

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
  const field = useDraftField(value, {
    parse: (text) => (text.trim() !== '' && Number.isInteger(Number(text)) && Number(text) >= min && Number(text) <= max ? Number(text) : null),
    format: String,
    onCommit,
    live: true,
  });
  return (
    <Field label={label}>{(control) => <input type="number" min={min} max={max} {...field} {...control} />}</Field>
  );
}
