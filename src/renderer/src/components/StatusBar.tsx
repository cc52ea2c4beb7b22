import type { AppInfo } from '../../../shared/app-info';
import type { ModelStatus } from '../../../shared/models';
import type { ConnectionState } from '../api/transport';
import { formatBytes } from '../format';
import { usePrivatePath } from '../state/privacy';
import { useT } from '../i18n/use-t';
import type { MessageKey } from '../i18n/translate';
import './StatusBar.css';

interface StatusBarProps {
  info: AppInfo | null;
  connection: ConnectionState;
  model: ModelStatus | null;
}

// (`refused`: the banner above says why and what to do.)
const connectionLabel = { connecting: 'status.connecting', connected: 'status.connected', reconnecting: 'status.reconnecting', refused: 'status.refused' } as const satisfies Record<ConnectionState, MessageKey>;

export function StatusBar({ info, connection, model }: StatusBarProps) {
  const shown = usePrivatePath();
  const t = useT();
  const remote = model?.remote ?? null;
  const ready = model?.state === 'ready' && !remote;
  const modelText = remote
    ? t('status.remoteModel', { model: remote.model ?? t('status.serverDefault') })
    : model?.state === 'loading'
      ? t('status.loading', { name: model.model?.name ?? '', percent: Math.round(model.loadProgress * 100) })
      : ready && model.model
        ? `${model.model.name} · ${model.model.quantization ?? '?'}`
        : t('status.noneLoaded');
  const layers = ready ? t('status.layersOnGpu', { gpuLayers: model.gpuLayers, totalLayers: model.totalLayers }) : '';
  return (
    <footer className="status-bar" role="status" aria-label={t('status.label')}>
      <span className="status-item" data-testid="status-model">
        <span className="status-key">{t('status.model')}</span> {modelText}
      </span>
      <span className="status-item" data-testid="status-backend">
        <span className="status-key">{t('status.backend')}</span>{' '}
        {remote ? t('status.remoteBackend', { address: shown(model?.devices[0] ?? remote.baseUrl) }) : ready ? `${model.backend?.toUpperCase()}${model.devices[0] ? ` · ${model.devices[0]}` : ''} · ${layers}` : '—'}
      </span>
      {ready && (
        <>
          <span className="status-item" data-testid="status-memory">
            <span className="status-key">{t('status.memory')}</span>{' '}
            {model.vramTotalBytes > 0 ? t('status.memoryVram', { vram: formatBytes(model.vramUsedBytes), ram: formatBytes(model.ramUsedBytes) }) : t('status.memoryRam', { ram: formatBytes(model.ramUsedBytes) })}
          </span>
          <span className="status-item" data-testid="status-context">
            <span className="status-key">{t('status.context')}</span> {model.contextUsed.toLocaleString()} / {model.contextSize.toLocaleString()}
          </span>
        </>
      )}
      <span className="spacer" />
      <span className="status-item" data-testid="status-connection" data-state={connection}>
        <span className={`dot dot-${connection}`} aria-hidden="true" />
        {t(connectionLabel[connection])}
        {info ? ` · ${t(info.mode === 'desktop' ? 'status.desktop' : 'status.web')}` : ''}
      </span>
      {info && (
        <span className="status-item" title={t('status.dataTitle', { path: shown(info.dataDir) })}>
          v{info.version}
        </span>
      )}
    </footer>
  );
}
