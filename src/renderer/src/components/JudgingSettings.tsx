import { comparisonModes, type ComparisonMode, type Problem } from '../../../shared/judging';
import type { SessionChanges } from '../../../shared/api/workspace-schemas';
import { useWorkspace, useWorkspaceStore } from '../workspace/use-workspace';
import { useT } from '../i18n/use-t';
import { Checkbox } from '../ui/Checkbox';
import { Select } from '../ui/Select';

// Code shown as it is typed, in every language.
const checkerCommand = 'checker.py input.txt expected.txt output.txt';
const interactorArgument = 'sys.argv[1]';
const checkerExample = 'import sys\ninp, exp, out = (open(p).read() for p in sys.argv[1:4])\nsys.exit(0 if exp.split() == out.split() else 1)';

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
  const t = useT();

  return (
    <details className="judging-settings" data-testid="judging-settings" open={mode === 'custom' || interactive || undefined}>
      <summary>
        {t('judging.summary', { mode: interactive ? t('judging.interactive') : t(`judging.mode.${mode}`) })}
        {inputFile || outputFile ? ` · ${t('judging.files', { input: inputFile || t('judging.stdin'), output: outputFile || t('judging.stdout') })}` : ''}
      </summary>
      <div className="setting-row">
        <Select
          label={t('judging.compare')}
          showLabel
          value={mode}
          disabled={interactive}
          options={comparisonModes.map((m) => ({ value: m, label: t(`judging.mode.${m}`) }))}
          onChange={(next) => edit({ comparison: next === 'lines' ? null : { mode: next, ...(next === 'float' ? { floatTolerance: tolerance ?? 1e-6 } : {}) } })}
        />
        {mode === 'float' && (
          <label>
            {t('judging.tolerance')}{' '}
            <input aria-label={t('judging.floatTolerance')} type="number" step="any" min="0" max="1" defaultValue={tolerance ?? 1e-6} key={session?.id} onBlur={(e) => {
              const value = Number(e.target.value);
              if (value > 0 && value <= 1) edit({ comparison: { mode: 'float', floatTolerance: value, ...(comparison?.toleranceMode ? { toleranceMode: comparison.toleranceMode } : {}) } });
            }} />
          </label>
        )}
      </div>
      {mode === 'custom' && !interactive && (
        <label className="block-label">
          {t.rich('judging.checkerHint', { command: <code>{checkerCommand}</code> })}
          <textarea aria-label={t('judging.checker')} spellCheck={false} value={checker} placeholder={checkerExample} onChange={(e) => edit({ checker: e.target.value === '' ? null : e.target.value })} />
        </label>
      )}
      <div className="setting-row">
        <Checkbox label={t('judging.interactiveProblem')} checked={interactive} onChange={(checked) => edit({ interactive: checked })} />
      </div>
      {interactive && (
        <label className="block-label">
          {t.rich('judging.interactorHint', { argument: <code>{interactorArgument}</code> })}
          <textarea aria-label={t('judging.interactor')} spellCheck={false} value={interactor} onChange={(e) => edit({ interactor: e.target.value === '' ? null : e.target.value })} />
        </label>
      )}
      <div className="setting-row">
        <label>
          {t('judging.inputFile')}{' '}
          <input aria-label={t('judging.inputFile')} placeholder={t('judging.stdin')} value={inputFile} size={12} onChange={(e) => edit({ inputFile: e.target.value.trim() === '' ? null : e.target.value.trim() })} />
        </label>
        <label>
          {t('judging.outputFile')}{' '}
          <input aria-label={t('judging.outputFile')} placeholder={t('judging.stdout')} value={outputFile} size={12} onChange={(e) => edit({ outputFile: e.target.value.trim() === '' ? null : e.target.value.trim() })} />
        </label>
      </div>
    </details>
  );
}
