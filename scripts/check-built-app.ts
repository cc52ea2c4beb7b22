/**
 * `npm run check:app`, run by `npm test` after the build: checks the built
 * app the way the installers will package it.
 * 1. The main and preload bundles (with the `vibe` command built beside the
 *    main process, and their shared chunks) import only what the package will contain.
 * 2. Electronegativity finds nothing beyond the reviewed allow-list
 *    (security/electronegativity-allow.json), and parses every file.
 * 3. The built `vibe` command runs (bin/vibe.mjs takes it when it is fresh).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bareImports, unresolvableImports } from './security/bundle-imports';
import { compareWithAllowList, readAllowList, scanWithElectronegativity, stageForScan } from './security/electronegativity-scan';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const problems: string[] = [];

const chunks = (await readdir(join(root, 'out/main/chunks')).catch(() => [])).map((f) => `out/main/chunks/${f}`);
for (const bundle of ['out/main/index.js', 'out/main/cli.js', ...chunks, 'out/preload/index.cjs']) {
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

const version = spawnSync(process.execPath, [join(root, 'bin/vibe.mjs'), '--version'], { env: { ...process.env, VIBE_CLI: 'built' }, encoding: 'utf8' });
if (version.status !== 0 || version.stdout.trim() !== pkg.version) {
  problems.push(`the built vibe command (out/main/cli.js) did not print the version: exit ${version.status}, ${version.stderr.trim() || version.stdout.trim()}`);
}

if (problems.length > 0) {
  console.error(`\nThe built app failed its checks:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('built app: imports resolvable when packaged, security scan clean, the built vibe command runs');
