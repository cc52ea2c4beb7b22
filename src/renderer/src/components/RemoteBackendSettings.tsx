import { useState } from 'react';
import { remoteContinuations, type Settings, type SettingsPatch } from '../../../shared/settings';
import { usePrivatePath } from '../state/privacy';
import { useT } from '../i18n/use-t';
import { Button } from '../ui/Button';
import { Select } from '../ui/Select';

interface RemoteBackendSettingsProps {
  remote: Settings['remote'];
  apply: (patch: SettingsPatch) => void;
}


/**
 * Where answers are generated: the embedded model, or an OpenAI-compatible
 * server (vLLM, SGLang, llama.cpp's server, Ollama, another workbench).
 * The fields are saved together, so a half-typed address is never used.
 */
export function RemoteBackendSettings({ remote, apply }: RemoteBackendSettingsProps) {
  const shown = usePrivatePath();
  const t = useT();
  const [draft, setDraft] = useState({ baseUrl: remote?.baseUrl ?? '', apiKey: remote?.apiKey ?? '', model: remote?.model ?? '', continuation: remote?.continuation ?? 'none' });
  const [useRemote, setUseRemote] = useState(remote !== null);
  const save = () => {
    if (!useRemote) return apply({ remote: null });
    apply({ remote: { baseUrl: draft.baseUrl.trim(), apiKey: draft.apiKey.trim() || null, model: draft.model.trim() || null, continuation: draft.continuation } });
  };
  return (
    <fieldset className="field remote-backend">
      <legend className="field-label">{t('remote.where')}</legend>
      <div className="segmented" role="radiogroup" aria-label={t('remote.where')}>
        <label className={!useRemote ? 'selected' : ''}>
          <input
            type="radio"
            name="generation-backend"
            checked={!useRemote}
            onChange={() => {
              setUseRemote(false);
              apply({ remote: null });
            }}
          />
          {t('remote.thisMachine')}
        </label>
        <label className={useRemote ? 'selected' : ''}>
          <input type="radio" name="generation-backend" checked={useRemote} onChange={() => setUseRemote(true)} />
          {t('remote.server')}
        </label>
      </div>
      {useRemote && (
        <div className="remote-fields">
          <input aria-label={t('remote.address')} placeholder={t('remote.addressPlaceholder')} value={draft.baseUrl} spellCheck={false} onChange={(e) => setDraft({ ...draft, baseUrl: e.target.value })} />
          <input aria-label={t('remote.model')} placeholder={t('remote.modelPlaceholder')} value={draft.model} spellCheck={false} onChange={(e) => setDraft({ ...draft, model: e.target.value })} />
          <input aria-label={t('remote.apiKey')} type="password" placeholder={t('remote.apiKeyPlaceholder')} autoComplete="off" value={draft.apiKey} onChange={(e) => setDraft({ ...draft, apiKey: e.target.value })} />
          <Select
            label={t('remote.continuation')}
            title={t('remote.continuationTitle')}
            value={draft.continuation}
            options={remoteContinuations.map((c) => ({ value: c, label: t(`remote.continuation.${c}`) }))}
            onChange={(continuation) => setDraft({ ...draft, continuation })}
          />
          <Button variant="primary" disabled={!/^https?:\/\/\S+$/i.test(draft.baseUrl.trim())} onClick={save}>
            {t('remote.use')}
          </Button>
          {remote && (
            <p className="hint">
              {t('remote.inUse', { address: shown(remote.baseUrl) })}
              {remote.model ? ` · ${remote.model}` : ''}
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
