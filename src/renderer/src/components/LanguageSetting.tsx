import { languageChoices, type Settings } from '../../../shared/settings';
import { useT } from '../i18n/use-t';

/**
 * "Language: Automatic / English / 简体中文". Each language is named in itself (a reader who cannot
 * read the current one still finds theirs); Automatic follows the OS or browser.
 */
export function LanguageSetting({ value, onChange }: { value: Settings['language']; onChange: (language: Settings['language']) => void }) {
  const t = useT();
  return (
    <fieldset className="field">
      <legend className="field-label">{t('settings.language')}</legend>
      <div className="segmented" role="radiogroup" aria-label={t('settings.language')}>
        {languageChoices.map((choice) => (
          <label key={choice} className={value === choice ? 'selected' : ''} lang={choice === 'auto' ? undefined : choice}>
            <input type="radio" name="language" value={choice} checked={value === choice} onChange={() => onChange(choice)} />
            {t(`settings.language.${choice}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
