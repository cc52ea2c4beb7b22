import { useState } from 'react';
import type { AppInfo } from '../../../shared/app-info';
import { AutoNumberSetting } from './AutoNumberSetting';
import { NumberSetting } from './NumberSetting';
import { TextSetting } from './TextSetting';
import { themeChoices, type Settings, type SettingsPatch } from '../../../shared/settings';
import { usePrivatePath } from '../state/privacy';
import { RemoteBackendSettings } from './RemoteBackendSettings';
import { errorMessage } from '../../../shared/api/errors';

interface SettingsViewProps {
  settings: Settings;
  info: AppInfo | null;
  /** Persists a change; rejects with a WorkbenchError whose message is shown. */
  onChange: (patch: SettingsPatch) => Promise<void>;
}

const themeLabels: Record<Settings['theme'], string> = { system: 'System', light: 'Light', dark: 'Dark' };

export function SettingsView({ settings, info, onChange }: SettingsViewProps) {
  const shown = usePrivatePath();
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);

  const apply = (patch: SettingsPatch) => {
    onChange(patch).then(
      () => setStatus({ kind: 'saved', text: 'Saved' }),
      (err: unknown) => setStatus({ kind: 'error', text: errorMessage(err) }),
    );
  };

  return (
    <section className="settings-view" aria-label="Settings">
      <div className="settings-card">
        <h2>Settings</h2>
        <fieldset className="field">
          <legend className="field-label">Theme</legend>
          <div className="segmented" role="radiogroup" aria-label="Theme">
            {themeChoices.map((choice) => (
              <label key={choice} className={settings.theme === choice ? 'selected' : ''}>
                <input
                  type="radio"
                  name="theme"
                  value={choice}
                  checked={settings.theme === choice}
                  onChange={() => apply({ theme: choice })}
                />
                {themeLabels[choice]}
              </label>
            ))}
          </div>
        </fieldset>
        <NumberSetting label="Editor font size" value={settings.editorFontSize} min={8} max={40} onCommit={(n) => apply({ editorFontSize: n })} />
        <NumberSetting label="Reasoning font size" value={settings.reasoningFontSize} min={10} max={32} onCommit={(n) => apply({ reasoningFontSize: n })} />
        <label className="field checkbox">
          <input
            type="checkbox"
            checked={settings.editorWordWrap}
            aria-label="Wrap long lines in the editor"
            onChange={(e) => apply({ editorWordWrap: e.target.checked })}
          />
          <span>Wrap long lines in the editor</span>
        </label>
        <h3 className="settings-subhead">Model</h3>
        <RemoteBackendSettings remote={settings.remote} apply={apply} />
        <label className="field">
          <span>
            <span className="field-label">Backend</span>
            <span className="field-hint">Automatic picks CUDA, Vulkan or Metal when present, else the CPU.</span>
          </span>
          <select aria-label="Backend" value={settings.backend} onChange={(e) => apply({ backend: e.target.value as Settings['backend'] })}>
            <option value="auto">Automatic</option>
            <option value="cuda">CUDA</option>
            <option value="vulkan">Vulkan</option>
            <option value="metal">Metal</option>
            <option value="cpu">CPU only</option>
          </select>
        </label>
        <AutoNumberSetting label="GPU layers" hint="auto fits them to free VRAM." value={settings.gpuLayers} min={0} max={1000} onCommit={(v) => apply({ gpuLayers: v })} />
        <AutoNumberSetting label="Context size" hint="auto is as large as memory allows, up to the model's maximum." value={settings.contextSize} min={256} max={1_048_576} onCommit={(v) => apply({ contextSize: v })} />
        <AutoNumberSetting label="CPU threads" hint="auto uses the physical cores." value={settings.threads} min={1} max={256} onCommit={(v) => apply({ threads: v })} />
        <label className="field">
          <span>
            <span className="field-label">When the model repeats itself</span>
            <span className="field-hint">Small models can loop on a phrase instead of finishing.</span>
          </span>
          <select aria-label="When the model repeats itself" value={settings.repetitionGuard} onChange={(e) => apply({ repetitionGuard: e.target.value as Settings['repetitionGuard'] })}>
            <option value="warn">Warn and offer to stop</option>
            <option value="stop">Stop it</option>
            <option value="off">Do nothing</option>
          </select>
        </label>
        <p className="hint">Model settings apply the next time a model is loaded.</p>
        <h3 className="settings-subhead">OpenAI-compatible API (web mode)</h3>
        <NumberSetting label="Parallel requests" value={settings.apiParallel} min={1} max={32} onCommit={(n) => apply({ apiParallel: n })} />
        <NumberSetting label="Tokens per request" value={settings.apiContextSize} min={256} max={1_048_576} onCommit={(n) => apply({ apiContextSize: n })} />
        <NumberSetting label="Waiting requests before 429" value={settings.apiMaxQueue} min={0} max={10_000} onCommit={(n) => apply({ apiMaxQueue: n })} />
        <label className="field checkbox">
          <input type="checkbox" checked={settings.apiCache} aria-label="Cache repeated temperature-0 requests" onChange={(e) => apply({ apiCache: e.target.checked })} />
          <span>Cache repeated temperature-0 requests</span>
        </label>
        <p className="hint">Parallel requests and tokens apply the next time a model is loaded.</p>
        <h3 className="settings-subhead">Running code</h3>
        <TextSetting
          label="Python command"
          hint="Empty finds python3, python or py -3."
          value={settings.python ?? ''}
          onCommit={(v) => apply({ python: v.trim() === '' ? null : v.trim() })}
        />
        <TextSetting
          label="C++ compiler"
          hint="Empty finds g++, then clang++. C++ solutions are compiled with -std=gnu++17 (or gnu++20) -O2 -DONLINE_JUDGE."
          value={settings.cppCompiler ?? ''}
          onCommit={(v) => apply({ cppCompiler: v.trim() === '' ? null : v.trim() })}
        />
        <NumberSetting label="Competitive Companion port" value={settings.companionPort} min={1024} max={65535} onCommit={(n) => apply({ companionPort: n })} />
        <p className="hint">The port applies at the next start; add it in the extension's settings too.</p>
        <p className={`save-status ${status?.kind ?? ''}`} role="status" data-testid="settings-status">
          {status?.text ?? 'Changes are saved automatically.'}
        </p>
      </div>
      {info && (
        <div className="settings-card">
          <h2>Storage</h2>
          <dl className="paths">
            <dt>Data folder</dt>
            <dd data-testid="data-dir">{shown(info.dataDir)}</dd>
            <dt>Models folder</dt>
            <dd>{shown(info.modelsDir)}</dd>
          </dl>
        </div>
      )}
    </section>
  );
}
