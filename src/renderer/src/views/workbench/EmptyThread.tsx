import type { WorkbenchClient } from '../../api/workbench-client';
import { GetModelCard } from '../../components/GetModelCard';
import type { ModelState } from '../../state/use-model-state';
import { LoadModelButton, loadableModels, offersLoad } from './LoadModelButton';
import { useT } from '../../i18n/use-t';

interface EmptyThreadProps {
  client: WorkbenchClient;
  models: ModelState;
  onShowModels: () => void;
}

/**
 * What the conversation shows before its first turn, by what the user needs
 * next: get the model (none anywhere), load the one on disk (one click, not
 * a hunt through tabs), or write the problem.
 */
export function EmptyThread({ client, models, onShowModels }: EmptyThreadProps) {
  const { status, catalog } = models;
  const t = useT();
  const usable = loadableModels(models);
  if (status?.state === 'empty' && catalog && usable.length === 0) {
    return (
      <GetModelCard
        recommended={catalog.downloads.find((d) => d.recommended)}
        onDownload={(id) => {
          void client.startDownload({ id }).catch(() => undefined);
          onShowModels();
        }}
        onOpenModels={onShowModels}
      />
    );
  }
  if (offersLoad(models)) {
    const first = usable[0];
    return (
      <div className="empty-state" data-testid="load-model">
        <div className="empty-mark" aria-hidden="true">
          ▶
        </div>
        <p className="empty-title">{t('empty.noModel')}</p>
        <p>{usable.length === 1 ? t('empty.oneModel', { name: first?.name ?? t('empty.aModel') }) : t('empty.manyModels', { count: usable.length })}</p>
        <LoadModelButton client={client} models={models} onShowModels={onShowModels} />
      </div>
    );
  }
  return (
    <div className="empty-state">
      <div className="empty-mark" aria-hidden="true">
        ∑
      </div>
      <p className="empty-title">{t(status?.state === 'loading' ? 'empty.loading' : 'empty.ask')}</p>
      <p>{t('empty.intro')}</p>
    </div>
  );
}
