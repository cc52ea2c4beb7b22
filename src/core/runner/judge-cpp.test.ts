import { describe, expect, it } from 'vitest';
import { ProblemSchema } from '../../shared/judging';
import { parseDiagnostics } from './cpp-compiler';
import { judge } from './judge';
import { locateCompiler } from './cpp-compiler';

/** C++ judged like Python: the same problem, each verdict, real g++ (CI installs it). */
const problem = ProblemSchema.parse({
  name: 'sum',
  timeLimit: 1000,
  memoryLimit: 256,
  tests: [
    { input: '1 2\n', output: '3\n' },
    { input: '40 2\n', output: '42\n' },
  ],
});
const sum = '#include <bits/stdc++.h>\nint main() { long long a, b; std::cin >> a >> b; std::cout << a + b << "\\n"; }\n';
const hasCompiler = await locateCompiler().then(
  () => true,
  () => false,
);

describe.skipIf(!hasCompiler)('judging C++', () => {
  for (const sandbox of ['auto', 'none'] as const) {
    describe(`sandbox ${sandbox}`, () => {
      const withSandbox = async <T>(run: () => Promise<T>): Promise<T> => {
        const previous = process.env.VIBE_SANDBOX;
        if (sandbox === 'none') process.env.VIBE_SANDBOX = 'none';
        try {
          return await run();
        } finally {
          if (previous === undefined) delete process.env.VIBE_SANDBOX;
          else process.env.VIBE_SANDBOX = previous;
        }
      };

      it('AC, WA, TLE, RE and CE on the same problem', async () => {
        const ac = await withSandbox(() => judge(sum, problem, { language: 'cpp17' }));
        expect(ac).toMatchObject({ verdict: 'AC', passed: 2, language: 'cpp17', compiler: expect.stringMatching(/g\+\+|clang/) });
        expect(ac.compileMs).toBeGreaterThanOrEqual(0);
        const wa = await withSandbox(() => judge(sum.replace('a + b', 'a - b'), problem, { language: 'cpp17' }));
        expect(wa.verdict).toBe('WA');
        expect(wa.tests[0]?.detail).toMatch(/Line 1 differs: expected "3", got "-1"/);
        const tle = await withSandbox(() => judge('int main() { volatile unsigned long x = 0; for (;;) x++; }\n', problem, { language: 'cpp17', only: [0] }));
        expect(tle.tests[0]).toMatchObject({ verdict: 'TLE' });
        const re = await withSandbox(() => judge('#include <cstdio>\nint main() { int *p = nullptr; *p = 1; std::printf("%d", *p); }\n', problem, { language: 'cpp17', only: [0] }));
        expect(re.tests[0]).toMatchObject({ verdict: 'RE', signal: 'SIGSEGV' });
        expect(re.tests[0]?.detail).toMatch(/invalid memory access/);
        const ce = await withSandbox(() => judge('#include <iostream>\nint main() {\n  std::cout << undefined_name;\n}\n', problem, { language: 'cpp17' }));
        expect(ce).toMatchObject({ verdict: 'CE', tests: [] });
        expect(ce.compileError).toMatch(/undefined_name/);
        expect(ce.diagnostics).toContainEqual(expect.objectContaining({ line: 3, severity: 'error', message: expect.stringMatching(/undefined_name/) }));
      });

      it('C++20 is C++20 and C++17 is not, and the compiled program sees ONLINE_JUDGE', async () => {
        const cpp20 = '#include <iostream>\n#include <concepts>\ntemplate <std::integral T> T twice(T x) { return 2 * x; }\nint main() {\n#ifdef ONLINE_JUDGE\n  int a, b; std::cin >> a >> b; std::cout << twice(a + b) / 2 << "\\n";\n#endif\n}\n';
        expect((await withSandbox(() => judge(cpp20, problem, { language: 'cpp20' }))).verdict).toBe('AC');
        expect((await withSandbox(() => judge(cpp20, problem, { language: 'cpp17' }))).verdict).toBe('CE');
      });
    });
  }

  it('deep recursion has the stack contest judges give (up to the memory limit)', async () => {
    // About 240 bytes a frame, a million deep: a segfault under the default 8 MB stack (checked by hand), fine in 256 MB.
    const deep = '#include <bits/stdc++.h>\nlong long depth(long long n) { volatile char pad[200]; pad[n % 200] = 1; if (n == 0) return 0; long long r = depth(n - 1); return r + pad[n % 200]; }\nint main() { long long a, b; std::cin >> a >> b; std::cout << depth(1000000) - 1000000 + a + b << "\\n"; }\n';
    expect((await judge(deep, problem, { language: 'cpp17' })).verdict).toBe('AC');
  });

  it('compiles a code version once: judging it again reuses the binary', async () => {
    const code = `${sum}// once ${Date.now()}\n`;
    const first = await judge(code, problem, { language: 'cpp17' });
    const again = await judge(code, problem, { language: 'cpp17' });
    expect(first.compileMs).toBeGreaterThan(0);
    expect(again.compileMs).toBe(0);
    expect(again.verdict).toBe('AC');
  });

  it('compile time is not run time: a slow compile (heavy templates) still gets a fast test its own limit', async () => {
    // Compiles for a while (deep template instantiation), runs in no time.
    const heavy = `#include <bits/stdc++.h>\ntemplate <int N> struct F { static constexpr long long v = F<N - 1>::v + N; };\ntemplate <> struct F<0> { static constexpr long long v = 0; };\nint main() { long long a, b; std::cin >> a >> b; std::cout << a + b + F<800>::v - F<800>::v << "\\n"; }\n// ${Date.now()}\n`;
    const report = await judge(heavy, { ...problem, timeLimit: 100 }, { language: 'cpp17' });
    expect(report.verdict).toBe('AC');
    for (const test of report.tests) expect(test.cpuMs).toBeLessThan(100);
  });

  it('an array with an initialiser over 16 MB compiles and runs; one too large for the sandbox is a CE that says why', async () => {
    // `= {1}` stores the whole array in the program (zero-initialised ones take no room): 24 MB, then 48 MB.
    const table = (n: number) => `#include <bits/stdc++.h>\nint table[${n}] = {1};\nint main() { long long a, b; std::cin >> a >> b; std::cout << a + b + table[0] - 1 + table[${n - 1}] << "\\n"; }\n`;
    // Under a 64 MB limit, on six tests: the program touches two of its pages, so it must not read as 24 MB or more
    // (a forked test's ru_maxrss starts at the zygote's size, which held the program: read 100–190 MB, MLE).
    const six = { ...problem, memoryLimit: 64, tests: Array.from({ length: 6 }, (_, i) => ({ input: `${i} 1\n`, output: `${i + 1}\n` })) };
    const big = await judge(table(6_000_000), six, { language: 'cpp17' });
    expect(big.verdict).toBe('AC');
    for (const test of big.tests) expect(test.peakMemoryMb).toBeLessThan(24);
    const tooLarge = await judge(table(12_000_000), problem, { language: 'cpp17' });
    expect(tooLarge.verdict).toBe('CE');
    expect(tooLarge.compileError).toMatch(/does not fit in the sandbox \(64 MB of files in all.*initialiser/s);
    // The code's own words are not the linker's: a comment or an assertion that says "File too large" is not that.
    const says = await judge('int main() { return x; } // File too large, No space left on device\n', problem, { language: 'cpp17' });
    expect(says.verdict).toBe('CE');
    expect(says.compileError).not.toMatch(/does not fit/);
  });

  it('a C++ solution cannot read the host: the sandbox shows no home, no /etc secrets', async () => {
    const snoop = '#include <bits/stdc++.h>\nint main() { std::ifstream f("/etc/shadow"); std::ifstream h("/root/.bash_history"); long long a, b; std::cin >> a >> b; std::cout << (f.good() || h.good() ? -1 : a + b) << "\\n"; }\n';
    expect((await judge(snoop, problem, { language: 'cpp17' })).verdict).toBe('AC');
  });
});

describe('compiler messages', () => {
  it('are placed on their lines; messages about other files are left out', () => {
    const text = [
      "solution.cpp: In function 'int main()':",
      "solution.cpp:3:16: error: 'x' was not declared in this scope",
      'solution.cpp:5:3: warning: unused variable [-Wunused-variable]',
      "/usr/include/c++/12/bits/stl_vector.h:10:2: note: candidate",
      'solution.cpp:7: error: expected ; before }',
    ].join('\n');
    expect(parseDiagnostics(text)).toEqual([
      { line: 3, column: 16, severity: 'error', message: "'x' was not declared in this scope" },
      { line: 5, column: 3, severity: 'warning', message: 'unused variable [-Wunused-variable]' },
      { line: 7, column: 1, severity: 'error', message: 'expected ; before }' },
    ]);
  });
});

describe('without a compiler', () => {
  it('says so and how to install one', async () => {
    await expect(judge(sum, problem, { language: 'cpp17', compiler: '/nonexistent/g++' })).rejects.toMatchObject({ code: 'compiler_missing', message: expect.stringMatching(/No C\+\+ compiler found.*Install one/) });
  });
});
