import { Field } from '../ui/Field';
import { Select, type SelectOption } from '../ui/Select';

interface SelectSettingProps<T extends string> {
  label: string;
  hint: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
}

/** A setting chosen from a list, saved at once: a settings row (label and hint) around a select of the same name. */
export function SelectSetting<T extends string>({ label, hint, value, options, onChange }: SelectSettingProps<T>) {
  return <Field label={label} hint={hint}>{(control) => <Select {...control} label={label} value={value} options={options} onChange={onChange} />}</Field>;
}
