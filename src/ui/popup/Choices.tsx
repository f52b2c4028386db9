import { useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import * as z from 'zod/mini';
import { FORM_LANGUAGES, REASON_IDS, type Catalogue, type FormLanguage } from '../../reasons/catalogue';
import { OWN_WORDS_MAX } from '../../reasons/compose';
import { countryOptions, type EeaCountry } from '../../settings/countries';
import type { Settings } from '../../settings/settings';

type Update = (change: Partial<Settings>) => void;

/** Reasons, own words and the preview of the composed text. */
export function ReasonsAndText(props: {
  settings: Settings;
  update: Update;
  /** At least English (the fallback); the other languages as they are loaded. */
  catalogue: Partial<Catalogue> & Pick<Catalogue, 'en'>;
  textLang: FormLanguage;
  previewLang: FormLanguage;
  setPreviewLang: (lang: FormLanguage) => void;
  previewText: string;
  previewTextLang: string;
  languages: Array<{ code: FormLanguage; name: string }>;
}) {
  const { settings, update, catalogue } = props;
  const texts = catalogue[props.textLang] ?? catalogue.en;
  return (
    <>
      <fieldset class="reasons-set">
        <legend>{i18n.t('popup_reasonsHeading')}</legend>
        <p class="hint">{i18n.t('popup_reasonsHint')}</p>
        <ul class="reasons">
          {REASON_IDS.map((id) => {
            const reason = texts.reasons[id] ?? catalogue.en.reasons[id];
            const checked = settings.reasonIds.includes(id);
            return (
              <li key={id}>
                <label>
                  <input
                    type="checkbox"
                    name="reason"
                    value={id}
                    checked={checked}
                    onChange={(e) => {
                      const on = (e.currentTarget as HTMLInputElement).checked;
                      update({ reasonIds: on ? [...settings.reasonIds, id] : settings.reasonIds.filter((r) => r !== id) });
                    }}
                  />
                  <span>{reason?.title}</span>
                </label>
                <details>
                  <summary>
                    {i18n.t('popup_fullText')}
                    <span class="visually-hidden">: {reason?.title}</span>
                  </summary>
                  <p>{reason?.text}</p>
                </details>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <label for="own-words" class="field-label">{i18n.t('popup_ownWords')}</label>
      <textarea
        id="own-words"
        maxLength={OWN_WORDS_MAX}
        rows={3}
        aria-describedby="own-words-count"
        value={settings.ownWords}
        onInput={(e) => update({ ownWords: (e.currentTarget as HTMLTextAreaElement).value })}
      />
      <p id="own-words-count" class="counter">
        {i18n.t('popup_ownWordsCount', [String(settings.ownWords.length), String(OWN_WORDS_MAX)])}
      </p>
      <h3 id="preview-heading">{i18n.t('popup_previewHeading')}</h3>
      <label for="preview-lang" class="field-label">{i18n.t('popup_previewLanguage')}</label>
      <select
        id="preview-lang"
        value={props.previewLang}
        onChange={(e) => props.setPreviewLang((e.currentTarget as HTMLSelectElement).value as FormLanguage)}
      >
        {props.languages.map((o) => (
          <option key={o.code} value={o.code}>{o.name}</option>
        ))}
      </select>
      <div
        class="preview"
        data-testid="preview"
        role="region"
        lang={props.previewTextLang}
        tabIndex={0}
        aria-labelledby="preview-heading"
      >
        {props.previewText}
      </div>
      <p class="counter">{i18n.t('popup_previewLength', [String(props.previewText.length)])}</p>
    </>
  );
}

const emailSchema = z.email();

/** E-mail, country and the reminder switch. */
export function Profile(props: { settings: Settings; update: Update; locale: string }) {
  const { settings, update } = props;
  const [draft, setDraft] = useState(settings.email);
  const [invalid, setInvalid] = useState(false);
  const countries = useMemo(() => countryOptions(props.locale), [props.locale]);
  return (
    <>
      <label for="email" class="field-label">{i18n.t('popup_email')}</label>
      <input
        id="email"
        type="email"
        autocomplete="email"
        value={draft}
        aria-invalid={invalid}
        aria-describedby="email-hint"
        onInput={(e) => {
          const value = (e.currentTarget as HTMLInputElement).value.trim();
          setDraft(value);
          const ok = value === '' || emailSchema.safeParse(value).success;
          if (ok) {
            setInvalid(false);
            update({ email: value });
          }
        }}
        onBlur={() => setInvalid(draft !== '' && !emailSchema.safeParse(draft).success)}
      />
      <p id="email-hint" class={invalid ? 'hint error' : 'hint'}>
        {invalid ? i18n.t('popup_emailInvalid') : i18n.t('popup_emailHint')}
      </p>
      <label for="country" class="field-label">{i18n.t('popup_country')}</label>
      <select
        id="country"
        value={settings.country}
        onChange={(e) => update({ country: (e.currentTarget as HTMLSelectElement).value as '' | EeaCountry })}
      >
        <option value="">{i18n.t('popup_countryNone')}</option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>{c.name}</option>
        ))}
      </select>
      <label class="switch">
        <input
          type="checkbox"
          checked={settings.reminder}
          onChange={(e) => update({ reminder: (e.currentTarget as HTMLInputElement).checked })}
        />
        <span>{i18n.t('popup_reminderSetting')}</span>
      </label>
    </>
  );
}

/** The preview languages, named in the UI language and sorted. */
export function languageOptions(locale: string): Array<{ code: FormLanguage; name: string }> {
  const names = displayNames(locale, 'language');
  return FORM_LANGUAGES.map((code) => ({ code, name: names?.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, locale));
}

export function displayNames(locale: string, type: 'language' | 'region'): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type });
  } catch {
    return undefined;
  }
}
