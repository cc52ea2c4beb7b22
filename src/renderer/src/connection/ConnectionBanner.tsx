import type { Transport } from '../api/transport';
import { useConnectionMessage } from './use-connection';
import './ConnectionBanner.css';
import { Button } from '../ui/Button';

/**
 * Says what is wrong with the connection to the server and what to do about it (web mode); the
 * desktop app never shows it. Mounted once, under the top bar.
 */
export function ConnectionBanner({ transport }: { transport: Transport }) {
  const { message, retryNow, dismiss } = useConnectionMessage(transport);
  if (!message) return null;
  const act = message.action?.kind === 'retry' ? retryNow : message.action?.kind === 'reload' ? () => window.location.reload() : dismiss;
  // Being locked out is urgent (alert); the rest is news (status).
  return (
    <div className="banner connection" role={message.tone === 'error' ? 'alert' : 'status'} data-testid="connection-banner" data-state={message.kind} data-tone={message.tone}>
      <div className="connection-text">
        <strong>{message.title}</strong> {message.text}
        {message.hint && <div className="connection-hint">{message.hint}</div>}
      </div>
      {message.action && (
        <Button onClick={act}>
          {message.action.label}
        </Button>
      )}
    </div>
  );
}
