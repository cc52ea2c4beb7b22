import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { WorkbenchError } from '../../shared/api/errors';

const run = promisify(execFile);
const minimum = [3, 8] as const;

export interface PythonInfo {
  /** The interpreter's real path (`sys.executable`), not a launcher shim. */
  executable: string;
  /** `sys.base_prefix`: the installation folder, kept reachable inside the sandbox. */
  prefix: string;
  version: string;
}

/**
 * Finds Python: the configured command, else `python3`, `python`, `py -3`.
 * Rejects missing or too-old interpreters with what to install.
 */
export async function locatePython(configured?: string | null, options: { avoidUnder?: string } = {}): Promise<PythonInfo> {
  const candidates: string[][] = configured ? [configured.split(' ')] : [['python3'], ['python'], ['py', '-3']];
  // An unprivileged sandbox user cannot reach an interpreter inside root's home (pyenv, conda):
  // then a system-wide Python is preferred.
  const avoid = options.avoidUnder;
  if (avoid && !configured) candidates.unshift(['/usr/bin/python3'], ['/usr/local/bin/python3']);
  const problems: string[] = [];
  for (const [command, ...args] of candidates) {
    if (!command) continue;
    try {
      const { stdout } = await run(command, [...args, '-c', 'import sys,json;print(json.dumps([sys.executable,sys.base_prefix,list(sys.version_info[:3])]))'], { timeout: 10_000 });
      const [executable, prefix, version] = JSON.parse(stdout.trim()) as [string, string, number[]];
      const [major = 0, minor = 0] = version;
      const text = version.join('.');
      if (major < minimum[0] || (major === minimum[0] && minor < minimum[1])) {
        problems.push(`${command} is Python ${text}; ${minimum.join('.')} or newer is needed`);
        continue;
      }
      if (avoid && (executable.startsWith(`${avoid}/`) || prefix.startsWith(`${avoid}/`))) {
        problems.push(`${command} lives in ${avoid}, which the sandbox user cannot read`);
        continue;
      }
      return { executable, prefix, version: text };
    } catch {
      problems.push(`${[command, ...args].join(' ')} was not found`);
    }
  }
  throw new WorkbenchError(
    'UnavailableError',
    'python_missing',
    `No usable Python: ${problems.join('; ')}. Install Python ${minimum.join('.')}+ (python.org, or your package manager: apt install python3) or set its path in Settings.`,
  );
}
