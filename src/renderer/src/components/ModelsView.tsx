import { useState } from 'react';
import type { DownloadEntry, DownloadState, ModelFileInfo } from '../../../shared/models';
import type { WorkbenchClient } from '../api/workbench-client';
import { formatBytes, formatCount, formatSeconds } from '../format';
import type { ModelState } from '../state/use-model-state';
import { usePrivatePath } from '../state/privacy';
import { errorMessage } from '../../../shared/api/errors';
import { useT } from '../i18n/use-t';
import { Button } from '../ui/Button';
import { Card } from '../ui/Card';
import { Progress } from '../ui/Progress';

interface ModelsViewProps {
  client: WorkbenchClient;
  models: ModelState;
}

/** Get, open, load and switch models. */
export function ModelsView({ client, models }: ModelsViewProps) {
  const shown = usePrivatePath();
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [path, setPath] = useState('');
  const run = (action: Promise<unknown>) => {
    setError(null);
    action.then(models.refreshCatalog, (err: unknown) => setError(errorMessage(err)));
  };
  const status = models.status;
  const loadedPath = status?.state === 'ready' ? status.model?.path : null;

  return (
    <section className="settings-view models-view" aria-label={t('view.models')}>
      {error && (
        <div className="settings-card notice error" role="alert">
          {error}
        </div>
      )}
      <Card title={t('models.loaded')}>
        <CurrentModel client={client} models={models} onError={setError} />
      </Card>

      <Card title={t('models.downloadTitle')}>
        {(models.catalog?.downloads ?? []).map((entry) => (
          <DownloadRow key={entry.id} entry={entry} live={models.downloads[entry.id]} onStart={() => run(client.startDownload({ id: entry.id }))} onCancel={() => run(client.cancelDownload({ id: entry.id }))} />
        ))}
      </Card>

      <Card title={t('models.yours')}>
        {models.catalog && models.catalog.models.length === 0 && <p className="hint">{t('models.noFiles', { folder: shown(models.catalog.modelsDir) })}</p>}
        <ul className="model-list">
          {(models.catalog?.models ?? []).map((m) => (
            <ModelRow key={m.path} model={m} loaded={m.path === loadedPath} busy={status?.state === 'loading'} onLoad={() => run(client.loadModel({ path: m.path }))} />
          ))}
        </ul>
        <form
          className="open-file"
          onSubmit={(e) => {
            e.preventDefault();
            if (path.trim()) run(client.openModelFile({ path: path.trim() }).then(() => setPath('')));
          }}
        >
          <label className="field-label" htmlFor="gguf-path">
            {t('common.openGguf')}
          </label>
          <input id="gguf-path" value={path} onChange={(e) => setPath(e.target.value)} placeholder={t('models.pathPlaceholder')} spellCheck={false} />
          <Button type="submit">{t('models.open')}</Button>
        </form>
      </Card>
    </section>
  );
}

function CurrentModel({ client, models, onError }: { client: WorkbenchClient; models: ModelState; onError: (e: string) => void }) {
  const s = models.status;
  const t = useT();
  if (!s) return null;
  const fail = (err: unknown) => onError(errorMessage(err));
  return (
    <div className="current-model" data-testid="model-state" data-state={s.state}>
      {s.state === 'empty' && <p className="hint">{t('models.noneLoaded')}</p>}
      {s.model && (
        <p>
          <strong>{s.model.name}</strong> · {s.model.quantization ?? '?'} · {formatBytes(s.model.sizeBytes)}
        </p>
      )}
      {s.state === 'loading' && (
        <div className="progress-line">
          <Progress label={t('models.loadingLabel')} value={s.loadProgress} text={`${Math.round(s.loadProgress * 100)}%`} />
          <Button onClick={() => client.cancelLoad().catch(fail)}>
            {t('common.cancel')}
          </Button>
        </div>
      )}
      {s.state === 'ready' && (
        <>
          <p className="hint">
            {t('models.readyLine', {
              backend: s.backend?.toUpperCase() ?? '',
              devices: s.devices.length > 0 ? ` (${s.devices.join(', ')})` : '',
              gpuLayers: s.gpuLayers,
              totalLayers: s.totalLayers,
              context: s.contextSize.toLocaleString(),
              threads: s.threads,
            })}
          </p>
          <Button onClick={() => client.unloadModel().catch(fail)}>
            {t('models.unload')}
          </Button>
        </>
      )}
      {s.state === 'failed' && <p className="error-text">{s.error}</p>}
      {s.notice && <p className="notice-text">{s.notice}</p>}
    </div>
  );
}

function DownloadRow({ entry, live, onStart, onCancel }: { entry: DownloadEntry; live: DownloadState | undefined; onStart: () => void; onCancel: () => void }) {
  const t = useT();
  const state = live ?? entry.download;
  const running = state?.state === 'downloading' || state?.state === 'verifying';
  const progress = (s: DownloadState) => {
    const values = { received: formatBytes(s.receivedBytes), speed: formatBytes(s.bytesPerSecond), eta: formatSeconds(s.etaSeconds, t.language) };
    return s.totalBytes ? t('models.progressOf', { ...values, total: formatBytes(s.totalBytes) }) : t('models.progress', values);
  };
  return (
    <div className="download-row" data-testid={`download-${entry.id}`}>
      <div className="download-title">
        <strong>{entry.quantization}</strong> {entry.recommended && <span className="badge">{t('models.recommended')}</span>}
        <span className="hint"> ~{formatBytes(entry.approxBytes)}</span>
      </div>
      {running && state ? (
        <div className="progress-line">
          <Progress
            label={t('models.downloadingLabel', { label: entry.label })}
            max={state.totalBytes ?? 1}
            value={state.totalBytes ? state.receivedBytes : undefined}
            text={state.state === 'verifying' ? t('models.verifying') : progress(state)}
            textClassName="hint"
            textTestId="download-progress"
          />
          <Button onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      ) : entry.installedPath ? (
        <span className="ok-text">{t('models.installed')}</span>
      ) : (
        <>
          {state?.state === 'failed' && <span className="error-text">{state.error}</span>}
          <Button variant="primary" onClick={onStart}>
            {t(state?.state === 'failed' ? 'common.retry' : 'models.download')}
          </Button>
        </>
      )}
    </div>
  );
}

function ModelRow({ model, loaded, busy, onLoad }: { model: ModelFileInfo; loaded: boolean; busy: boolean; onLoad: () => void }) {
  const t = useT();
  const facts = {
    // (Missing facts show as nothing, as they did in JSX.)
    architecture: model.architecture ?? '',
    parameters: model.parameterCount === null ? '?' : formatCount(model.parameterCount),
    quantization: model.quantization ?? '',
    size: formatBytes(model.sizeBytes),
    context: model.contextLength?.toLocaleString() ?? '?',
  };
  return (
    <li className="model-row" data-testid="model-row">
      <div>
        <strong>{model.name}</strong> <span className="file-name">{model.fileName}</span>
        {model.problem ? (
          <p className="error-text">{model.problem}</p>
        ) : (
          <p className="hint">{model.chatTemplate ? t('models.row', { ...facts, template: model.chatTemplate }) : t('models.rowNoTemplate', facts)}</p>
        )}
      </div>
      {loaded ? (
        <span className="ok-text">{t('models.loadedBadge')}</span>
      ) : (
        <Button disabled={model.problem !== null || busy} onClick={onLoad}>
          {t('models.load')}
        </Button>
      )}
    </li>
  );
}
