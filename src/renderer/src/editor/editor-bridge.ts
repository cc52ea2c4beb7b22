/** What the editor offers the rest of the UI; the Monaco pane registers it once it exists. */
export interface EditorHandle {
  /** Replaces the contents as one undoable edit. */
  setCode(code: string): void;
  /** True when the user changed the text since the app last put code there. */
  isDirty(): boolean;
  getCode(): string;
}

type Offer = { code: string; language: string } | null;

let handle: EditorHandle | null = null;
let waiting: Offer = null;
let offer: Offer = null;
const listeners = new Set<(offer: Offer) => void>();

type ChangeListener = (code: string, origin: 'user' | 'app') => void;
const changeListeners = new Set<ChangeListener>();

const publish = (next: Offer) => {
  offer = next;
  for (const listener of listeners) listener(offer);
};

/**
 * Hands code from answers to the Monaco editor without losing the user's
 * work: an explicit "Open in editor" replaces (undoably); code arriving on
 * its own (an answer finishing) replaces only an untouched editor, and is
 * otherwise offered for the user to accept.
 */
export const editorBridge = {
  register(next: EditorHandle | null): void {
    handle = next;
    if (handle && waiting) {
      handle.setCode(waiting.code);
      waiting = null;
    }
  },

  open(code: string, language: string): void {
    if (!handle) {
      waiting = { code, language };
      return;
    }
    handle.setCode(code);
    publish(null);
  },

  /** Code the app would like to load; respects unsaved edits. */
  propose(code: string, language: string): 'loaded' | 'offered' {
    if (!handle) {
      waiting = { code, language };
      return 'loaded';
    }
    if (!handle.isDirty()) {
      handle.setCode(code);
      publish(null);
      return 'loaded';
    }
    publish({ code, language });
    return 'offered';
  },

  /** The editor's current text ('' before Monaco has loaded). */
  getCode(): string {
    return handle?.getCode() ?? '';
  },

  acceptOffer(): void {
    if (offer && handle) handle.setCode(offer.code);
    publish(null);
  },

  dismissOffer(): void {
    publish(null);
  },

  /** Called by the editor on every change: typed by the user, or put there by the app. */
  notifyChange(code: string, origin: 'user' | 'app'): void {
    for (const listener of changeListeners) listener(code, origin);
  },

  onChange(listener: ChangeListener): () => void {
    changeListeners.add(listener);
    return () => changeListeners.delete(listener);
  },

  onOffer(listener: (offer: Offer) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  get offer(): Offer {
    return offer;
  },
};
