/**
 * electron-builder's own configuration loader, schema validation and .desktop
 * writer, used by the packaging tests. The installers cannot be built here (no
 * Electron binary), so the tests run the parts of electron-builder that do not
 * need one on our real configuration.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper.js';
import type { LinuxPackager } from 'app-builder-lib/out/linuxPackager.js';

export const projectDir = join(import.meta.dirname, '../..');

export async function loadBuilderConfig(configPath = 'electron-builder.yml'): Promise<Configuration> {
  return getConfig(projectDir, join(projectDir, configPath), null);
}

/** Throws electron-builder's own error for anything its JSON schema rejects. */
export async function validateBuilderConfig(config: Configuration): Promise<void> {
  const quietLogger = { isEnabled: false, data: new Map(), add: () => undefined, save: async () => undefined };
  await validateConfiguration(config, quietLogger as unknown as Parameters<typeof validateConfiguration>[1]);
}

export async function readPackageJson(): Promise<Record<string, unknown> & { dependencies: Record<string, string> }> {
  return JSON.parse(await readFile(join(projectDir, 'package.json'), 'utf8')) as never;
}

/**
 * The .desktop entry exactly as electron-builder writes it into the AppImage
 * and .deb: its LinuxTargetHelper, given a stand-in for the Linux packager
 * that carries our real configuration and package.json (the real packager
 * needs an Electron binary to exist).
 */
export async function desktopEntryFor(config: Configuration): Promise<string> {
  const pkg = await readPackageJson();
  const linux = config.linux ?? {};
  const packagerStandIn = {
    config,
    platformSpecificBuildOptions: linux,
    executableName: linux.executableName ?? String(pkg.name),
    fileAssociations: [...(config.fileAssociations ? [config.fileAssociations].flat() : []), ...(linux.fileAssociations ? [linux.fileAssociations].flat() : [])],
    appInfo: {
      productName: String(pkg.productName),
      sanitizedProductName: String(pkg.productName),
      description: String(pkg.description),
    },
    info: { metadata: pkg },
  };
  const helper = new LinuxTargetHelper(packagerStandIn as unknown as LinuxPackager);
  return helper.computeDesktopEntry(linux, undefined, {});
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (bytes.subarray(0, 8).toString('hex') !== signature || bytes.subarray(12, 16).toString('ascii') !== 'IHDR') {
    throw new Error('not a PNG file');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
