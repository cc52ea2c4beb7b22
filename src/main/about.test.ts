import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../shared/app-info';
import { aboutDetail } from './about';

const info: AppInfo = {
  name: 'VibeThinker Workbench',
  version: '0.1.0',
  mode: 'desktop',
  platform: 'linux',
  arch: 'x64',
  dataDir: '/home/me/.config/vibethinker-workbench',
  modelsDir: '/home/me/.config/vibethinker-workbench/models',
  nodeVersion: '22.20.0',
  electronVersion: '41.10.0',
  nodeLlamaCppVersion: '3.21.1',
};

describe('About box', () => {
  it('lists app, Electron, Chromium, Node, node-llama-cpp and backend versions', () => {
    const model = { backend: 'cuda', devices: ['NVIDIA H200'] } as never;
    expect(aboutDetail(info, { chrome: '146.0.7680.0' }, model)).toBe(
      [
        'Version 0.1.0',
        '',
        'Electron 41.10.0',
        'Chromium 146.0.7680.0',
        'Node.js 22.20.0',
        'node-llama-cpp 3.21.1',
        'Backend: cuda (NVIDIA H200)',
        'Platform: linux x64',
        '',
        'Data: /home/me/.config/vibethinker-workbench',
      ].join('\n'),
    );
  });

  it('says when no model is loaded', () => {
    expect(aboutDetail(info, {}, null)).toContain('Backend: no model loaded');
    expect(aboutDetail(info, {}, null)).toContain('Chromium unknown');
  });
});
