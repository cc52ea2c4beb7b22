import type { ReactNode } from 'react';
import { classes } from './classes';

export interface CardProps {
  /** The card's heading (an h2). */
  title?: string;
  /** Buttons for the whole card, in a row under the heading. */
  actions?: ReactNode;
  className?: string;
  testId?: string;
  children?: ReactNode;
}

/**
 * One panel of a page (Settings, Models, Evaluate): a bordered section with its heading and, when it has any, its
 * actions. It keeps the `settings-card` class those pages were styled by. The section is not named after its heading:
 * a page of named cards would be a page of landmarks (two called "Settings" on the settings page), and the headings
 * already let a screen reader move from card to card.
 */
export function Card({ title, actions, className, testId, children }: CardProps) {
  return (
    <section className={classes('settings-card', className)} data-testid={testId}>
      {title !== undefined && <h2>{title}</h2>}
      {actions && <div className="card-actions">{actions}</div>}
      {children}
    </section>
  );
}
