import { useState } from 'react';
import { remoteContinuations, type Settings, type SettingsPatch } from '../../../shared/settings';
import { usePrivatePath } from '../state/privacy';

interface RemoteBackendSettingsProps {
  remote: Settings['remote'];
  apply: (patch: SettingsPatch) => void;
}

type Continuation = (typeof remoteContinuations)[number];

/** What each way of continuing a reply is called for the user. */
const continuationLabels: Record<Continuation, string> = {
  none: 'Cannot continue a reply (Answer now and reasoning budgets off)',
  prefill: 'Continues a final assistant message (llama.cpp server, VibeThinker Workbench)',
  continue_final_message: 'Takes continue_final_message (vLLM)',
};

/**
 * Where answers are generated: the embedded model, or an OpenAI-compatible
 * server (vLLM, SGLang, llama.cpp's server, Ollama, another workbench).
 * The fields are saved together, so a half-typed address is never used.
 */
export function RemoteBackendSettings({ remote, apply }: RemoteBackendSettingsProps) {
  const shown = usePrivatePath();
  const [draft, setDraft] = useState({ baseUrl: remote?.baseUrl ?? '', apiKey: remote?.apiKey ?? '', model: remote?.model ?? '', continuation: remote?.continuation ?? 'none' });
  const [useRemote, setUseRemote] = useState(remote !== null);
  const save = () => {
    if (!useRemote) return apply({ remote: null });
    apply({ remote: { baseUrl: draft.baseUrl.trim(), apiKey: draft.apiKey.trim() || null, model: draft.model.trim() || null, continuation: draft.continuation } });
  };
  return (
    <fieldset className="field remote-backend">
      <legend className="field-label">Where answers are generated</legend>
      <div className="segmented" role="radiogroup" aria-label="Where answers are generated">
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
          This machine
        </label>
        <label className={useRemote ? 'selected' : ''}>
          <input type="radio" name="generation-backend" checked={useRemote} onChange={() => setUseRemote(true)} />
          OpenAI-compatible server
        </label>
      </div>
      {useRemote && (
        <div className="remote-fields">
          <input aria-label="Server address" placeholder="http://gpu-box:8000/v1" value={draft.baseUrl} spellCheck={false} onChange={(e) => setDraft({ ...draft, baseUrl: e.target.value })} />
          <input aria-label="Model name" placeholder="model name on the server (e.g. WeiboAI/VibeThinker-1.5B)" value={draft.model} spellCheck={false} onChange={(e) => setDraft({ ...draft, model: e.target.value })} />
          <input aria-label="API key" type="password" placeholder="API key (optional)" autoComplete="off" value={draft.apiKey} onChange={(e) => setDraft({ ...draft, apiKey: e.target.value })} />
          <select
            aria-label="Continuing a reply"
            title="Answer now and reasoning budgets close the reasoning and ask the server to continue the reply from there"
            value={draft.continuation}
            onChange={(e) => setDraft({ ...draft, continuation: remoteContinuations.find((c) => c === e.target.value) ?? 'none' })}
          >
            {remoteContinuations.map((c) => (
              <option key={c} value={c}>
                {continuationLabels[c]}
              </option>
            ))}
          </select>
          <button type="button" className="primary" disabled={!/^https?:\/\/\S+$/i.test(draft.baseUrl.trim())} onClick={save}>
            Use this server
          </button>
          {remote && <p className="hint">In use: {shown(remote.baseUrl)}{remote.model ? ` · ${remote.model}` : ''}</p>}
        </div>
      )}
    </fieldset>
  );
}
