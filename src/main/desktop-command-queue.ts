import type { DesktopCommand } from '../shared/desktop-commands';

/**
 * Delivers desktop commands to the renderer without losing the ones that come
 * before it listens (a file double-clicked to start the app arrives before the
 * page has loaded): they wait here until the renderer asks for them with
 * `takeDesktopCommands`, and go out as events from then on. A reload makes
 * the renderer deaf again until it asks anew.
 */
export class DesktopCommandQueue {
  #pending: DesktopCommand[] = [];
  #listening = false;

  constructor(private readonly emit: (command: DesktopCommand) => void) {}

  send(command: DesktopCommand): void {
    if (this.#listening) this.emit(command);
    else this.#pending.push(command);
  }

  /** The renderer is listening now: hands over what waited. */
  take(): DesktopCommand[] {
    this.#listening = true;
    return this.#pending.splice(0);
  }

  /** The page is (re)loading: its listeners are gone. */
  rendererGone(): void {
    this.#listening = false;
  }
}
