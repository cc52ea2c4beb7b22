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
    target: 'solution',
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
    target: 'solution',
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
    target: 'solution',
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
    target: 'solution',
  },
  {
    version: 1,
    id: 'cp-cpp',
    name: 'Competitive programming (C++)',
    description: 'As the Python template, for C++17: analyse, then one complete program that reads stdin and writes stdout.',
    tags: ['code', 'contest', 'c++'],
    system: null,
    body: 'Solve the following competitive programming problem.\n\n{{problem}}\n\n{{tests}}\n\nAnalyse the problem step by step: the constraints, the algorithm and its complexity. Then write a complete, efficient C++17 program that reads from standard input and writes to standard output (fast I/O; 64-bit integers where values can be large). Comment the key logic. Put the final code in a single ```cpp code block.',
    variables: [],
    sampling: codeSampling,
    sendToEditor: 'lastCpp',
    target: 'solution',
  },
  {
    version: 1,
    id: 'brute-force',
    name: 'Brute force',
    description: 'For stress testing: the simplest surely-correct solution, however slow. Its code goes to the Brute force tab.',
    tags: ['code', 'stress'],
    system: null,
    body: '{{problem}}\n\n{{tests}}\n\nWrite a brute-force solution in Python: the simplest program that is certainly correct, however slow (try every possibility, no clever algorithm). It only has to work on very small inputs. It reads from standard input and writes to standard output in exactly the required format. Put the code in a single ```python code block.',
    variables: [],
    sampling: codeSampling,
    sendToEditor: 'lastPython',
    target: 'brute',
  },
  {
    version: 1,
    id: 'test-generator',
    name: 'Test generator',
    description: 'For stress testing: a program that prints one small random test for a seed. Its code goes to the Generator tab.',
    tags: ['code', 'stress'],
    system: null,
    body: '{{problem}}\n\n{{tests}}\n\nWrite a random test generator for this problem in Python. It takes a seed as its first command-line argument and an optional size as its second (default 10: the largest n or value it uses), calls random.seed(seed), and prints exactly one valid input in the problem\'s input format, obeying every constraint. Keep tests small so that a brute-force solution can answer them. Put the code in a single ```python code block.',
    variables: [],
    sampling: codeSampling,
    sendToEditor: 'lastPython',
    target: 'generator',
  },
  {
    version: 1,
    id: 'fix-feedback',
    name: 'Fix with feedback',
    description: 'Used after a failed run: the failing test and the current code go back to the model.',
    tags: ['code', 'judge'],
    system: null,
    body: '{{problem}}\n\nThis {{language}} solution fails:\n\n```{{fence}}\n{{code}}\n```\n\n{{feedback}}\n\nFind the bug, explain it briefly, and give the complete corrected solution in a single ```{{fence}} code block.',
    variables: [],
    sampling: codeSampling,
    sendToEditor: 'lastPython',
    target: 'solution',
  },
];
