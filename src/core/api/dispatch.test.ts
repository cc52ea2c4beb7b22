import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../shared/api/errors';
import type { WorkbenchHandlers } from '../../shared/api/contract';
import { defaultSettings } from '../../shared/settings';
import { dispatch } from './dispatch';
import { stubHandlers } from '../../../test/helpers/stub-handlers';

function handlers(overrides: Partial<WorkbenchHandlers> = {}): WorkbenchHandlers {
  return stubHandlers({
    getSettings: async () => defaultSettings(),
    updateSettings: async (patch) => ({ ...defaultSettings(), ...patch }),
    ping: async (input) => ({ seq: 1, message: input?.message ?? 'ping', at: 'now' }),
    ...overrides,
  });
}

describe('dispatch', () => {
  it('runs a valid call and wraps the value', async () => {
    await expect(dispatch(handlers(), 'updateSettings', { theme: 'dark' })).resolves.toEqual({
      ok: true,
      value: { ...defaultSettings(), theme: 'dark' },
    });
  });

  it('answers an unknown method with ValidationError data (code unknown_method)', async () => {
    const result = await dispatch(handlers(), 'deleteEverything', {});
    expect(result).toMatchObject({ ok: false, error: { name: 'ValidationError', code: 'unknown_method' } });
  });

  it('does not treat Object.prototype keys as methods', async () => {
    const result = await dispatch(handlers(), 'constructor', undefined);
    expect(result).toMatchObject({ ok: false, error: { name: 'ValidationError', code: 'unknown_method' } });
  });

  it.each([
    ['a wrong type', { theme: 'purple' }],
    ['an unknown key', { theme: 'dark', shell: 'rm -rf /' }],
    ['a non-object', 'dark'],
    ['an out-of-range number', { editorFontSize: 400 }],
  ])('rejects %s with ValidationError data', async (_label, input) => {
    const result = await dispatch(handlers(), 'updateSettings', input);
    expect(result).toMatchObject({ ok: false, error: { name: 'ValidationError', code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message).toContain('updateSettings');
  });

  it('passes a WorkbenchError through as data', async () => {
    const failing = handlers({
      getSettings: async () => {
        throw new WorkbenchError('StorageError', 'enospc', 'Disk full.');
      },
    });
    await expect(dispatch(failing, 'getSettings', undefined)).resolves.toEqual({
      ok: false,
      error: { name: 'StorageError', code: 'enospc', message: 'Disk full.' },
    });
  });

  it('reports unexpected exceptions as InternalError', async () => {
    const failing = handlers({
      getSettings: async () => {
        throw new RangeError('oops');
      },
    });
    await expect(dispatch(failing, 'getSettings', undefined)).resolves.toMatchObject({ ok: false, error: { name: 'InternalError', message: 'oops' } });
  });
});
