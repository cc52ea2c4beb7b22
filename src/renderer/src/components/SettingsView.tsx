import { useState } from 'react';
import type { AppInfo } from '../../../shared/app-info';
import { NumberSetting } from './NumberSetting';
import { themeChoices, type Settings, type SettingsPatch } from '../../../shared/settings';

interface SettingsViewProps {
  settings: Settings;
  info: AppInfo | null;
  /** Persists a change; rejects with a WorkbenchError whose message is shown. */
  onChange: (patch: SettingsPatch) => Promise<void>;
}

const themeLabels: Record<Settings['theme'], string> = { system: 'System', light: 'Light', dark: 'Dark' };

export function SettingsView({ settings, info, onChange }: SettingsViewProps) {
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);

  const apply = (patch: SettingsPatch) => {
    onChange(patch).then(
      () => setStatus({ kind: 'saved', text: 'Saved' }),
      (err: unknown) => setStatus({ kind: 'error', text: err instanceof Error ? err.message : String(err) }),
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
        <p className={`save-status ${status?.kind ?? ''}`} role="status" data-testid="settings-status">
          {status?.text ?? 'Changes are saved automatically.'}
        </p>
      </div>
      {info && (
        <div className="settings-card">
          <h2>Storage</h2>
          <dl className="paths">
            <dt>Data folder</dt>
            <dd data-testid="data-dir">{info.dataDir}</dd>
            <dt>Models folder</dt>
            <dd>{info.modelsDir}</dd>
          </dl>
        </div>
      )}
    </section>
  );
}
