import { z } from 'zod';

export const themeChoices = ['system', 'light', 'dark'] as const;

/**
 * User settings, persisted as settings.json in the data directory. Every field
 * has a default so that an older or partly broken file still yields a
 * complete object; later issues add fields here and nowhere else.
 */
export const settingsShape = {
  /** Colour theme; `system` follows the OS preference. Default: system. */
  theme: z.enum(themeChoices).default('system'),
  /** Monaco editor font size in px. Default: 14. */
  editorFontSize: z.number().int().min(8).max(40).default(14),
  /** Soft-wrap long lines in the editor. Default: false. */
  editorWordWrap: z.boolean().default(false),
  /** Font size of the reasoning pane in px. Default: 15. */
  reasoningFontSize: z.number().int().min(10).max(32).default(15),
};

export const SettingsSchema = z.object(settingsShape);
export type Settings = z.output<typeof SettingsSchema>;

/** A change to some settings; unknown keys are rejected, not silently dropped. */
export const SettingsPatchSchema = z
  .object({
    theme: settingsShape.theme.unwrap().optional(),
    editorFontSize: settingsShape.editorFontSize.unwrap().optional(),
    editorWordWrap: settingsShape.editorWordWrap.unwrap().optional(),
    reasoningFontSize: settingsShape.reasoningFontSize.unwrap().optional(),
  })
  .strict();
export type SettingsPatch = z.input<typeof SettingsPatchSchema>;

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}
