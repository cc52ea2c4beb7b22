import { useId, type ReactNode } from 'react';
import { classes } from './classes';

/** What a Field hands its control: spread these onto the input, select or textarea. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FieldProps {
  label: string;
  /** A line under the label on what the setting does (read after the name by a screen reader). */
  hint?: string;
  /** What is wrong with the value now; marks the control invalid. */
  error?: string | null;
  className?: string;
  /** The control, given the ids that tie it to the label, the hint and the error. */
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * A settings row: the label (and its hint) on the left, the control on the right, wrapping on a phone. The label
 * names the control through `for`, and the hint and the error describe it through aria-describedby, ids from useId,
 * so two rows never share one.
 */
export function Field({ label, hint, error, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = classes(hint !== undefined && hintId, error && errorId);
  const name = (
    <label className="field-label" htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={classes('field', className)}>
      {hint === undefined ? (
        name
      ) : (
        <span>
          {name}
          <span className="field-hint" id={hintId}>
            {hint}
          </span>
        </span>
      )}
      {children({ id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(error ? { 'aria-invalid': true } : {}) })}
      {error && (
        <span className="error-text field-error" id={errorId}>
          {error}
        </span>
      )}
    </div>
  );
}
