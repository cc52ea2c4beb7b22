import { describe, expect, it } from 'vitest';
import { cliArguments } from './cli-switch';

describe('cliArguments', () => {
  it('takes what follows --cli when it comes first (after Electron’s own switches or the dev app path)', () => {
    expect(cliArguments(['/opt/VibeThinker/vibethinker-workbench', '--cli', 'judge', 'sol.py', '--json'])).toEqual(['judge', 'sol.py', '--json']);
    expect(cliArguments(['/usr/bin/electron', '.', '--cli', '--help'])).toEqual(['--help']);
    expect(cliArguments(['/opt/x', '--no-sandbox', '--cli', 'info'])).toEqual(['info']);
    expect(cliArguments(['/opt/x', '--cli'])).toEqual([]);
  });

  it('is no command line without the switch, or when a file comes before it (a file opened with the app)', () => {
    expect(cliArguments(['/opt/x'])).toBeNull();
    expect(cliArguments(['/opt/x', 'problem.json'])).toBeNull();
    expect(cliArguments(['/opt/x', 'notes.md', '--cli', 'judge'])).toBeNull();
    expect(cliArguments(['--cli'])).toBeNull();
  });
});
