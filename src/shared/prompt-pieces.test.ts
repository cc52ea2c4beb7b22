import { describe, expect, it } from 'vitest';
import { extractCode, failureFeedback, sampleTestsText } from './prompt-pieces';

const answer = 'First:\n```python\nprint(1)\n```\nThen C++:\n```cpp\nint main() {}\n```\nFinally:\n```py\nprint(2)\n```\n';

describe('the code an answer sends to the editor (the workbench and vibe eval alike)', () => {
  it('takes the last Python block (python, python3 or py), or the last block of any language', () => {
    expect(extractCode(answer, 'lastPython')).toBe('print(2)\n');
    expect(extractCode(answer, 'lastCode')).toBe('print(2)\n');
    expect(extractCode('```cpp\nint main() {}\n```\n', 'lastCode')).toBe('int main() {}\n');
    expect(extractCode('no code', 'lastPython')).toBeNull();
    expect(extractCode(answer, 'none')).toBeNull();
  });

  it('takes the last C++ block (cpp, c++, cc, cxx) for a C++ template', () => {
    expect(extractCode('```python\nprint(1)\n```\n```cpp\nint main() {}\n```\n```python\nprint(2)\n```', 'lastCpp')).toBe('int main() {}\n');
    expect(extractCode('```c++\nint a;\n```', 'lastCpp')).toBe('int a;\n');
    expect(extractCode('```python\nprint(1)\n```', 'lastCpp')).toBeNull();
  });

  it('takes an untagged block as Python only when no block is tagged Python, and never another language', () => {
    expect(extractCode('```\nprint(3)\n```', 'lastPython')).toBe('print(3)\n');
    expect(extractCode('```python\nprint(1)\n```\n```\nplain text\n```', 'lastPython')).toBe('print(1)\n');
    expect(extractCode('```cpp\nint x;\n```', 'lastPython')).toBeNull();
  });

  it('reads fences as CommonMark does: longer fences hold shorter ones, tildes, indentation, unclosed blocks ignored', () => {
    expect(extractCode('````python\nprint("```")\n```\nx = 1\n````', 'lastPython')).toBe('print("```")\n```\nx = 1\n');
    expect(extractCode('~~~python\nprint(1)\n~~~', 'lastPython')).toBe('print(1)\n');
    expect(extractCode('   ```python\nprint(1)\n   ```', 'lastPython')).toBe('print(1)\n');
    expect(extractCode('```python\nprint(1)\n```\n```python\nunfinished', 'lastPython')).toBe('print(1)\n');
  });

  it('stays linear on hostile answers', () => {
    const started = performance.now();
    extractCode('```python\n'.repeat(100_000) + '`'.repeat(100_000), 'lastPython');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('prompt pieces', () => {
  it('shows the first three sample tests', () => {
    const text = sampleTestsText([{ input: '1 2\n', output: '3\n' }, { input: 'a', output: 'b' }, { input: 'c', output: 'd' }, { input: 'e', output: 'f' }]);
    expect(text).toBe('Sample 1 input:\n1 2\nSample 1 output:\n3\n\nSample 2 input:\na\nSample 2 output:\nb\n\nSample 3 input:\nc\nSample 3 output:\nd');
  });

  it('tells the model what failed: the input, the expected output and what it did', () => {
    const wa = failureFeedback({ input: '1 2', output: '3' }, { index: 0, verdict: 'WA', detail: null, stdout: '4\n', stderr: '' });
    expect(wa).toContain('failed test 1 (WA)');
    expect(wa).toContain('Your output:\n```\n4\n');
    const re = failureFeedback({ input: '', output: '' }, { index: 2, verdict: 'RE', detail: 'ZeroDivisionError', stdout: '', stderr: 'Traceback' });
    expect(re).toContain('Result: RE — ZeroDivisionError');
  });
});
