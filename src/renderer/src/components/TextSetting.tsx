import { Field } from '../ui/Field';
import { useDraftField } from './draft-field';

interface TextSettingProps {
  label: string;
  hint: string;
  value: string;
  onCommit: (value: string) => void;
}

/** A free-text setting, saved on Enter or when leaving the field. */
export function TextSetting({ label, hint, value, onCommit }: TextSettingProps) {
  const field = useDraftField(value, { parse: (text) => text, format: (text) => text, onCommit });
  return (
    <Field label={label} hint={hint}>
      {(control) => <input className="auto-number text-setting" spellCheck={false} {...field} {...control} />}
    </Field>
  );
}
