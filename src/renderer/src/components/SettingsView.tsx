import { useState } from 'react';
import type { AppInfo } from '../../../shared/app-info';
import { AutoNumberSetting } from './AutoNumberSetting';
import { NumberSetting } from './NumberSetting';
import { TextSetting } from './TextSetting';
import { themeChoices, type Settings, type SettingsPatch } from '../../../shared/settings';
import { usePrivatePath } from '../state/privacy';
import { RemoteBackendSettings } from './RemoteBackendSettings';
import { errorMessage } from '../../../shared/api/errors';
import { backendChoices } from '../../../shared/models';
import { useT } from '../i18n/use-t';
import { LanguageSetting } from './LanguageSetting';
import { SelectSetting } from './SelectSetting';
import { Card } from '../ui/Card';
import { Checkbox } from '../ui/Checkbox';

/** The repetition guard's choices, in the order shown (the gentlest that still helps first). */
const repetitionChoices = ['warn', 'stop', 'off'] as const satisfies readonly Settings['repetitionGuard'][];

interface SettingsViewProps {
  settings: Settings;
  info: AppInfo | null;
  /** Persists a change; rejects with a WorkbenchError whose message is shown. */
  onChange: (patch: SettingsPatch) => Promise<void>;
}

export function SettingsView({ settings, info, onChange }: SettingsViewProps) {
  const shown = usePrivatePath();
  const t = useT();
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);

  const apply = (patch: SettingsPatch) => {
    onChange(patch).then(
      () => setStatus({ kind: 'saved', text: t('common.saved') }),
      (err: unknown) => setStatus({ kind: 'error', text: errorMessage(err) }),
    );
  };

  return (
    <section className="settings-view" aria-label={t('view.settings')}>
      <Card title={t('view.settings')}>
        <fieldset className="field">
          <legend className="field-label">{t('settings.theme')}</legend>
          <div className="segmented" role="radiogroup" aria-label={t('settings.theme')}>
            {themeChoices.map((choice) => (
              <label key={choice} className={settings.theme === choice ? 'selected' : ''}>
                <input
                  type="radio"
                  name="theme"
                  value={choice}
                  checked={settings.theme === choice}
                  onChange={() => apply({ theme: choice })}
                />
                {t(`settings.theme.${choice}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <LanguageSetting value={settings.language} onChange={(language) => apply({ language })} />
        <NumberSetting label={t('settings.editorFontSize')} value={settings.editorFontSize} min={8} max={40} onCommit={(n) => apply({ editorFontSize: n })} />
        <NumberSetting label={t('settings.reasoningFontSize')} value={settings.reasoningFontSize} min={10} max={32} onCommit={(n) => apply({ reasoningFontSize: n })} />
        <Checkbox className="field checkbox" label={t('settings.wordWrap')} checked={settings.editorWordWrap} onChange={(editorWordWrap) => apply({ editorWordWrap })} />
        <h3 className="settings-subhead">{t('settings.model')}</h3>
        <RemoteBackendSettings remote={settings.remote} apply={apply} />
        <SelectSetting
          label={t('settings.backend')}
          hint={t('settings.backendHint')}
          value={settings.backend}
          options={backendChoices.map((choice) => ({ value: choice, label: t(`settings.backend.${choice}`) }))}
          onChange={(backend) => apply({ backend })}
        />
        <AutoNumberSetting label={t('settings.gpuLayers')} hint={t('settings.gpuLayersHint')} value={settings.gpuLayers} min={0} max={1000} onCommit={(v) => apply({ gpuLayers: v })} />
        <AutoNumberSetting label={t('settings.contextSize')} hint={t('settings.contextSizeHint')} value={settings.contextSize} min={256} max={1_048_576} onCommit={(v) => apply({ contextSize: v })} />
        <AutoNumberSetting label={t('settings.threads')} hint={t('settings.threadsHint')} value={settings.threads} min={1} max={256} onCommit={(v) => apply({ threads: v })} />
        <SelectSetting
          label={t('settings.repetition')}
          hint={t('settings.repetitionHint')}
          value={settings.repetitionGuard}
          options={repetitionChoices.map((choice) => ({ value: choice, label: t(`settings.repetition.${choice}`) }))}
          onChange={(repetitionGuard) => apply({ repetitionGuard })}
        />
        <p className="hint">{t('settings.modelApplies')}</p>
        <h3 className="settings-subhead">{t('settings.api')}</h3>
        <NumberSetting label={t('settings.apiParallel')} value={settings.apiParallel} min={1} max={32} onCommit={(n) => apply({ apiParallel: n })} />
        <NumberSetting label={t('settings.apiContextSize')} value={settings.apiContextSize} min={256} max={1_048_576} onCommit={(n) => apply({ apiContextSize: n })} />
        <NumberSetting label={t('settings.apiMaxQueue')} value={settings.apiMaxQueue} min={0} max={10_000} onCommit={(n) => apply({ apiMaxQueue: n })} />
        <Checkbox className="field checkbox" label={t('settings.apiCache')} checked={settings.apiCache} onChange={(apiCache) => apply({ apiCache })} />
        <p className="hint">{t('settings.apiApplies')}</p>
        <h3 className="settings-subhead">{t('settings.runningCode')}</h3>
        <TextSetting
          label={t('settings.python')}
          hint={t('settings.pythonHint')}
          value={settings.python ?? ''}
          onCommit={(v) => apply({ python: v.trim() === '' ? null : v.trim() })}
        />
        <TextSetting
          label={t('settings.cpp')}
          hint={t('settings.cppHint')}
          value={settings.cppCompiler ?? ''}
          onCommit={(v) => apply({ cppCompiler: v.trim() === '' ? null : v.trim() })}
        />
        <NumberSetting label={t('settings.companionPort')} value={settings.companionPort} min={1024} max={65535} onCommit={(n) => apply({ companionPort: n })} />
        <p className="hint">{t('settings.companionPortHint')}</p>
        <p className={`save-status ${status?.kind ?? ''}`} role="status" data-testid="settings-status">
          {status?.text ?? t('settings.autosave')}
        </p>
      </Card>
      {info && (
        <Card title={t('settings.storage')}>
          <dl className="paths">
            <dt>{t('settings.dataFolder')}</dt>
            <dd data-testid="data-dir">{shown(info.dataDir)}</dd>
            <dt>{t('settings.modelsFolder')}</dt>
            <dd>{shown(info.modelsDir)}</dd>
          </dl>
        </Card>
      )}
    </section>
  );
}
