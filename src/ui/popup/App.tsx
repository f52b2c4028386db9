import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { loadLanguages, toFormLanguage, type Catalogue, type FormLanguage } from '../../reasons/catalogue';
import { composeObjection } from '../../reasons/compose';
import { accountLines, choiceSummary, profileSummary } from './lines';
import { TabPanel, useTabProbe } from './TabPanel';
import { displayNames, languageOptions, Profile, ReasonsAndText } from './Choices';
import { useAccounts } from './use-accounts';
import { uiLocale } from '../locale';
import { useSettings } from './use-settings';
import { Shell } from './Shell';
import { Fold } from './Fold';

const uiLang = uiLocale();

/**
 * The popup: what the user came for first (Autofill on a form; elsewhere their accounts, the reminder and
 * Meta's forms), the choices one click away behind a one-line summary, the history at the bottom.
 */
export function App() {
  const { settings, recovered, saveState, update } = useSettings();
  const accounts = useAccounts();
  const tab = useTabProbe();
  const languages = useMemo(() => languageOptions(uiLang), []);
  const textLang: FormLanguage = toFormLanguage(uiLang) ?? 'en';
  const [previewLang, setPreviewLang] = useState<FormLanguage>(textLang);
  // Only the languages on screen (the UI's, the preview's, English as every text's fallback), each loaded
  // once: not the 26 on every opening.
  const [catalogue, setCatalogue] = useState<Partial<Catalogue>>({});
  useEffect(() => {
    let current = true;
    void loadLanguages([textLang, previewLang, 'en']).then((loaded) => {
      if (current) setCatalogue((known) => ({ ...known, ...loaded }));
    });
    return () => {
      current = false;
    };
  }, [textLang, previewLang]);
  const lines = accounts && settings ? accountLines(accounts.doc, accounts.loggedIn, settings.reminder) : null;
  if (!settings || !catalogue.en) return <Shell />;
  const shown = { ...catalogue, en: catalogue.en };

  const preview = composeObjection({
    catalogue,
    reasonIds: settings.reasonIds,
    ownWords: settings.ownWords,
    formLang: previewLang,
    userLang: uiLang,
  });
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
      <TabPanel tab={tab} lines={lines} locale={uiLang} />

      <Fold
        testId="choices"
        title={i18n.t('popup_choicesHeading')}
        line={choiceSummary({
          reasonCount: settings.reasonIds.length,
          hasOwnWords: settings.ownWords.trim() !== '',
          previewLanguage: languages.find((l) => l.code === previewLang)?.name ?? previewLang,
          length: preview.text.length,
          locale: uiLang,
        })}
      >
        {() => (
          <ReasonsAndText
            settings={settings}
            update={update}
            catalogue={shown}
            textLang={textLang}
            previewLang={previewLang}
            setPreviewLang={setPreviewLang}
            previewText={preview.text}
            previewTextLang={preview.lang}
            languages={languages}
          />
        )}
      </Fold>

      <Fold
        testId="profile"
        title={i18n.t('popup_profileHeading')}
        line={profileSummary({ email: settings.email, countryName, reminder: settings.reminder })}
      >
        {() => <Profile settings={settings} update={update} locale={uiLang} />}
      </Fold>

      <footer>
        <button type="button" class="link" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/objections.html') })}>
          {i18n.t('popup_openHistory')}
        </button>
      </footer>
    </main>
  );
}
