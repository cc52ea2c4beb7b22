import type { AppInfo } from '../../../shared/app-info';
import type { ModelStatus } from '../../../shared/models';
import type { ConnectionState } from '../api/transport';
import { formatBytes } from '../format';
import { usePrivatePath } from '../state/privacy';

interface StatusBarProps {
  info: AppInfo | null;
  connection: ConnectionState;
  model: ModelStatus | null;
}

const connectionLabel: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  // The banner above says why and what to do.
  refused: 'Access refused',
};

export function StatusBar({ info, connection, model }: StatusBarProps) {
  const shown = usePrivatePath();
  const remote = model?.remote ?? null;
  const ready = model?.state === 'ready' && !remote;
  const modelText = remote
    ? `${remote.model ?? 'server default'} (remote)`
    : model?.state === 'loading'
      ? `loading ${model.model?.name ?? ''} ${Math.round(model.loadProgress * 100)}%`
      : ready && model.model
        ? `${model.model.name} · ${model.model.quantization ?? '?'}`
        : 'none loaded';
  return (
    <footer className="status-bar" role="status" aria-label="Status">
      <span className="status-item" data-testid="status-model">
        <span className="status-key">Model</span> {modelText}
      </span>
      <span className="status-item" data-testid="status-backend">
        <span className="status-key">Backend</span>{' '}
        {remote ? `Remote · ${shown(model?.devices[0] ?? remote.baseUrl)}` : ready ? `${model.backend?.toUpperCase()}${model.devices[0] ? ` · ${model.devices[0]}` : ''} · ${model.gpuLayers}/${model.totalLayers} layers on GPU` : '—'}
      </span>
      {ready && (
        <>
          <span className="status-item" data-testid="status-memory">
            <span className="status-key">Memory</span> {model.vramTotalBytes > 0 ? `VRAM ${formatBytes(model.vramUsedBytes)} · ` : ''}RAM {formatBytes(model.ramUsedBytes)}
          </span>
          <span className="status-item" data-testid="status-context">
            <span className="status-key">Context</span> {model.contextUsed.toLocaleString()} / {model.contextSize.toLocaleString()}
          </span>
        </>
      )}
      <span className="spacer" />
      <span className="status-item" data-testid="status-connection" data-state={connection}>
        <span className={`dot dot-${connection}`} aria-hidden="true" />
        {connectionLabel[connection]}
        {info ? ` · ${info.mode === 'desktop' ? 'Desktop' : 'Web mode'}` : ''}
      </span>
      {info && (
        <span className="status-item" title={`Data: ${shown(info.dataDir)}`}>
          v{info.version}
        </span>
      )}
    </footer>
  );
}
