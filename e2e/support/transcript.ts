/**
 * A realistic VibeThinker-style transcript (reasoning with math, then an
 * answer with code and a boxed result), and its delivery as the model host
 * would send it: `generationDelta` batches over the event WebSocket.
 */

const paragraph = (i: number) =>
  [
    `Step ${i}: let $a_${i} = ${i}^2 + 1$ and consider $f(n) = n^2 + ${i}n + 1$. We want $f(n) \\equiv 0 \\pmod{${i + 2}}$.`,
    `The discriminant is $\\Delta = ${i}^2 - 4 = ${i * i - 4}$, so the roots are $$n = \\frac{-${i} \\pm \\sqrt{${i * i - 4}}}{2}.$$`,
    `Check the small cases: a ticket costs $5 and a drink $10, which is irrelevant; the price of $3 too. Also \\(x_${i} * y_${i}\\) with $|x| \\le ${i}$.`,
    `\\[\n\\begin{aligned}\nS_{${i}} &= \\sum_{k=1}^{${i}} k^2 = \\frac{${i}(${i}+1)(2\\cdot ${i}+1)}{6} \\\\\n&= ${(i * (i + 1) * (2 * i + 1)) / 6}\n\\end{aligned}\n\\]`,
    i % 5 === 0
      ? `| $k$ | $k^2$ | parity |\n|---|---|---|\n| ${i} | ${i * i} | ${i % 2 === 0 ? 'even' : 'odd'} |\n| ${i + 1} | ${(i + 1) ** 2} | ${(i + 1) % 2 === 0 ? 'even' : 'odd'} |`
      : `Cases: $$g(x) = \\begin{cases} x^2 & x \\ge 0 \\\\ -x & x < 0 \\end{cases}$$ and the matrix $\\begin{pmatrix} 1 & ${i} \\\\ 0 & 1 \\end{pmatrix}$.`,
  ].join('\n\n');

/** Reasoning of roughly `words × 1.3` tokens. */
export function reasoningTranscript(paragraphs: number): string {
  return `Okay, let me think about this carefully.\n\n${Array.from({ length: paragraphs }, (_, i) => paragraph(i + 1)).join('\n\n')}\n\nSo the answer should be 7.`;
}

export const answerTranscript = `**Approach.** Reduce modulo $n+1$: since $n \\equiv -1$, we need $(-1)^2 + 1 = 2 \\equiv 0$, so $n + 1 \\mid 2$.

\`\`\`python
import sys


def solve(n: int) -> int:
    # $n + 1$ divides 2
    return sum(1 for d in (1, 2, -1, -2) if (n + 1) % d == 0)


print(solve(int(sys.stdin.readline())))
\`\`\`

Therefore the count is $\\boxed{\\frac{14}{2}}$.`;

/** Splits text into token-sized pieces (3–9 characters), as a model streams it. */
export function tokenPieces(text: string): string[] {
  const pieces: string[] = [];
  let i = 0;
  let seed = 7;
  while (i < text.length) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const size = 3 + (seed % 7);
    pieces.push(text.slice(i, i + size));
    i += size;
  }
  return pieces;
}
