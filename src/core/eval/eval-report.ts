import type { Sampling } from '../../shared/generation';
import type { EvalSummary } from './metrics';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Accuracy (pass@1) per problem as horizontal bars, in SVG. */
function accuracyChart(summary: EvalSummary): string {
  const rowHeight = 22;
  const width = 640;
  const labelWidth = 160;
  const rows = summary.perProblem.map((p, i) => {
    const y = i * rowHeight;
    const barWidth = Math.round((width - labelWidth - 60) * p.passAt1);
    return `<g transform="translate(0,${y})"><text x="${labelWidth - 8}" y="15" text-anchor="end">${escapeHtml(p.id.slice(0, 24))}</text><rect x="${labelWidth}" y="4" width="${barWidth}" height="14" rx="2" class="bar"/><text x="${labelWidth + barWidth + 6}" y="15">${percent(p.passAt1)}</text></g>`;
  });
  return `<svg role="img" aria-label="Accuracy per problem" viewBox="0 0 ${width} ${Math.max(rowHeight, rows.length * rowHeight)}" width="100%">${rows.join('')}</svg>`;
}

/** Distribution of answer lengths (completion tokens per sample) as a histogram, in SVG. */
function lengthChart(lengths: number[]): string {
  const width = 640;
  const height = 180;
  const bins = 12;
  const max = Math.max(1, ...lengths);
  const counts = Array.from({ length: bins }, () => 0);
  for (const l of lengths) counts[Math.min(bins - 1, Math.floor((l / max) * bins))]!++;
  const top = Math.max(1, ...counts);
  const barWidth = (width - 40) / bins;
  const bars = counts.map((c, i) => {
    const h = Math.round((height - 40) * (c / top));
    const x = 20 + i * barWidth;
    return `<rect x="${x + 1}" y="${height - 20 - h}" width="${barWidth - 2}" height="${h}" class="bar"><title>${Math.round((i * max) / bins)}–${Math.round(((i + 1) * max) / bins)} tokens: ${c}</title></rect>`;
  });
  return `<svg role="img" aria-label="Answer length distribution" viewBox="0 0 ${width} ${height}" width="100%">${bars.join('')}<text x="20" y="${height - 4}">0</text><text x="${width - 20}" y="${height - 4}" text-anchor="end">${max} tokens</text></svg>`;
}

/** The run as one HTML file: the numbers, the two charts, the per-problem table. No script, nothing fetched. */
export function evalReportHtml(summary: EvalSummary, meta: { title: string; sampling: Sampling }, lengths: number[] = summary.perProblem.map((p) => p.meanTokens)): string {
  const k = summary.samplesPerProblem;
  const rows = summary.perProblem
    .map(
      (p) =>
        `<tr><td>${escapeHtml(p.id)}</td><td>${p.kind}</td><td>${p.correct}/${p.samples}</td><td>${percent(p.passAt1)}</td><td>${percent(p.passAtK)}</td><td>${p.majorityCorrect ? '✓' : '✗'}${p.majorityAnswer ? ` <code>${escapeHtml(p.majorityAnswer.slice(0, 40))}</code>` : ''}</td><td>${p.truncated}</td><td>${Math.round(p.meanTokens)}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(meta.title)}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1b1e24; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .5rem; }
.card { border: 1px solid #e1e4ea; border-radius: 6px; padding: .5rem .75rem; }
.card strong { display: block; font-size: 1.4rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
td, th { border-bottom: 1px solid #e1e4ea; padding: .3rem .4rem; text-align: left; }
svg text { font-size: 12px; fill: #1b1e24; } .bar { fill: #4f5bd5; }
</style></head><body><main>
<h1>${escapeHtml(meta.title)}</h1>
<p>${summary.problems} problems × ${k} samples · temperature ${meta.sampling.temperature}, top_p ${meta.sampling.topP}, max ${meta.sampling.maxTokens} tokens</p>
<div class="cards">
<div class="card" data-metric="pass@1">pass@1 (mean over ${k})<strong>${percent(summary.passAt1)}</strong></div>
<div class="card" data-metric="pass@k">pass@${k}<strong>${percent(summary.passAtK)}</strong></div>
<div class="card" data-metric="majority">majority vote<strong>${percent(summary.majority)}</strong></div>
<div class="card" data-metric="truncation">truncated<strong>${percent(summary.truncationRate)}</strong></div>
<div class="card" data-metric="length">mean answer<strong>${Math.round(summary.meanAnswerTokens)} tokens</strong></div>
<div class="card" data-metric="speed">throughput<strong>${summary.tokensPerSecond.toFixed(1)} tok/s</strong></div>
</div>
<h2>Accuracy per problem</h2>
${accuracyChart(summary)}
<h2>Answer length</h2>
${lengthChart(lengths)}
<h2>Problems</h2>
<table><thead><tr><th>id</th><th>kind</th><th>correct</th><th>pass@1</th><th>pass@${k}</th><th>majority</th><th>truncated</th><th>mean tokens</th></tr></thead><tbody>${rows}</tbody></table>
</main></body></html>
`;
}
