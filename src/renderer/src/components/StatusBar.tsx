import type { AppInfo } from '../../../shared/app-info';
import type { ConnectionState } from '../api/transport';

interface StatusBarProps {
  info: AppInfo | null;
  connection: ConnectionState;
}

const connectionLabel: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
};

export function StatusBar({ info, connection }: StatusBarProps) {
  return (
    <footer className="status-bar" role="status" aria-label="Status">
      <span className="status-item" data-testid="status-model">
        <span className="status-key">Model</span> none loaded
      </span>
      <span className="status-item" data-testid="status-backend">
        <span className="status-key">Backend</span> —
      </span>
      <span className="spacer" />
      <span className="status-item" data-testid="status-connection" data-state={connection}>
        <span className={`dot dot-${connection}`} aria-hidden="true" />
        {connectionLabel[connection]}
        {info ? ` · ${info.mode === 'desktop' ? 'Desktop' : 'Web mode'}` : ''}
      </span>
      {info && (
        <span className="status-item" title={`Data: ${info.dataDir}`}>
          v{info.version}
        </span>
      )}
    </footer>
  );
}
