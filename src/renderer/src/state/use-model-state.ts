import { useCallback, useEffect, useState } from 'react';
import type { Catalog, DownloadState, ModelStatus } from '../../../shared/models';
import type { WorkbenchClient } from '../api/workbench-client';

export interface ModelState {
  status: ModelStatus | null;
  catalog: Catalog | null;
  /** Live download states by entry id (also folded into the catalog). */
  downloads: Record<string, DownloadState>;
  refreshCatalog: () => void;
}

/** The loaded model's status and the catalog, kept current from events. */
export function useModelState(client: WorkbenchClient): ModelState {
  const [status, setStatus] = useState<ModelStatus | null>(null);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [downloads, setDownloads] = useState<Record<string, DownloadState>>({});

  const refreshCatalog = useCallback(() => {
    client.listModels().then(setCatalog, () => undefined);
  }, [client]);

  useEffect(() => {
    client.getModelStatus().then(setStatus, () => undefined);
    refreshCatalog();
    const offStatus = client.on('modelStatus', setStatus);
    const offDownload = client.on('downloadState', (state) => {
      setDownloads((all) => ({ ...all, [state.id]: state }));
      // A finished download is a new file in the catalog.
      if (state.state === 'done') refreshCatalog();
    });
    return () => {
      offStatus();
      offDownload();
    };
  }, [client, refreshCatalog]);

  return { status, catalog, downloads, refreshCatalog };
}
