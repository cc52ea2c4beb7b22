import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/app-info';
import type { Settings, SettingsPatch } from '../../../shared/settings';
import { errorMessage } from '../../../shared/api/errors';
import type { WorkbenchClient } from '../api/workbench-client';

/** The app's facts and settings as the shell shows them: loaded at start, kept current, and how to change them. */
export function useShellSettings(client: WorkbenchClient) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([client.getAppInfo(), client.getSettings()]).then(
      ([nextInfo, nextSettings]) => {
        setInfo(nextInfo);
        setSettings(nextSettings);
        setLoadError(null);
      },
      (err: unknown) => setLoadError(errorMessage(err)),
    );
    return client.on('settingsChanged', setSettings);
  }, [client]);
  const updateSettings = useCallback(
    async (patch: SettingsPatch) => {
      setSettings(await client.updateSettings(patch));
    },
    [client],
  );
  return { info, settings, loadError, updateSettings };
}
