import type { WorkbenchHandlers } from '../../src/shared/api/contract';
import { methodNames } from '../../src/shared/api/names';

/** Handlers for transport tests: every method fails loudly unless overridden. */
export function stubHandlers(overrides: Partial<WorkbenchHandlers> = {}): WorkbenchHandlers {
  const stubs = Object.fromEntries(
    methodNames.map((name) => [
      name,
      async () => {
        throw new Error(`${name} is not used by this test`);
      },
    ]),
  ) as unknown as WorkbenchHandlers;
  return { ...stubs, ...overrides };
}
