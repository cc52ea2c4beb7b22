/**
 * The desktop app's own binary as the `vibe` command, as LM Studio ships
 * `lms`: `vibethinker-workbench --cli judge sol.py` (the `vibe` launcher the
 * .deb installs runs exactly that). The switch must come first after the
 * executable, so that a file opened with the app (its argv) can never turn
 * it into a command line. Returns the command's arguments, or null.
 */
export function cliArguments(argv: readonly string[]): string[] | null {
  // argv[0] is the executable; a development run (`electron .`) has the app path at argv[1].
  const at = argv.findIndex((a, i) => i > 0 && a === '--cli');
  if (at < 0) return null;
  const before = argv.slice(1, at);
  if (before.some((a) => !a.startsWith('-') && a !== '.')) return null;
  return argv.slice(at + 1);
}
