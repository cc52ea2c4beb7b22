/**
 * `npm run check:app`, run by `npm test` after the build: checks the built
 * app the way the installers will package it.
 * 1. The main and preload bundles import only what the package will contain.
 * 2. Electronegativity finds nothing beyond the reviewed allow-list
 *    (security/electronegativity-allow.json), and parses every file.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bareImports, unresolvableImports } from './security/bundle-imports';
import { compareWithAllowList, readAllowList, scanWithElectronegativity, stageForScan } from './security/electronegativity-scan';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const problems: string[] = [];

for (const bundle of ['out/main/index.js', 'out/preload/index.cjs']) {
  const code = await readFile(join(root, bundle), 'utf8').catch(() => null);
  if (code === null) {
    problems.push(`${bundle} is missing: run \`npm run build\` first`);
    continue;
  }
  for (const name of unresolvableImports(bareImports(code), Object.keys(pkg.dependencies))) {
    problems.push(`${bundle} imports "${name}", which is not in package.json dependencies, so the installed app would not find it`);
  }
}

const allowList = await readAllowList(join(root, 'security/electronegativity-allow.json'));
const stage = await mkdtemp(join(tmpdir(), 'vibe-scan-'));
try {
  const started = Date.now();
  await stageForScan(root, ['package.json', 'out'], stage);
  const electronVersion = pkg.devDependencies.electron ?? '';
  const scan = await scanWithElectronegativity(
    stage,
    electronVersion,
    allowList.excludedChecks.map((entry) => entry.check),
  );
  for (const error of scan.errors) problems.push(`electronegativity could not parse ${error.file}: ${error.message}`);
  const { unexpected, stale } = compareWithAllowList(scan.findings, allowList);
  for (const finding of unexpected) {
    problems.push(`electronegativity: ${finding.check} (${finding.severity}) in ${finding.file}:${finding.line}: ${finding.description}`);
  }
  for (const entry of stale) problems.push(`allow-list entry matches nothing any more, remove it: ${entry.check} in ${entry.file}`);
  console.log(
    `electronegativity: ${scan.findings.length} findings, all on the reviewed allow-list: ${unexpected.length === 0 ? 'yes' : 'no'} (${Date.now() - started} ms)`,
  );
} finally {
  await rm(stage, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`\nThe built app failed its checks:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('built app: imports resolvable when packaged, security scan clean');
