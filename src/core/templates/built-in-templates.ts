import { samplingPresets } from '../../shared/generation';
import type { Template } from '../../shared/templates';

/**
 * Reasoning that runs past 32,768 of the 40,960 tokens is closed by the workbench, leaving the
 * model 8,192 tokens to answer, instead of ending with no answer at all. The evaluated math
 * template has no budget: it stays as the paper ran it.
 */
const reasoningBudget = 32_768;
const codeSampling = { ...samplingPresets.code, reasoningBudget };
const mathSampling = { ...samplingPresets.math };
const tutoringSampling = { ...mathSampling, reasoningBudget };

/**
 * The templates the workbench ships (read-only; they can be duplicated).
 * Following the model card: English prompts, no system prompt where the
 * official usage has none, the math instruction exactly as evaluated.
 */
export const builtInTemplates: readonly Template[] = [
  {
    version: 1,
    id: 'cp-python',
    name: 'Competitive programming (Python)',
    description: 'Analyse the problem step by step, then write clean, executable Python with comments on the key logic.',
    tags: ['code', 'contest'],
    system: null,
    body: 'Solve the following competitive programming problem.\n\n{{problem}}\n\n{{tests}}\n\nAnalyse the problem step by step: the constraints, the algorithm and its complexity. Then write a complete, efficient solution in {{language}} that reads from standard input and writes to standard output. Comment the key logic. Put the final code in a single ```python code block.',
    variables: [],
    sampling: codeSampling,
    sendToEditor: 'lastPython',
  },
  {
    version: 1,
    id: 'algorithm-first',
    name: 'Algorithm first, then code',
    description: 'Describe the algorithm in words first; only then write the code.',
    tags: ['code'],
    system: null,
    body: '{{problem}}\n\n{{tests}}\n\nFirst describe the algorithm you will use and why it is correct and fast enough for the constraints. Then write the code in {{language}} in a single ```python code block.',
    variables: [],
    sampling: codeSampling,
    sendToEditor: 'lastPython',
  },
  {
    version: 1,
    id: 'math',
    name: 'Math (as evaluated)',
    description: 'The problem followed by the instruction VibeThinker was evaluated with, and the model card\'s math sampling.',
    tags: ['math'],
    system: null,
    body: "{{problem}}\nLet's think step by step and output the final answer within \\boxed{}.",
    variables: [],
    sampling: mathSampling,
    sendToEditor: 'none',
  },
  {
    version: 1,
    id: 'tutoring',
    name: 'Tutoring: explain each step',
    description: 'A worked solution for a student, every step explained, key formulas displayed.',
    tags: ['math', 'teaching'],
    system: null,
    body: "Explain how to solve this problem to a {{level}} student.\n\n{{problem}}\n\nGo step by step. Say why each step is taken, show the key formulas on their own lines as display math ($$…$$), and end with the final answer within \\boxed{}.",
    variables: [{ name: 'level', default: 'high-school', description: 'Who the explanation is for.' }],
    sampling: tutoringSampling,
    sendToEditor: 'none',
  },
  {
    version: 1,
    id: 'fix-feedback',
    name: 'Fix with feedback',
    description: 'Used after a failed run: the failing test and the current code go back to the model.',
    tags: ['code', 'judge'],
    system: null,
    body: '{{problem}}\n\nThis {{language}} solution fails:\n\n```python\n{{code}}\n```\n\n{{feedback}}\n\nFind the bug, explain it briefly, and give the complete corrected solution in a single ```python code block.',
    variables: [],
    sampling: codeSampling,
    sendToEditor: 'lastPython',
  },
];
