import type { ComponentPropsWithRef } from 'react';
import type { LucideIcon } from 'lucide-react';
import { classes } from './classes';
import './ui.css';

export type ButtonVariant = 'default' | 'primary' | 'danger' | 'link';

/** The class each variant has always had: the styles (app.css, thread.css) and the e2e specs know them by it. */
const variantClass: Record<ButtonVariant, string | undefined> = { default: undefined, primary: 'primary', danger: 'danger', link: 'link-button' };

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  /** default: a plain bordered button; primary: the one main action of a place; danger: stops or destroys; link: a quiet word-only action. */
  variant?: ButtonVariant;
  /** A lucide icon before the label (drawn in the text colour, hidden from screen readers: the label names the button). */
  icon?: LucideIcon;
  /** The icon's size in px (default 16). */
  iconSize?: number;
}

/**
 * Every button with words in the app. The one place that picks a button's classes from its variant (so a view
 * says what the button is, not how it looks), and a button that is `type="button"` unless it says otherwise: a
 * button inside a form never submits it by accident. Every native prop (aria-*, data-*, title, disabled, ref)
 * reaches the element.
 */
export function Button({ variant = 'default', icon: Icon, iconSize = 16, className, type = 'button', children, ...rest }: ButtonProps) {
  return (
    <button type={type} className={classes(variantClass[variant], Icon && 'with-icon', className)} {...rest}>
      {Icon && <Icon size={iconSize} aria-hidden="true" />}
      {children}
    </button>
  );
}
