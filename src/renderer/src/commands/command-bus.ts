import type { DesktopCommand } from '../../../shared/desktop-commands';

type Listener = (command: DesktopCommand) => void;
const listeners = new Set<Listener>();

/**
 * One place where commands meet their handlers, whatever sent them: the
 * desktop menu, a file opened from the system, a file dropped on the window.
 * Each part of the UI listens for the commands it owns.
 */
export const commandBus = {
  dispatch(command: DesktopCommand): void {
    for (const listener of listeners) listener(command);
  },
  on(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
};
