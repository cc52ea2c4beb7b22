import { describe, expect, it } from 'vitest';
import { lastCodeBlock, lastPythonBlock } from './editor-bridge';

const answer = 'First:\n```python\nprint(1)\n```\nThen C++:\n```cpp\nint main() {}\n```\nFinally:\n```py\nprint(2)\n```\n';

describe('code blocks of an answer', () => {
  it('finds the last Python block (python, python3 or py)', () => {
    expect(lastPythonBlock(answer)).toBe('print(2)\n');
    expect(lastPythonBlock('no code')).toBeNull();
  });

  it('finds the last code block of any language', () => {
    expect(lastCodeBlock('```cpp\nint main() {}\n```\n')).toBe('int main() {}\n');
    expect(lastCodeBlock(answer)).toBe('print(2)\n');
  });
});
