import { describe, expect, it } from 'vitest';
import { answerNowRemoteReason } from '../../shared/generation';
import { useTempDirs } from '../../../test/helpers/temp-dir';
import { silentLogger } from '../logger';
import { WorkbenchCore } from '../workbench-core';

/** `answerNow` through the API: it says why when nothing can be closed, and a remote server is named as the reason. */
describe('answerNow', () => {
  const tempDir = useTempDirs();

  it('says nothing is reasoning when nothing runs, and names the remote server as the reason with one set', async () => {
    const core = await WorkbenchCore.create({ dataDir: await tempDir(), appVersion: '0', mode: 'web', log: silentLogger });
    try {
      expect(await core.handlers.answerNow(undefined)).toEqual({ done: false, reason: expect.stringContaining('Nothing is reasoning now') });
      await core.handlers.updateSettings({ remote: { baseUrl: 'http://127.0.0.1:9/v1', model: 'm', apiKey: null } });
      expect(await core.handlers.answerNow({ id: 'x' })).toEqual({ done: false, reason: answerNowRemoteReason });
    } finally {
      await core.dispose();
    }
  });
});
