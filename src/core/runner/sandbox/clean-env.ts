/**
 * What the solution's environment holds: nothing of the app's (no tokens, no paths), only what Python
 * needs. Two malloc arenas at most: each thread otherwise reserves a 64 MB arena of address space, which
 * an address-space limit counts.
 */
export function cleanEnv(workDir: string): NodeJS.ProcessEnv {
  return { PATH: '/usr/local/bin:/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', PYTHONIOENCODING: 'utf-8', PYTHONDONTWRITEBYTECODE: '1', HOME: workDir, MALLOC_ARENA_MAX: '2' };
}
