import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { silentLogger } from '../../src/core/logger';
import { WorkbenchCore } from '../../src/core/workbench-core';
import { startWebServer, type RunningWebServer, type WebServerOptions } from '../../src/server/web-server';
import { useTempDirs } from './temp-dir';

export const testToken = 'test-token-0123456789';

export interface Harness {
  server: RunningWebServer;
  core: WorkbenchCore;
  base: string;
  dataDir: string;
}

/** Starts a real web-mode server on a free loopback port, with a stub renderer build. */
export function useWebServer(): (options?: Partial<WebServerOptions>) => Promise<Harness> {
  const tempDir = useTempDirs();
  const running: RunningWebServer[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.close()));
  });
  return async (options = {}) => {
    const dataDir = await tempDir();
    const rendererDir = join(dataDir, 'renderer');
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Workbench</title>');
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'export {}');
    const core = await WorkbenchCore.create({ dataDir, appVersion: '9.9.9', mode: 'web', log: silentLogger });
    const server = await startWebServer({ core, rendererDir, token: testToken, port: 0, ...options });
    running.push(server);
    return { server, core, dataDir, base: `http://127.0.0.1:${server.port}` };
  };
}
