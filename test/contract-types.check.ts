import { expectTypeOf } from 'vitest';
import type { EventPayload, MethodInput, WorkbenchApi, WorkbenchHandlers } from '../src/shared/api/contract';
import type { BridgeMethods } from '../src/shared/api/bridge';
import type { MethodName } from '../src/shared/api/names';
import type { Settings } from '../src/shared/settings';

/**
 * Type checks of the API contract. Not a vitest file (its checks are types only, and could never
 * fail at run time): `npm run typecheck` compiles it (tsconfig.node.json takes test/**), and a
 * broken signature fails that step.
 */
export function contractTypes(): void {
  // Every signature derives from the schemas.
  {
    expectTypeOf<keyof WorkbenchApi>().toEqualTypeOf<MethodName>();
    expectTypeOf<keyof WorkbenchHandlers>().toEqualTypeOf<MethodName>();
    expectTypeOf<keyof BridgeMethods>().toEqualTypeOf<MethodName>();
    expectTypeOf<WorkbenchApi['getSettings']>().returns.resolves.toEqualTypeOf<Settings>();
    expectTypeOf<MethodInput<'updateSettings'>['theme']>().toEqualTypeOf<'system' | 'light' | 'dark' | 'high-contrast' | undefined>();
    expectTypeOf<MethodInput<'updateSettings'>['gpuLayers']>().toEqualTypeOf<'auto' | number | undefined>();
    expectTypeOf<EventPayload<'settingsChanged'>>().toEqualTypeOf<Settings>();
  }

  // Wrong arguments are rejected at compile time.
  {
    const api = {} as WorkbenchApi;
    // @ts-expect-error an unknown setting is not accepted
    void (() => api.updateSettings({ colour: 'red' }));
    // @ts-expect-error a wrong value type is not accepted
    void (() => api.updateSettings({ theme: 3 }));
    // @ts-expect-error there is no such method
    void (() => api.deleteEverything());
  }
}
