import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Template, TemplateEntry } from '../../../shared/templates';
import type { WorkbenchClient } from '../api/workbench-client';
import { TemplateFields } from '../templates/TemplateFields';
import { TemplatePreview, type Preview } from '../templates/TemplatePreview';
import { errorMessage } from '../../../shared/api/errors';
import { samplingPresets } from '../../../shared/generation';
import { useT } from '../i18n/use-t';
import { FileText } from 'lucide-react';
import { EmptyState } from '../ui/EmptyState';
import './TemplatesView.css';
import { Button } from '../ui/Button';

// What the preview fills a template with: prompt text, which stays English (the model does best with it).
const sampleValues = {
  problem: 'Given n (1 ≤ n ≤ 10^5), print the sum 1 + 2 + … + n.',
  language: 'Python 3',
  tests: 'Sample input:\n3\nSample output:\n6',
  feedback: 'Test 1 failed: expected 6, got 5.',
  code: 'n = int(input())\nprint(n * (n - 1) // 2)',
};

/** Browse, edit and preview prompt templates. */
export function TemplatesView({ client }: { client: WorkbenchClient }) {
  const t = useT();
  const [entries, setEntries] = useState<TemplateEntry[]>([]);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState<Template | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [history, setHistory] = useState<{ savedAt: string; template: Template }[]>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; undo?: string } | null>(null);

  const refresh = useCallback(() => {
    client.listTemplates().then(setEntries, () => undefined);
  }, [client]);
  useEffect(() => {
    refresh();
    return client.on('templatesChanged', refresh);
  }, [client, refresh]);

  const entry = entries.find((e) => e.id === selected) ?? null;
  const choose = (id: string | null, template: Template | null, builtIn: boolean) => {
    setSelected(id);
    setDraft(template);
    setHistory([]);
    if (id && !builtIn) client.templateHistory({ id }).then(setHistory, () => setHistory([]));
  };

  useEffect(() => {
    if (!draft) return;
    const timer = setTimeout(() => {
      client.previewTemplate({ template: draft, values: sampleValues }).then(setPreview, (err: unknown) => setMessage({ kind: 'error', text: errorMessage(err) }));
    }, 150);
    return () => clearTimeout(timer);
  }, [draft, client]);

  const fail = (err: unknown) => setMessage({ kind: 'error', text: errorMessage(err) });
  const visible = useMemo(() => {
    const q = query.trim().toLowerCase();
    return entries.filter((e) => !q || e.id.includes(q) || (e.template?.name.toLowerCase().includes(q) ?? false) || (e.template?.tags.some((t) => t.includes(q)) ?? false));
  }, [entries, query]);

  const newId = (base: string) => {
    let id = base.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50) || 'template';
    while (entries.some((e) => e.id === id)) id = `${id}-copy`;
    return id;
  };
  const create = (from?: Template) => {
    const template: Template = from
      ? { ...from, id: newId(`${from.id}-copy`), name: t('templates.copyName', { name: from.name }) }
      : { version: 1, id: newId('my-template'), name: t('templates.defaultName'), description: '', tags: [], system: null, body: '{{problem}}', variables: [], sampling: { ...samplingPresets.code }, sendToEditor: 'lastPython', target: 'solution' };
    client.saveTemplate(template).then((saved) => {
      choose(saved.id, saved, false);
      setMessage({ kind: 'ok', text: t('templates.created', { name: saved.name }) });
    }, fail);
  };
  const save = () => {
    if (!draft) return;
    client.saveTemplate(draft).then(() => {
      setMessage({ kind: 'ok', text: t('common.saved') });
      client.templateHistory({ id: draft.id }).then(setHistory, () => undefined);
    }, fail);
  };
  const remove = () => {
    if (!entry || entry.builtIn) return;
    client.deleteTemplate({ id: entry.id }).then(() => {
      setMessage({ kind: 'ok', text: t('templates.deleted', { id: entry.id }), undo: entry.id });
      choose(null, null, false);
    }, fail);
  };
  const exportSelected = () => {
    if (!entry) return;
    client.exportTemplates({ ids: [entry.id] }).then(({ json }) => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      link.download = `${entry.id}.template.json`;
      link.click();
      URL.revokeObjectURL(link.href);
    }, fail);
  };
  const importFile = (file: File | undefined) => {
    file
      ?.text()
      .then((json) => client.importTemplates({ json }))
      .then((imported) => setMessage({ kind: 'ok', text: t('templates.imported', { ids: imported.map((i) => i.id).join(', ') }) }), fail);
  };

  const readOnly = entry?.builtIn ?? true;
  const shownPreview = draft ? preview : null;
  const edit = (change: Partial<Template>) => {
    if (draft) setDraft({ ...draft, ...change });
  };
  const dirty = draft !== null && entry?.template !== null && JSON.stringify(draft) !== JSON.stringify(entry?.template);

  return (
    <section className="templates-view" aria-label={t('view.templates')}>
      <aside className="template-list">
        <input aria-label={t('templates.search')} placeholder={t('templates.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <ul>
          {visible.map((e) => {
            const tags = e.template?.tags.join(', ') ?? '';
            return (
              <li key={e.id}>
                <Button className={e.id === selected ? 'template-item active' : 'template-item'} onClick={() => choose(e.id, e.template, e.builtIn)}>
                  <strong>{e.template?.name ?? e.id}</strong>
                  <span className="hint">{e.broken ? t('templates.broken', { reason: e.broken }) : e.builtIn ? t('templates.builtInTags', { tags }) : tags}</span>
                </Button>
              </li>
            );
          })}
        </ul>
        <div className="template-actions">
          <Button onClick={() => create()}>
            {t('common.new')}
          </Button>
          <label className="file-button">
            {t('common.import')}
            <input type="file" accept="application/json,.json" aria-label={t('templates.importLabel')} onChange={(e) => importFile(e.target.files?.[0])} />
          </label>
        </div>
      </aside>
      <div className="template-editor">
        {message && (
          <p className={message.kind === 'ok' ? 'ok-text' : 'error-text'} role="status" data-testid="template-message">
            {message.text}
            {message.undo && (
              <Button variant="link" onClick={() => client.undoDeleteTemplate({ id: message.undo ?? '' }).then((back) => { choose(back.id, back, false); setMessage({ kind: 'ok', text: t('templates.restoredId', { id: back.id }) }); }, fail)}>
                {t('common.undo')}
              </Button>
            )}
          </p>
        )}
        {!draft && (
          <EmptyState
            icon={<FileText size={36} aria-hidden="true" />}
            title={t('templates.emptyTitle')}
            testId="templates-empty"
            actions={
              <Button variant="primary" onClick={() => create()}>
                {t('templates.newTemplate')}
              </Button>
            }
          >
            {t('templates.choose')}
          </EmptyState>
        )}
        {draft && (
          <>
            <div className="template-toolbar">
              <input aria-label={t('templates.name')} value={draft.name} disabled={readOnly} onChange={(e) => edit({ name: e.target.value })} />
              {readOnly ? <span className="badge">{t('templates.builtIn')}</span> : null}
              <span className="spacer" />
              <Button onClick={() => create(draft)}>
                {t('common.duplicate')}
              </Button>
              <Button onClick={exportSelected}>
                {t('common.export')}
              </Button>
              {!readOnly && (
                <>
                  <Button onClick={remove}>
                    {t('common.delete')}
                  </Button>
                  <Button variant="primary" disabled={!dirty} onClick={save}>
                    {t('common.save')}
                  </Button>
                </>
              )}
            </div>
            <TemplateFields draft={draft} readOnly={readOnly} onEdit={edit} />
            {shownPreview && <TemplatePreview preview={shownPreview} />}
            {history.length > 0 && (
              <details className="template-history">
                <summary>{t('templates.history', { count: history.length })}</summary>
                <ul>
                  {history.map((h) => (
                    <li key={h.savedAt}>
                      <span className="hint">{h.savedAt.slice(0, 19).replace('T', ' ')}</span> {h.template.body.slice(0, 60)}
                      <Button onClick={() => client.restoreTemplate({ id: h.template.id, savedAt: h.savedAt }).then((back) => { setDraft(back); setMessage({ kind: 'ok', text: t('templates.restored') }); client.templateHistory({ id: back.id }).then(setHistory, () => undefined); }, fail)}>
                        {t('templates.restore')}
                      </Button>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
      </div>
    </section>
  );
}
