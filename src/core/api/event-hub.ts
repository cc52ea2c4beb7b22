import type { EventListener, EventPayload } from '../../shared/api/contract';
import type { EventName } from '../../shared/api/names';

/**
 * Fan-out of core events to every connected front door. Transports subscribe
 * once and forward every event; they do not need to know the event list.
 */
export class EventHub {
  #listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners) {
      try {
        listener(name, payload);
      } catch {
        // One broken subscriber (a closed socket) must not starve the others.
      }
    }
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }
}
