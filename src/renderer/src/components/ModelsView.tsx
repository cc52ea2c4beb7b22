import { useState } from 'react';
import type { DownloadEntry, DownloadState, ModelFileInfo } from '../../../shared/models';
import type { WorkbenchClient } from '../api/workbench-client';
import { formatBytes, formatCount, formatSeconds } from '../format';
import type { ModelState } from '../state/use-model-state';
import { usePrivatePath } from '../state/privacy';
import { errorMessage } from '../../../shared/api/errors';

interface ModelsViewProps {
  client: WorkbenchClient;
  models: ModelState;
}

/** Get, open, load and switch models. */
export function ModelsView({ client, models }: ModelsViewProps) {
  const shown = usePrivatePath();
  const [error, setError] = useState<string | null>(null);
  const [path, setPath] = useState('');
  const run = (action: Promise<unknown>) => {
    setError(null);
    action.then(models.refreshCatalog, (err: unknown) => setError(errorMessage(err)));
  };
  const status = models.status;
  const loadedPath = status?.state === 'ready' ? status.model?.path : null;

  return (
    <section className="settings-view models-view" aria-label="Models">
      {error && (
        <div className="settings-card notice error" role="alert">
          {error}
        </div>
      )}
      <div className="settings-card">
        <h2>Loaded model</h2>
        <CurrentModel client={client} models={models} onError={setError} />
      </div>

      <div className="settings-card">
        <h2>Download VibeThinker-1.5B</h2>
        {(models.catalog?.downloads ?? []).map((entry) => (
          <DownloadRow key={entry.id} entry={entry} live={models.downloads[entry.id]} onStart={() => run(client.startDownload({ id: entry.id }))} onCancel={() => run(client.cancelDownload({ id: entry.id }))} />
        ))}
      </div>

      <div className="settings-card">
        <h2>Your models</h2>
        {models.catalog && models.catalog.models.length === 0 && <p className="hint">No GGUF files in {shown(models.catalog.modelsDir)} yet.</p>}
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
            Open a GGUF file…
          </label>
          <input id="gguf-path" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/path/to/model.gguf (on the machine running the workbench)" spellCheck={false} />
          <button type="submit">Open</button>
        </form>
      </div>
    </section>
  );
}

function CurrentModel({ client, models, onError }: { client: WorkbenchClient; models: ModelState; onError: (e: string) => void }) {
  const s = models.status;
  if (!s) return null;
  const fail = (err: unknown) => onError(errorMessage(err));
  return (
    <div className="current-model" data-testid="model-state" data-state={s.state}>
      {s.state === 'empty' && <p className="hint">No model loaded.</p>}
      {s.model && (
        <p>
          <strong>{s.model.name}</strong> · {s.model.quantization ?? '?'} · {formatBytes(s.model.sizeBytes)}
        </p>
      )}
      {s.state === 'loading' && (
        <div className="progress-line">
          <progress max={1} value={s.loadProgress} aria-label="Loading model" />
          <span>{Math.round(s.loadProgress * 100)}%</span>
          <button type="button" onClick={() => client.cancelLoad().catch(fail)}>
            Cancel
          </button>
        </div>
      )}
      {s.state === 'ready' && (
        <>
          <p className="hint">
            {s.backend?.toUpperCase()}
            {s.devices.length > 0 ? ` (${s.devices.join(', ')})` : ''} · {s.gpuLayers}/{s.totalLayers} layers on GPU · context {s.contextSize.toLocaleString()} tokens · {s.threads} threads
          </p>
          <button type="button" onClick={() => client.unloadModel().catch(fail)}>
            Unload
          </button>
        </>
      )}
      {s.state === 'failed' && <p className="error-text">{s.error}</p>}
      {s.notice && <p className="notice-text">{s.notice}</p>}
    </div>
  );
}

function DownloadRow({ entry, live, onStart, onCancel }: { entry: DownloadEntry; live: DownloadState | undefined; onStart: () => void; onCancel: () => void }) {
  const state = live ?? entry.download;
  const running = state?.state === 'downloading' || state?.state === 'verifying';
  return (
    <div className="download-row" data-testid={`download-${entry.id}`}>
      <div className="download-title">
        <strong>{entry.quantization}</strong> {entry.recommended && <span className="badge">Recommended</span>}
        <span className="hint"> ~{formatBytes(entry.approxBytes)}</span>
      </div>
      {running && state ? (
        <div className="progress-line">
          <progress max={state.totalBytes ?? 1} value={state.totalBytes ? state.receivedBytes : undefined} aria-label={`Downloading ${entry.label}`} />
          <span className="hint" data-testid="download-progress">
            {state.state === 'verifying'
              ? 'Verifying…'
              : `${formatBytes(state.receivedBytes)}${state.totalBytes ? ` of ${formatBytes(state.totalBytes)}` : ''} · ${formatBytes(state.bytesPerSecond)}/s · ${formatSeconds(state.etaSeconds)} left`}
          </span>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      ) : entry.installedPath ? (
        <span className="ok-text">Installed</span>
      ) : (
        <>
          {state?.state === 'failed' && <span className="error-text">{state.error}</span>}
          <button type="button" className="primary" onClick={onStart}>
            {state?.state === 'failed' ? 'Retry' : 'Download'}
          </button>
        </>
      )}
    </div>
  );
}

function ModelRow({ model, loaded, busy, onLoad }: { model: ModelFileInfo; loaded: boolean; busy: boolean; onLoad: () => void }) {
  return (
    <li className="model-row" data-testid="model-row">
      <div>
        <strong>{model.name}</strong> <span className="file-name">{model.fileName}</span>
        {model.problem ? (
          <p className="error-text">{model.problem}</p>
        ) : (
          <p className="hint">
            {model.architecture} · {model.parameterCount === null ? '?' : formatCount(model.parameterCount)} params · {model.quantization} · {formatBytes(model.sizeBytes)} · context{' '}
            {model.contextLength?.toLocaleString() ?? '?'} · {model.chatTemplate ?? 'no'} template
          </p>
        )}
      </div>
      {loaded ? (
        <span className="ok-text">Loaded</span>
      ) : (
        <button type="button" disabled={model.problem !== null || busy} onClick={onLoad}>
          Load
        </button>
      )}
    </li>
  );
}
