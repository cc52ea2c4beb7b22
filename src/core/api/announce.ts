import type { EventPayload } from '../../shared/api/contract';
import type { EventHub } from './event-hub';

type ChangedEvent = 'sessionsChanged' | 'templatesChanged' | 'problemsChanged';

/**
 * For handlers that change stored things: returns a function that passes a
 * handler's result through after announcing the change, naming what changed
 * (windows then fetch what they show).
 */
export function announcer<N extends ChangedEvent>(events: EventHub, name: N): <T>(value: T, payload: EventPayload<N>) => T {
  return (value, payload) => {
    events.emit(name, payload);
    return value;
  };
}
