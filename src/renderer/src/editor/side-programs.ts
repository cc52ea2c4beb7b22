import { useEffect, useRef, type RefObject } from 'react';
import { isCpp, type Language, type Program } from '../../../shared/judging';
import type { WorkspaceStore } from '../workspace/workspace-store';
import { monaco } from '../monaco/setup-monaco';

export type EditorTab = 'solution' | 'brute' | 'generator';
export type SideTab = Exclude<EditorTab, 'solution'>;
export type SideModels = Record<SideTab, monaco.editor.ITextModel>;

/** The editor's tabs, in order; each is called `editor.tab.<name>` in the catalogue. */
export const editorTabs: readonly EditorTab[] = ['solution', 'brute', 'generator'];
const baseNames: Record<EditorTab, string> = { solution: 'solution', brute: 'brute', generator: 'gen' };
const unsynced = '\u0000';

/** Monaco's language id for a judge language. */
export const monacoLanguage = (language: Language) => (isCpp(language) ? 'cpp' : 'python');
/** The file a tab's program is, as the judge names it. */
export const fileName = (tab: EditorTab, language: Language) => `${baseNames[tab]}${isCpp(language) ? '.cpp' : '.py'}`;

/**
 * The brute force and the generator as Monaco models of their own, kept in
 * step with the session: what the user types is saved through the store
 * (debounced there, as the code is); what the session brings (another
 * window's edit, a draft core put in an empty tab) replaces the text only
 * when the user has not typed since the last sync.
 */
export function useSideModels(store: WorkspaceStore, programs: Record<SideTab, Program | undefined>, sessionId: string | null): RefObject<SideModels | null> {
  const models = useRef<SideModels | null>(null);
  const synced = useRef<Record<SideTab, string>>({ brute: unsynced, generator: unsynced });
  const applying = useRef(false);
  const languages = useRef<Record<SideTab, Language>>({ brute: 'python', generator: 'python' });
  const lastSession = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    const created: SideModels = {
      brute: monaco.editor.createModel('', 'python', monaco.Uri.parse('inmemory://solution/brute.py')),
      generator: monaco.editor.createModel('', 'python', monaco.Uri.parse('inmemory://solution/gen.py')),
    };
    models.current = created;
    synced.current = { brute: unsynced, generator: unsynced };
    const subscriptions = (['brute', 'generator'] as const).map((tab) =>
      created[tab].onDidChangeContent(() => {
        if (applying.current) return;
        store.edit({ [tab]: { language: languages.current[tab], code: created[tab].getValue() } });
      }),
    );
    return () => {
      for (const s of subscriptions) s.dispose();
      created.brute.dispose();
      created.generator.dispose();
      models.current = null;
    };
  }, [store]);

  const bruteCode = programs.brute?.code ?? '';
  const generatorCode = programs.generator?.code ?? '';
  const bruteLanguage = programs.brute?.language ?? 'python';
  const generatorLanguage = programs.generator?.language ?? 'python';
  useEffect(() => {
    const current = models.current;
    if (!current) return;
    languages.current = { brute: bruteLanguage, generator: generatorLanguage };
    // Another session: both tabs show its programs (what was typed before was saved with the other one).
    if (lastSession.current !== sessionId) {
      lastSession.current = sessionId;
      synced.current = { brute: unsynced, generator: unsynced };
    }
    const stored = { brute: { code: bruteCode, language: bruteLanguage }, generator: { code: generatorCode, language: generatorLanguage } };
    for (const tab of ['brute', 'generator'] as const) {
      const model = current[tab];
      const language = monacoLanguage(stored[tab].language);
      if (model.getLanguageId() !== language) monaco.editor.setModelLanguage(model, language);
      const untouched = synced.current[tab] === unsynced || model.getValue() === synced.current[tab];
      if (untouched && stored[tab].code !== model.getValue()) {
        applying.current = true;
        model.setValue(stored[tab].code);
        applying.current = false;
      }
      if (untouched || stored[tab].code === model.getValue()) synced.current[tab] = stored[tab].code;
    }
  }, [sessionId, bruteCode, generatorCode, bruteLanguage, generatorLanguage]);
  return models;
}
