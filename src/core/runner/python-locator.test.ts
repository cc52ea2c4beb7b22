import { describe, expect, it } from 'vitest';
import { locatePython } from './python-locator';

describe('locatePython', () => {
  it('finds an interpreter with its real path and version', async () => {
    const python = await locatePython();
    expect(python.executable).toMatch(/python/);
    expect(python.version).toMatch(/^3\.\d+\.\d+$/);
  });

  it('says what to install when the configured Python does not exist', async () => {
    await expect(locatePython('/nonexistent/python3')).rejects.toMatchObject({
      name: 'UnavailableError',
      code: 'python_missing',
      message: expect.stringMatching(/No usable Python: .*not found.*Install Python 3\.8\+/),
    });
  });
});
