import './ui.css';

/**
 * The judge's difference between the expected output and the program's (`--- expected`, `+++ got`, then `-` rows
 * of the expected text and `+` rows of the program's, as core writes it), coloured by side. Text only.
 */
export function Diff({ text, testId }: { text: string; testId?: string }) {
  const lines = text.split('\n');
  return (
    <pre className="diff-view" data-testid={testId}>
      {lines.map((line, i) => {
        const kind = line.startsWith('--- ') || line.startsWith('+++ ') ? 'diff-head' : line.startsWith('-') ? 'diff-expected' : line.startsWith('+') ? 'diff-got' : 'diff-same';
        return (
          <span key={i} className={kind}>
            {line}
          </span>
        );
      })}
    </pre>
  );
}
