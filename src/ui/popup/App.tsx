import { useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { loadCatalogue, toFormLanguage, type FormLanguage } from '../../reasons/catalogue';
import { composeObjection } from '../../reasons/compose';
import { accountLines, choiceSummary, profileSummary } from './lines';
import { TabPanel } from './TabPanel';
import { displayNames, languageOptions, Profile, ReasonsAndText } from './Choices';
import { useAccounts } from './use-accounts';
import { uiLocale } from '../locale';
import { useSettings } from './use-settings';

const uiLang = uiLocale();

/**
 * The popup: what the user came for first (Autofill on a form; elsewhere their accounts, the reminder and
 * Meta's forms), the choices one click away behind a one-line summary, the history at the bottom.
 */
export function App() {
  const { settings, recovered, saveState, update } = useSettings();
  const accounts = useAccounts();
  const catalogue = useMemo(() => loadCatalogue(), []);
  const languages = useMemo(() => languageOptions(uiLang), []);
  const textLang: FormLanguage = toFormLanguage(uiLang) ?? 'en';
  const [previewLang, setPreviewLang] = useState<FormLanguage>(textLang);

  if (!settings) return <p class="loading">{i18n.t('popup_loading')}</p>;

  const preview = composeObjection({
    catalogue,
    reasonIds: settings.reasonIds,
    ownWords: settings.ownWords,
    formLang: previewLang,
    userLang: uiLang,
  });
  const lines = accounts ? accountLines(accounts.doc, accounts.loggedIn, settings.reminder) : null;
  const countryName = settings.country ? (displayNames(uiLang, 'region')?.of(settings.country) ?? settings.country) : '';

  return (
    <main>
      <header>
        <h1>{i18n.t('extName')}</h1>
        <p class="save-state" role="status">
          {saveState === 'saving' ? i18n.t('popup_saving') : saveState === 'saved' ? i18n.t('popup_saved') : saveState === 'error' ? i18n.t('popup_saveError') : ''}
        </p>
      </header>
      {recovered && (
        <p class="notice" role="alert">
          {i18n.t('popup_recovered')}
        </p>
      )}
      <TabPanel lines={lines} locale={uiLang} />

      <details class="choices" data-testid="choices">
        <summary>
          <span class="summary-title">{i18n.t('popup_choicesHeading')}</span>
          <span class="summary-line" data-testid="choices-summary">
            {choiceSummary({
              reasonCount: settings.reasonIds.length,
              hasOwnWords: settings.ownWords.trim() !== '',
              previewLanguage: languages.find((l) => l.code === previewLang)?.name ?? previewLang,
              length: preview.text.length,
              locale: uiLang,
            })}
          </span>
        </summary>
        <div class="choices-body">
          <ReasonsAndText
            settings={settings}
            update={update}
            catalogue={catalogue}
            textLang={textLang}
            previewLang={previewLang}
            setPreviewLang={setPreviewLang}
            previewText={preview.text}
            previewTextLang={preview.lang}
            languages={languages}
          />
        </div>
      </details>

      <details class="choices" data-testid="profile">
        <summary>
          <span class="summary-title">{i18n.t('popup_profileHeading')}</span>
          <span class="summary-line" data-testid="profile-summary">
            {profileSummary({ email: settings.email, countryName, reminder: settings.reminder })}
          </span>
        </summary>
        <div class="choices-body">
          <Profile settings={settings} update={update} locale={uiLang} />
        </div>
      </details>

      <footer>
        <button type="button" class="link" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/objections.html') })}>
          {i18n.t('popup_openHistory')}
        </button>
      </footer>
    </main>
  );
}
