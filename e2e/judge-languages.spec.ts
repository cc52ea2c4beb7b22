import { expect, test } from './fixtures';
import { pasteCode } from './support/page-helpers';
import { startWithScriptedModel } from './support/scripted-model';

test.describe('the judge beyond Python samples', () => {
  test.skip(({ workbench }) => workbench.kind !== 'web', 'web mode is where the renderer is tested here');

  test('C++: switch the editor to C++17, judge it AC; a compile error is marked on its line', async ({ workbench }) => {
    const page = await workbench.start();
    const panel = page.getByTestId('tests-panel');
    await panel.getByRole('button', { name: 'New', exact: true }).click();
    await panel.getByTestId('test-case').nth(0).getByLabel('Input').fill('1 2\n');
    await panel.getByTestId('test-case').nth(0).getByLabel('Expected').fill('3\n');
    await page.getByLabel('Solution language').selectOption('cpp17');
    await expect(page.getByTestId('editor-file-name')).toHaveText('solution.cpp');
    await pasteCode(page, '#include <iostream>\nint main() {\n  long long a, b;\n  std::cin >> a >> b;\n  std::cout << a + b << "\\n";\n}\n');
    await panel.getByRole('button', { name: 'Run tests' }).click();
    await expect(panel.getByTestId('verdict-summary')).toContainText('AC 1/1 accepted');
    await expect(panel.getByTestId('compiler-line')).toContainText(/g\+\+|clang/);

    await pasteCode(page, '#include <iostream>\nint main() {\n  std::cout << missing_name;\n}\n');
    await panel.getByRole('button', { name: 'Run tests' }).click();
    await expect(panel.getByTestId('compile-error')).toContainText('missing_name');
    // Monaco draws the marker as a squiggle under line 3.
    await expect(page.getByTestId('editor').locator('.squiggly-error')).toHaveCount(1);
    await page.screenshot({ path: test.info().outputPath('cpp-compile-error.png') });
    // The language is kept with the session.
    await page.reload();
    await expect(page.getByTestId('editor-file-name')).toHaveText('solution.cpp');
    await expect(page.getByLabel('Solution language')).toHaveValue('cpp17');
  });

  test('stress test to a counterexample to a new failing test', async ({ workbench }) => {
    const page = await workbench.start();
    const panel = page.getByTestId('tests-panel');
    await panel.getByRole('button', { name: 'New', exact: true }).click();
    await panel.getByTestId('test-case').nth(0).getByLabel('Input').fill('3\n1 5 2\n');
    await panel.getByTestId('test-case').nth(0).getByLabel('Expected').fill('5\n');
    // Right on small inputs, wrong once there are more than 50 numbers.
    await pasteCode(page, 'input()\nprint(max(list(map(int, input().split()))[:50]))\n');
    await page.getByRole('tab', { name: 'Brute force' }).click();
    await expect(page.getByTestId('editor-file-name')).toHaveText('brute.py');
    await pasteCode(page, 'input()\nprint(max(map(int, input().split())))\n');
    await page.getByRole('tab', { name: 'Generator' }).click();
    await pasteCode(page, 'import random, sys\nrng = random.Random(int(sys.argv[1]))\nsize = int(sys.argv[2]) if len(sys.argv) > 2 else 100\nn = rng.randint(1, size)\nprint(n)\nprint(*[rng.randint(1, 10**6) for _ in range(n)])\n');
    await page.getByRole('tab', { name: 'Solution' }).click();
    await panel.getByRole('button', { name: 'Run tests' }).click();
    await expect(panel.getByTestId('verdict-summary')).toContainText('AC 1/1 accepted');

    const stress = panel.getByTestId('stress-panel');
    await stress.locator('summary').click();
    await stress.getByLabel('Stress rounds').fill('300');
    await stress.getByRole('button', { name: 'Start stress test' }).click();
    const result = stress.getByTestId('stress-result');
    await expect(result).toContainText('Counterexample on seed', { timeout: 60_000 });
    expect(Number((await result.getByTestId('stress-input').innerText()).split('\n')[0])).toBeGreaterThan(50);
    await stress.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('stress-counterexample.png') });
    await result.getByRole('button', { name: 'Add as a test' }).click();
    await expect(panel.getByTestId('test-case')).toHaveCount(2);
    await expect(panel.getByTestId('test-case').nth(1)).toContainText('WA');
    await expect(result).toContainText('Added as test 2.');
    // The programs are kept with the session.
    await page.reload();
    await page.getByRole('tab', { name: 'Brute force' }).click();
    await expect(page.getByTestId('editor')).toContainText('print(max(map(int, input().split())))');
  });

  test('an interactive problem: the interactor decides, and the transcript shows both sides', async ({ workbench }) => {
    const page = await workbench.start();
    const panel = page.getByTestId('tests-panel');
    await panel.getByRole('button', { name: 'New', exact: true }).click();
    await panel.getByTestId('test-case').nth(0).getByLabel('Input').fill('42\n');
    const settings = panel.getByTestId('judging-settings');
    await settings.locator('summary').click();
    await settings.getByLabel('Interactive problem').check();
    await settings.getByLabel('Interactor').fill(
      ['import sys', 'secret = int(open(sys.argv[1]).read())', 'for _ in range(7):', '    guess = int(input())', '    if guess == secret:', '        print("=", flush=True)', '        print("found it", file=sys.stderr)', '        sys.exit(0)', '    print("<" if secret < guess else ">", flush=True)', 'print("too many guesses", file=sys.stderr)', 'sys.exit(1)'].join('\n'),
    );
    await pasteCode(page, 'lo, hi = 1, 100\nwhile True:\n    mid = (lo + hi) // 2\n    print(mid, flush=True)\n    reply = input()\n    if reply == "=":\n        break\n    if reply == "<":\n        hi = mid - 1\n    else:\n        lo = mid + 1\n');
    await panel.getByRole('button', { name: 'Run tests' }).click();
    await expect(panel.getByTestId('verdict-summary')).toContainText('AC 1/1 accepted');
    const transcript = panel.getByTestId('test-case').nth(0).getByTestId('transcript');
    await transcript.locator('summary').click();
    await expect(transcript).toContainText('→ 50');
    await expect(transcript).toContainText('← <');
    await expect(transcript).toContainText('← =');
    await transcript.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('interactive-transcript.png') });
  });
});

test('the "Brute force" template drafts into the empty Brute force tab, and the solution is left alone', async ({ workbench }) => {
  test.skip(workbench.kind !== 'web', 'web mode is where the renderer is tested here');
  const page = await startWithScriptedModel(workbench, ['<think>', 'Try', 'Ġall.', '</think>', 'Slow:', 'Ċ```python', 'Ċprint(sum(range(4)))', 'Ċ```']);
  await page.getByLabel('Problem statement').fill('Print six.');
  await pasteCode(page, 'print(6)\n');
  await page.getByLabel('Template').selectOption('brute-force');
  await page.getByRole('button', { name: 'Ask VibeThinker' }).click();
  await expect(page.getByTestId('generation-stats')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('editor-offer')).toHaveCount(0);
  await expect(page.getByTestId('editor').locator('.view-lines')).toContainText('print(6)');
  await page.getByRole('tab', { name: 'Brute force' }).click();
  await expect(page.getByTestId('editor').locator('.view-lines')).toContainText('print(sum(range(4)))');
});
