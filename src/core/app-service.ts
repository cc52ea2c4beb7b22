import type { EventPayload, WorkbenchHandlers } from '../shared/api/contract';
import type { AppInfo } from '../shared/app-info';
import type { DamagedFile, DamagedFileKind } from '../shared/damaged-files';
import type { ModelStatus } from '../shared/models';
import type { EventHub } from './api/event-hub';
import type { SettingsStore } from './settings/settings-store';

export type AppHandlers = Pick<WorkbenchHandlers, 'getAppInfo' | 'takeDesktopCommands' | 'getSettings' | 'updateSettings' | 'ping' | 'listDamagedFiles'>;

export interface AppServiceDeps {
  info: AppInfo;
  settings: SettingsStore;
  events: EventHub;
  /** What "the model" is now (a settings change can switch it to a remote server). */
  modelStatus: () => Promise<ModelStatus>;
  /** Damaged session and problem files, kept aside and listed. */
  damaged: (kind: DamagedFileKind | undefined) => Promise<DamagedFile[]>;
  /** Throws once the workbench is shutting down. */
  assertAlive: () => void;
}

/** The app-wide part of the API: what the app is, its settings, the damaged files, and a ping. */
export class AppService {
  readonly handlers: AppHandlers;
  #pingSeq = 0;

  constructor(deps: AppServiceDeps) {
    this.handlers = {
      getAppInfo: async () => ({ ...deps.info }),
      // The desktop shell replaces this with its queue (src/main/desktop-command-queue.ts); web mode has no shell.
      takeDesktopCommands: async () => [],
      getSettings: async () => deps.settings.get(),
      updateSettings: async (patch) => {
        deps.assertAlive();
        const next = await deps.settings.update(patch);
        deps.events.emit('settingsChanged', next);
        // Switching between the embedded model and a remote server changes what "the model" is.
        if ('remote' in patch) deps.events.emit('modelStatus', await deps.modelStatus());
        return next;
      },
      ping: async (input) => {
        const event: EventPayload<'pinged'> = { seq: ++this.#pingSeq, message: input?.message ?? 'ping', at: new Date().toISOString() };
        deps.events.emit('pinged', event);
        return event;
      },
      listDamagedFiles: async (input) => deps.damaged(input?.kind),
    };
  }
}
