import type { WorkbenchApi } from '../../../shared/api/contract';
import type { EventName } from '../../../shared/api/names';
import type { Transport } from './transport';

type Fetchers = Pick<WorkbenchApi, 'getSettings' | 'getModelStatus' | 'listProblems'>;

/**
 * Events sent while a tab was disconnected are lost, and a restarted server starts afresh (no model
 * loaded, say). So after every reconnect this tells the listeners what may have changed, as the
 * server would have: fresh values for the events that carry one, and the bare "changed" notices
 * whose listeners fetch for themselves. Nothing above the client needs to know about reconnects.
 */
export function resyncAfterReconnect(transport: Transport, api: Fetchers, emit: (name: EventName, payload: unknown) => void): () => void {
  let wasConnected = transport.connection === 'connected';
  let lost = false;
  return transport.onConnectionChange((state) => {
    if (state !== 'connected') {
      lost ||= wasConnected;
      return;
    }
    wasConnected = true;
    if (!lost) return;
    lost = false;
    emit('templatesChanged', {});
    emit('sessionsChanged', {});
    // A failed fetch leaves what the UI shows; the next event (or reconnect) corrects it.
    api.getSettings().then((settings) => emit('settingsChanged', settings), () => undefined);
    api.getModelStatus().then((status) => emit('modelStatus', status), () => undefined);
    emit('problemsChanged', { ids: [] });
  });
}
