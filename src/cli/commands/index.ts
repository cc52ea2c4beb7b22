import type { CliCommand } from '../command';
import { askCommand } from './ask';
import { infoCommand } from './info';
import { judgeCommand } from './judge';
import { modelsCommand } from './models';
import { serveCommand } from './serve';
import { templatesCommand } from './templates';
import { sessionsCommand } from './sessions';
import { evalCommand } from './eval';
import { solveCommand } from './solve';
import { stressCommand } from './stress';

/** Every `vibe` sub-command, in the order `vibe --help` lists them. */
export const commands: readonly CliCommand[] = [serveCommand, askCommand, solveCommand, judgeCommand, stressCommand, modelsCommand, templatesCommand, sessionsCommand, evalCommand, infoCommand];
