import type { DownloadEntry } from '../../../shared/models';
import { formatBytes } from '../format';

interface GetModelCardProps {
  recommended: DownloadEntry | undefined;
  onDownload: (id: string) => void;
  onOpenModels: () => void;
}

/** First run: no model anywhere. An invitation, not an error. */
export function GetModelCard({ recommended, onDownload, onOpenModels }: GetModelCardProps) {
  return (
    <div className="empty-state get-model" data-testid="get-model">
      <div className="empty-mark" aria-hidden="true">
        ⤓
      </div>
      <p className="empty-title">Get VibeThinker to start</p>
      <p>The model runs on this machine. Download it once, or use a GGUF file you already have.</p>
      <div className="get-model-actions">
        {recommended && (
          <button type="button" className="primary" onClick={() => onDownload(recommended.id)}>
            Download {recommended.label} ({formatBytes(recommended.approxBytes)})
          </button>
        )}
        <button type="button" onClick={onOpenModels}>
          Open a GGUF file…
        </button>
      </div>
    </div>
  );
}
