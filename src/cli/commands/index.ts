import type { CliCommand } from '../command';
import { infoCommand } from './info';
import { serveCommand } from './serve';

/** Every `vibe` sub-command, in the order `vibe --help` lists them. */
export const commands: readonly CliCommand[] = [serveCommand, infoCommand];
