import type { ConnectionDetail } from '../api/transport';
import type { UiLanguage } from '../i18n/languages';
import { translatorFor } from '../i18n/use-t';

export type ConnectionAction = 'retry' | 'reload' | 'dismiss';

export interface ConnectionMessage {
  /** Which situation; also the banner's `data-state` for tests. */
  kind: 'unreachable' | 'refused' | 'reconnected' | 'updated';
  tone: 'warn' | 'error' | 'ok' | 'info';
  title: string;
  text: string;
  /** A line for whoever runs the server, shown smaller. */
  hint?: string;
  action?: { kind: ConnectionAction; label: string };
}

/**
 * What the banner says about the connection, or null for nothing. Plain words, one situation at a
 * time: unreachable (retrying), refused (needs the new address), reconnected (for a few seconds),
 * a newer server version (reload). `showReconnected` is the hook's few-second window.
 */
export function connectionMessage(detail: ConnectionDetail, now: number, showReconnected: boolean, language: UiLanguage = 'en'): ConnectionMessage | null {
  const t = translatorFor(language);
  if (detail.state === 'refused') {
    return {
      kind: 'refused',
      tone: 'error',
      title: t('connection.refusedTitle'),
      text: t('connection.refusedText'),
      hint: t('connection.refusedHint'),
      action: { kind: 'retry', label: t('connection.checkAgain') },
    };
  }
  if (detail.state === 'reconnecting' && detail.attempts > 0) {
    // `now` may be a tick older than the detail itself.
    const seconds = detail.nextRetryAt === null ? 0 : Math.ceil((detail.nextRetryAt - Math.max(now, detail.changedAt)) / 1000);
    const when = seconds > 0 ? t('connection.tryingIn', { seconds }) : t('connection.tryingNow');
    return {
      kind: 'unreachable',
      tone: 'warn',
      title: t('connection.unreachableTitle'),
      text: t('connection.unreachableText', { when, attempt: detail.attempts }),
      action: { kind: 'retry', label: t('connection.retryNow') },
    };
  }
  if (detail.state !== 'connected') return null;
  if (detail.newVersion !== null) {
    return {
      kind: 'updated',
      tone: 'info',
      title: t('connection.updatedTitle', { version: detail.newVersion }),
      text: t('connection.updatedText'),
      action: { kind: 'reload', label: t('connection.reload') },
    };
  }
  if (!showReconnected) return null;
  return {
    kind: 'reconnected',
    tone: 'ok',
    title: t('connection.reconnectedTitle'),
    text: t(detail.restarted ? 'connection.restartedText' : 'connection.backText'),
    action: { kind: 'dismiss', label: t('common.dismiss') },
  };
}
