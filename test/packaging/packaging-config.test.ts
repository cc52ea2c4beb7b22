import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, matchesGlob, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iconSizes } from '../../resources/icon-sizes';
import { useTempDirs } from '../helpers/temp-dir';
import { desktopEntryFor, loadBuilderConfig, pngSize, projectDir, readPackageJson, validateBuilderConfig } from './builder-config';

const hasDesktopFileValidate = spawnSync('desktop-file-validate', ['--help']).status === 0;

/** Every file under `dir`, relative to the project. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(projectDir, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

const matchesAny = (path: string, patterns: readonly string[]) => patterns.some((pattern) => matchesGlob(path, pattern));

describe('electron-builder configuration', () => {
  const makeTempDir = useTempDirs();

  it('passes electron-builder’s own schema, which does reject a broken file', async () => {
    const config = await loadBuilderConfig();
    await expect(validateBuilderConfig(config)).resolves.toBeUndefined();

    const dir = await makeTempDir();
    const broken = (await readFile(join(projectDir, 'electron-builder.yml'), 'utf8')).replace('asar: true', 'asar: sometimes');
    await writeFile(join(dir, 'broken.yml'), broken);
    await expect(validateBuilderConfig(await loadBuilderConfig(relative(projectDir, join(dir, 'broken.yml'))))).rejects.toThrow(/asar/);
  });

  it('names the app and builds an installer per OS', async () => {
    const config = await loadBuilderConfig();
    const pkg = await readPackageJson();
    expect(config.appId).toBe('org.vibethinker.workbench');
    expect(config.productName).toBe(pkg.productName);
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(pkg.license).toBe('MIT');
    expect(existsSync(join(projectDir, 'LICENSE'))).toBe(true);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    // The judge needs Python, and bubblewrap (or util-linux's unshare) for its sandbox.
    expect(config.deb?.depends).toEqual(expect.arrayContaining(['python3', 'bubblewrap', 'util-linux']));
    expect(config.mac?.target).toBe('dmg');
    expect(config.win?.target).toBe('nsis');
    expect(pkg.scripts).toMatchObject({ dist: expect.stringContaining('electron-builder') });
  });

  it('the .deb puts a `vibe` command on PATH that runs the app’s own binary as the command line', async () => {
    const config = await loadBuilderConfig();
    // fpm's source=target mapping, relative to the project folder that electron-builder runs in.
    const mapping = (config.deb?.fpm ?? []).find((arg) => arg.endsWith('=/usr/bin/vibe'));
    expect(mapping).toBeDefined();
    const launcher = join(projectDir, (mapping ?? '').split('=')[0] ?? '');
    expect(statSync(launcher).mode & 0o111).not.toBe(0);
    const script = await readFile(launcher, 'utf8');
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    // The link the package's install script makes to the app, with the switch src/main/cli-switch.ts reads.
    expect(script).toContain(`exec /usr/bin/${config.linux?.executableName ?? ''} --cli "$@"`);
    const run = spawnSync('sh', ['-n', launcher]);
    expect(run.status, run.stderr.toString()).toBe(0);
    // The fuses stay as they are: the command line runs in the app's main process, not as ELECTRON_RUN_AS_NODE.
    expect(config.electronFuses?.runAsNode).toBe(false);
  });

  it('flips the Electron fuses of the security checklist', async () => {
    const { electronFuses } = await loadBuilderConfig();
    expect(electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the build outputs the app loads at run time', async () => {
    const config = await loadBuilderConfig();
    const pkg = await readPackageJson();
    // getConfig normalises `files` into file sets: [{ filter: [...] }].
    const files = [config.files].flat().flatMap((set) => (typeof set === 'string' ? [set] : [set?.filter ?? []].flat()));
    expect(files.length).toBeGreaterThan(0);
    // package.json main, the preload main.ts loads (../preload/index.cjs) and the renderer entry.
    for (const needed of [String(pkg.main), 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index.js', 'package.json']) {
      expect(matchesAny(needed, files.filter((f) => !f.startsWith('!'))), needed).toBe(true);
      expect(matchesAny(needed, files.filter((f) => f.startsWith('!')).map((f) => f.slice(1))), needed).toBe(false);
    }
    expect(String(pkg.main)).toBe('out/main/index.js');
  });

  it('unpacks every llama.cpp native binary from the asar', async () => {
    const { asarUnpack } = await loadBuilderConfig();
    const patterns = [asarUnpack].flat().filter((p): p is string => typeof p === 'string');
    const native = ['node_modules/node-llama-cpp', 'node_modules/@node-llama-cpp']
      .flatMap((dir) => filesUnder(dir))
      .filter((file) => /\.(node|so(\.\d+)*|dll|dylib|metal|exe)$/.test(file));
    // CPU, CUDA and Vulkan builds for linux-x64 are installed here (macOS/Windows ones on those hosts).
    expect(native.some((f) => f.includes('linux-x64-vulkan'))).toBe(true);
    expect(native.length).toBeGreaterThan(10);
    expect(native.filter((file) => !matchesAny(file, patterns))).toEqual([]);
  });

  it('ships every icon it names, in every listed size', async () => {
    const config = await loadBuilderConfig();
    expect(config.linux?.icon).toBe('resources/icons');
    for (const size of iconSizes) {
      const bytes = await readFile(join(projectDir, 'resources/icons', `${size}x${size}.png`));
      expect(pngSize(bytes), `${size}x${size}.png`).toEqual({ width: size, height: size });
    }
    // macOS converts a ≥ 512 px PNG to .icns, Windows a ≥ 256 px one to .ico.
    expect(pngSize(await readFile(join(projectDir, String(config.mac?.icon)))).width).toBeGreaterThanOrEqual(512);
    expect(pngSize(await readFile(join(projectDir, String(config.win?.icon)))).width).toBeGreaterThanOrEqual(256);
    for (const resource of [config.extraResources].flat()) {
      const from = typeof resource === 'string' ? resource : resource?.from;
      if (from) expect(statSync(join(projectDir, from)).isFile(), from).toBe(true);
    }
    expect(existsSync(join(projectDir, String(config.nsis?.license)))).toBe(true);
  });

  it('writes a .desktop entry with the app’s name, categories and GGUF association', async () => {
    const entry = await desktopEntryFor(await loadBuilderConfig());
    expect(entry).toMatch(/^\[Desktop Entry\]\nName=VibeThinker Workbench\n/);
    expect(entry).toContain('\nExec="/opt/VibeThinker Workbench/vibethinker-workbench" %U\n');
    expect(entry).toContain('\nCategories=Education;Math;\n');
    expect(entry).toContain('\nMimeType=application/x-gguf;\n');
    expect(entry).toContain('\nStartupWMClass=vibethinker-workbench\n');
  });

  it.skipIf(!hasDesktopFileValidate && !process.env.CI)('the .desktop entry passes desktop-file-validate', async () => {
    const dir = await makeTempDir();
    const file = join(dir, 'vibethinker-workbench.desktop');
    await writeFile(file, await desktopEntryFor(await loadBuilderConfig()));
    // Fails loudly (not skipped) in CI, where .ci/run installs desktop-file-utils.
    const output = execFileSync('desktop-file-validate', [file], { encoding: 'utf8' });
    expect(output).toBe('');

    // The validator does reject a bad entry (here: without its required Type key).
    await writeFile(file, (await readFile(file, 'utf8')).replace('Type=Application\n', ''));
    expect(spawnSync('desktop-file-validate', [file]).status).not.toBe(0);
  });
});
