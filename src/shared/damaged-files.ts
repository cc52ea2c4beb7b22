import { z } from 'zod';

/** The stores whose files are checked and listed when damaged. */
export const damagedFileKinds = ['session', 'problem'] as const;
export type DamagedFileKind = (typeof damagedFileKinds)[number];

/**
 * A saved session or problem whose file could not be used as it was. Core
 * decides what counts as damaged; the UI and the CLI only show these entries.
 * Nothing is deleted: the bytes stay at `keptAs`.
 */
export const DamagedFileSchema = z.object({
  kind: z.enum(damagedFileKinds),
  /** The session's or problem's id (its file name without `.json`). */
  id: z.string(),
  /** What is wrong, in words: the JSON error, the first schema problem, or why it cannot be read. */
  reason: z.string(),
  /** Absolute path of the damaged bytes: a copy set aside beside the store's files, or the file itself when it was left in place. */
  keptAs: z.string(),
  /** When the file was found damaged and set aside (ISO time); null when it was left in place (unreadable, a folder, a newer version). */
  foundAt: z.string().nullable(),
  /**
   * Set when the last good version (the `.bak` written by the save before) was put back: the entry
   * opens as it was at `savedAt`, and only the changes after that are in the kept copy.
   */
  restoredFromBackup: z.object({ savedAt: z.string() }).nullable(),
});
export type DamagedFile = z.output<typeof DamagedFileSchema>;
