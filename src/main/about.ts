import type { AppInfo } from '../shared/app-info';
import type { ModelStatus } from '../shared/models';

/** The About box's text: what a bug report needs, in the order people read it. */
export function aboutDetail(info: AppInfo, versions: { chrome?: string | undefined }, model: ModelStatus | null): string {
  const backend = model?.backend ? `${model.backend}${model.devices.length ? ` (${model.devices.join(', ')})` : ''}` : 'no model loaded';
  return [
    `Version ${info.version}`,
    '',
    `Electron ${info.electronVersion ?? 'unknown'}`,
    `Chromium ${versions.chrome ?? 'unknown'}`,
    `Node.js ${info.nodeVersion}`,
    `node-llama-cpp ${info.nodeLlamaCppVersion ?? 'unknown'}`,
    `Backend: ${backend}`,
    `Platform: ${info.platform} ${info.arch}`,
    '',
    `Data: ${info.dataDir}`,
  ].join('\n');
}
