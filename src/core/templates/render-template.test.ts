import { describe, expect, it } from 'vitest';
import { TemplateSchema, type Template } from '../../shared/templates';
import { builtInTemplates } from './built-in-templates';
import { renderTemplate } from './render-template';

const values = {
  problem: 'Given n, print n + 1.',
  language: 'Python 3',
  fence: 'python',
  tests: 'Sample input:\n1\nSample output:\n2',
  feedback: 'Test 1 failed: expected 2, got 1.',
  code: 'print(int(input()))',
};
const builtIn = (id: string) => builtInTemplates.find((t) => t.id === id) as Template;

describe('built-in templates render to exactly this text', () => {
  it('cp-python', () => {
    expect(renderTemplate(builtIn('cp-python'), values)).toMatchInlineSnapshot(`
      {
        "system": null,
        "unknown": [],
        "unused": [],
        "user": "Solve the following competitive programming problem.

      Given n, print n + 1.

      Sample input:
      1
      Sample output:
      2

      Analyse the problem step by step: the constraints, the algorithm and its complexity. Then write a complete, efficient solution in Python 3 that reads from standard input and writes to standard output. Comment the key logic. Put the final code in a single \`\`\`python code block.",
      }
    `);
  });

  it('algorithm-first', () => {
    expect(renderTemplate(builtIn('algorithm-first'), values).user).toMatchInlineSnapshot(`
      "Given n, print n + 1.

      Sample input:
      1
      Sample output:
      2

      First describe the algorithm you will use and why it is correct and fast enough for the constraints. Then write the code in Python 3 in a single \`\`\`python code block."
    `);
  });

  it('math, with the instruction the model was evaluated with and no system prompt', () => {
    const rendered = renderTemplate(builtIn('math'), { problem: 'Find $x$ if $2x = 6$.' });
    expect(rendered.system).toBeNull();
    expect(rendered.user).toMatchInlineSnapshot(`
      "Find $x$ if $2x = 6$.
      Let's think step by step and output the final answer within \\boxed{}."
    `);
    expect(builtIn('math').sampling).toEqual({ temperature: 1, topP: 0.95, topK: 0, maxTokens: 40960 });
  });

  it('tutoring, with its own variable and default', () => {
    expect(renderTemplate(builtIn('tutoring'), { problem: 'Solve $x^2 = 4$.' }).user).toMatchInlineSnapshot(`
      "Explain how to solve this problem to a high-school student.

      Solve $x^2 = 4$.

      Go step by step. Say why each step is taken, show the key formulas on their own lines as display math ($$…$$), and end with the final answer within \\boxed{}."
    `);
  });

  it('fix-feedback follows the editor\'s language', () => {
    const cpp = renderTemplate(builtIn('fix-feedback'), { ...values, language: 'C++17', fence: 'cpp', code: 'int main() {}' }).user;
    expect(cpp).toContain('This C++17 solution fails:\n\n```cpp\nint main() {}\n```');
    expect(cpp).toContain('in a single ```cpp code block.');
  });

  it('brute-force and test-generator draft stress-test programs for their tabs', () => {
    expect(builtIn('brute-force')).toMatchObject({ target: 'brute', sendToEditor: 'lastPython' });
    expect(builtIn('test-generator')).toMatchObject({ target: 'generator', sendToEditor: 'lastPython' });
    expect(renderTemplate(builtIn('test-generator'), values).user).toMatch(/seed as its first command-line argument and an optional size as its second/);
    expect(builtIn('cp-cpp')).toMatchObject({ sendToEditor: 'lastCpp', target: 'solution' });
  });

  it('fix-feedback', () => {
    expect(renderTemplate(builtIn('fix-feedback'), values).user).toMatchInlineSnapshot(`
      "Given n, print n + 1.

      This Python 3 solution fails:

      \`\`\`python
      print(int(input()))
      \`\`\`

      Test 1 failed: expected 2, got 1.

      Find the bug, explain it briefly, and give the complete corrected solution in a single \`\`\`python code block."
    `);
  });

  it('all built-ins are valid templates with English text and no system prompt', () => {
    for (const t of builtInTemplates) {
      expect(TemplateSchema.parse(t)).toEqual(t);
      expect(t.system).toBeNull();
    }
  });
});

const custom = (body: string, variables: Template['variables'] = [], system: string | null = null): Template =>
  TemplateSchema.parse({ version: 1, id: 'custom', name: 'Custom', body, system, variables, sampling: { temperature: 0.6, topP: 0.95, topK: 0, maxTokens: 100 } });

describe('renderTemplate', () => {
  it('inserts values literally: a statement containing {{…}} is not expanded', () => {
    expect(renderTemplate(custom('P: {{problem}}'), { problem: 'print "{{code}}"' }).user).toBe('P: print "{{code}}"');
  });

  it('uses defaults, lets defaults refer to other variables, and reports unknown and unused ones', () => {
    const t = custom('{{greeting}}, {{who}}! {{mystery}}', [
      { name: 'who', default: 'world', description: '' },
      { name: 'greeting', default: 'Hello from {{language}}', description: '' },
      { name: 'spare', default: 'x', description: '' },
    ]);
    expect(renderTemplate(t, { language: 'Python' })).toEqual({ system: null, user: 'Hello from Python, world! {{mystery}}', unknown: ['mystery'], unused: ['spare'] });
    expect(renderTemplate(t, { who: 'Ada', language: 'C' }).user).toBe('Hello from C, Ada! {{mystery}}');
  });

  it('refuses a loop among variables and names it', () => {
    const t = custom('{{a}}', [
      { name: 'a', default: 'x {{b}}', description: '' },
      { name: 'b', default: 'y {{a}}', description: '' },
    ]);
    expect(() => renderTemplate(t)).toThrow('Variables refer to each other in a loop: a → b → a.');
  });

  it('renders the system prompt too', () => {
    expect(renderTemplate(custom('{{problem}}', [], 'You write {{language}}.'), { problem: 'p', language: 'Python' }).system).toBe('You write Python.');
  });
});
