import { comparisonModes, type ComparisonMode, type Problem } from '../../../shared/judging';
import type { SessionChanges } from '../../../shared/api/workspace-schemas';
import { useWorkspace, useWorkspaceStore } from '../workspace/use-workspace';

const modeLabels: Record<ComparisonMode, string> = { lines: 'Lines (default)', tokens: 'Tokens (any whitespace)', exact: 'Exact', float: 'Float with tolerance', custom: 'Custom checker' };

/**
 * How the session's tests are judged beyond their inputs and outputs: the
 * comparison (or a custom checker), an interactive problem's interactor,
 * and file input/output. Edits go through the store like every other edit.
 */
export function JudgingSettings() {
  const store = useWorkspaceStore();
  const session = useWorkspace('session');
  const pending = useWorkspace('pending');
  const problem = session?.problem;
  const comparison = pending.comparison !== undefined ? pending.comparison : (problem?.comparison ?? null);
  const mode: ComparisonMode = comparison?.mode ?? (comparison?.floatTolerance !== undefined ? 'float' : 'lines');
  const checker = pending.checker !== undefined ? (pending.checker ?? '') : (problem?.checker ?? '');
  const interactive = pending.interactive ?? problem?.interactive ?? false;
  const interactor = pending.interactor !== undefined ? (pending.interactor ?? '') : (problem?.interactor ?? '');
  const fileOf = (side: Problem['input'] | Problem['output']) => (side?.type === 'file' ? side.fileName : '');
  const inputFile = pending.inputFile !== undefined ? (pending.inputFile ?? '') : fileOf(problem?.input);
  const outputFile = pending.outputFile !== undefined ? (pending.outputFile ?? '') : fileOf(problem?.output);
  const edit = (changes: SessionChanges) => store.edit(changes);
  const tolerance = comparison?.floatTolerance;

  return (
    <details className="judging-settings" data-testid="judging-settings" open={mode === 'custom' || interactive || undefined}>
      <summary>
        Judging: {interactive ? 'interactive' : modeLabels[mode]}
        {inputFile || outputFile ? ` · files ${inputFile || 'stdin'} → ${outputFile || 'stdout'}` : ''}
      </summary>
      <div className="setting-row">
        <label>
          Compare outputs{' '}
          <select aria-label="Compare outputs" value={mode} disabled={interactive} onChange={(e) => {
            const next = e.target.value as ComparisonMode;
            edit({ comparison: next === 'lines' ? null : { mode: next, ...(next === 'float' ? { floatTolerance: tolerance ?? 1e-6 } : {}) } });
          }}>
            {comparisonModes.map((m) => (
              <option key={m} value={m}>
                {modeLabels[m]}
              </option>
            ))}
          </select>
        </label>
        {mode === 'float' && (
          <label>
            Tolerance{' '}
            <input aria-label="Float tolerance" type="number" step="any" min="0" max="1" defaultValue={tolerance ?? 1e-6} key={session?.id} onBlur={(e) => {
              const value = Number(e.target.value);
              if (value > 0 && value <= 1) edit({ comparison: { mode: 'float', floatTolerance: value, ...(comparison?.toleranceMode ? { toleranceMode: comparison.toleranceMode } : {}) } });
            }} />
          </label>
        )}
      </div>
      {mode === 'custom' && !interactive && (
        <label className="block-label">
          Checker (Python): run as <code>checker.py input.txt expected.txt output.txt</code>; exit 0 accepts, 1 rejects; its first line is shown.
          <textarea aria-label="Checker" spellCheck={false} value={checker} placeholder={'import sys\ninp, exp, out = (open(p).read() for p in sys.argv[1:4])\nsys.exit(0 if exp.split() == out.split() else 1)'} onChange={(e) => edit({ checker: e.target.value === '' ? null : e.target.value })} />
        </label>
      )}
      <div className="setting-row">
        <label>
          <input type="checkbox" checked={interactive} onChange={(e) => edit({ interactive: e.target.checked })} /> Interactive problem
        </label>
      </div>
      {interactive && (
        <label className="block-label">
          Interactor (Python): reads the test from the file named by <code>sys.argv[1]</code>, talks to the solution over stdin and stdout (flush!), exits 0 to accept, 1 to reject; its last stderr line is shown. Each test's input is what it reads.
          <textarea aria-label="Interactor" spellCheck={false} value={interactor} onChange={(e) => edit({ interactor: e.target.value === '' ? null : e.target.value })} />
        </label>
      )}
      <div className="setting-row">
        <label>
          Input file{' '}
          <input aria-label="Input file" placeholder="stdin" value={inputFile} size={12} onChange={(e) => edit({ inputFile: e.target.value.trim() === '' ? null : e.target.value.trim() })} />
        </label>
        <label>
          Output file{' '}
          <input aria-label="Output file" placeholder="stdout" value={outputFile} size={12} onChange={(e) => edit({ outputFile: e.target.value.trim() === '' ? null : e.target.value.trim() })} />
        </label>
      </div>
    </details>
  );
}
