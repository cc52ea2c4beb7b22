import { useEffect, type RefObject } from 'react';
import type { JudgeReport } from '../../../shared/judging';
import { monaco } from '../monaco/setup-monaco';

/**
 * The compiler's messages (C++, or Python's syntax error) as markers on the
 * solution's lines, from the session's last report: gone when the report is
 * (core drops it when the code changes).
 */
export function useCompileMarkers(solution: RefObject<monaco.editor.ITextModel | null>, report: JudgeReport | null): void {
  useEffect(() => {
    const model = solution.current;
    if (!model || model.isDisposed()) return;
    const lines = model.getLineCount();
    const markers = (report?.diagnostics ?? [])
      .filter((d) => d.line >= 1 && d.line <= lines)
      .map((d) => ({
        startLineNumber: d.line,
        startColumn: Math.max(1, Math.min(d.column, model.getLineMaxColumn(d.line))),
        endLineNumber: d.line,
        endColumn: model.getLineMaxColumn(d.line),
        message: d.message,
        severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : d.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info,
        source: report?.compiler ?? 'python',
      }));
    monaco.editor.setModelMarkers(model, 'judge', markers);
  }, [solution, report]);
}
