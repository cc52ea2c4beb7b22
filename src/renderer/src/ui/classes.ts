/** Class names joined with spaces, leaving out the empty ones: `classes('tab', active && 'active')`. */
export function classes(...names: (string | false | null | undefined)[]): string | undefined {
  const joined = names.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}
