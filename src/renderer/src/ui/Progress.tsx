export interface ProgressProps {
  /** What is progressing: the bar's accessible name. */
  label: string;
  /** Done so far; undefined for an indeterminate bar (the total is not known yet). */
  value?: number;
  max?: number;
  /** The progress in words ("3 / 20", "42%"), shown after the bar and given to screen readers as its value. */
  text?: string;
  textClassName?: string;
  textTestId?: string;
}

/** A native progress bar with a name, and its value in words beside it when there are words for it. */
export function Progress({ label, value, max = 1, text, textClassName, textTestId }: ProgressProps) {
  return (
    <>
      <progress max={max} value={value} aria-label={label} aria-valuetext={text} />
      {text !== undefined && (
        <span className={textClassName} data-testid={textTestId}>
          {text}
        </span>
      )}
    </>
  );
}
