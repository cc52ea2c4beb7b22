import { useState } from 'react';
import type { WorkbenchClient } from '../../api/workbench-client';
import type { ModelState } from '../../state/use-model-state';
import { errorMessage } from '../../../../shared/api/errors';
import { useT } from '../../i18n/use-t';
import { Button } from '../../ui/Button';

/** The models on disk that can be loaded (no problem reading them), first the one a click loads. */
export function loadableModels(models: ModelState) {
  return models.catalog?.models.filter((m) => m.problem === null) ?? [];
}

/** Nothing loaded (or the last load failed) while a model is on disk: the state where one click should do. */
export function offersLoad(models: ModelState): boolean {
  const state = models.status?.state;
  return (state === 'empty' || state === 'failed') && loadableModels(models).length > 0;
}

/** "Load <name>" for the first model on disk, with "Choose another…" when there are more; its error said in place. */
export function LoadModelButton({ client, models, onShowModels }: { client: WorkbenchClient; models: ModelState; onShowModels: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const t = useT();
  const usable = loadableModels(models);
  const first = usable[0];
  if (!first) return null;
  return (
    <>
      <div className="get-model-actions">
        <Button variant="primary" onClick={() => client.loadModel({ path: first.path }).then(() => setError(null), (err: unknown) => setError(errorMessage(err)))}>
          {t('load.model', { name: first.name })}
        </Button>
        {usable.length > 1 && (
          <Button onClick={onShowModels}>
            {t('load.another')}
          </Button>
        )}
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
