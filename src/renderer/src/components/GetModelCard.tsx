import type { DownloadEntry } from '../../../shared/models';
import { formatBytes } from '../format';
import { useT } from '../i18n/use-t';
import { Button } from '../ui/Button';

interface GetModelCardProps {
  recommended: DownloadEntry | undefined;
  onDownload: (id: string) => void;
  onOpenModels: () => void;
}

/** First run: no model anywhere. An invitation, not an error. */
export function GetModelCard({ recommended, onDownload, onOpenModels }: GetModelCardProps) {
  const t = useT();
  return (
    <div className="empty-state get-model" data-testid="get-model">
      <div className="empty-mark" aria-hidden="true">
        ⤓
      </div>
      <p className="empty-title">{t('getModel.title')}</p>
      <p>{t('getModel.text')}</p>
      <div className="get-model-actions">
        {recommended && (
          <Button variant="primary" onClick={() => onDownload(recommended.id)}>
            {t('getModel.download', { label: recommended.label, size: formatBytes(recommended.approxBytes) })}
          </Button>
        )}
        <Button onClick={onOpenModels}>
          {t('common.openGguf')}
        </Button>
      </div>
    </div>
  );
}
