import type { ComponentPropsWithRef } from 'react';
import type { LucideIcon } from 'lucide-react';
import { classes } from './classes';
import './ui.css';

export interface IconButtonProps extends Omit<ComponentPropsWithRef<'button'>, 'children' | 'aria-label' | 'title'> {
  icon: LucideIcon;
  /** What the button does, in words: its accessible name (aria-label) and its tooltip (title). Required: an icon alone says nothing to a screen reader. */
  label: string;
  /** The icon's size in px (default 18). */
  iconSize?: number;
}

/**
 * A button that is only an icon (the drawing tools, a test's delete): square, the `icon-button` class, and its name
 * given once, as both aria-label and title, so the name a screen reader says is the one the mouse sees.
 */
export function IconButton({ icon: Icon, label, iconSize = 18, className, type = 'button', ...rest }: IconButtonProps) {
  return (
    <button type={type} className={classes('icon-button', className)} aria-label={label} title={label} {...rest}>
      <Icon size={iconSize} aria-hidden="true" />
    </button>
  );
}
