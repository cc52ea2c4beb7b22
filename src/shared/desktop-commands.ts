import { z } from 'zod';

/**
 * Commands the desktop shell (application menu, a file opened from the
 * system, a second launch) sends to the renderer. The same commands are bound
 * to keys in the renderer, so web mode has them too where the browser allows.
 */
/** The app's views, in the order the navigation, the menu (Ctrl+1…5) and the layout list them. */
export const viewNames = ['workbench', 'models', 'templates', 'evaluate', 'settings'] as const;
export type View = (typeof viewNames)[number];
/** What each view is called (navigation buttons, the View menu). */
export const viewLabels: Record<View, string> = { workbench: 'Workbench', models: 'Models', templates: 'Templates', evaluate: 'Evaluate', settings: 'Settings' };

export const DesktopCommandSchema = z.discriminatedUnion('command', [
  z.object({ command: z.literal('newProblem') }),
  z.object({ command: z.literal('runTests') }),
  z.object({ command: z.literal('stopGeneration') }),
  z.object({ command: z.literal('toggleReasoning') }),
  z.object({ command: z.literal('togglePresentation') }),
  z.object({ command: z.literal('showView'), view: z.enum(viewNames) }),
  /** A problem file was imported: make it the current problem. */
  z.object({ command: z.literal('openProblem'), problemId: z.string().max(100) }),
  /** A .py file was opened: its text goes to the editor (offered if the editor has edits). */
  z.object({ command: z.literal('openCode'), code: z.string().max(1_000_000), fileName: z.string().max(255) }),
  /** Something the user asked for could not be done (unreadable file…): shown as a message. */
  z.object({ command: z.literal('notice'), message: z.string().max(2000) }),
]);
export type DesktopCommand = z.output<typeof DesktopCommandSchema>;
