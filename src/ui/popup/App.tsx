import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { z } from 'zod';
import { loadCatalogue, toFormLanguage, FORM_LANGUAGES, REASON_IDS, type FormLanguage } from '../../reasons/catalogue';
import { composeObjection, OWN_WORDS_MAX } from '../../reasons/compose';
import { countryOptions } from '../../settings/countries';
import { historyItem } from '../../history/persist';
import { readHistory } from '../../history/store';
import { accountName, accountSummaries, type AccountSummary } from '../../history/summary';
import type { ProbeAnswer } from '../../messaging/answers';
import { autofillTab, FORM_URLS, NOT_A_FORM, probeTab, targetTabId } from './active-tab';

/** How long the popup waits for the page's answer before offering the forms instead of showing nothing. */
const PROBE_PATIENCE_MS = 1500;
import { uiLocale } from '../locale';
import { useSettings } from './use-settings';

const uiLang = uiLocale();

export function App() {
  const { settings, recovered, saveState, update } = useSettings();
  const catalogue = useMemo(() => loadCatalogue(), []);
  const textLang: FormLanguage = toFormLanguage(uiLang) ?? 'en';
  const [previewLang, setPreviewLang] = useState<FormLanguage>(textLang);

  if (!settings) return <p class="loading">{i18n.t('popup_loading')}</p>;

  const texts = catalogue[textLang] ?? catalogue.en;
  const preview = composeObjection({
    catalogue,
    reasonIds: settings.reasonIds,
    ownWords: settings.ownWords,
    formLang: previewLang,
    userLang: uiLang,
  });

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
      <TabPanel />

      <section aria-labelledby="reasons-heading">
        <h2 id="reasons-heading">{i18n.t('popup_reasonsHeading')}</h2>
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
      </section>

      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">{i18n.t('popup_previewHeading')}</h2>
        <label for="preview-lang" class="field-label">{i18n.t('popup_previewLanguage')}</label>
        <select id="preview-lang" value={previewLang} onChange={(e) => setPreviewLang((e.currentTarget as HTMLSelectElement).value as FormLanguage)}>
          {languageOptions().map((o) => (
            <option key={o.code} value={o.code}>{o.name}</option>
          ))}
        </select>
        <div class="preview" data-testid="preview" lang={preview.lang} tabIndex={0} aria-label={i18n.t('popup_previewHeading')}>
          {preview.text}
        </div>
        <p class="counter">{i18n.t('popup_previewLength', [String(preview.text.length)])}</p>
      </section>

      <Profile email={settings.email} country={settings.country} onChange={update} />
      <Accounts />
    </main>
  );
}

function TabPanel() {
  const [tabId, setTabId] = useState<number | undefined>();
  const [probe, setProbe] = useState<ProbeAnswer | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // A busy page (a feed) may answer late: offer the forms after a short wait, and switch to the form view
    // as soon as the page does say it shows a form.
    const patience = setTimeout(() => setProbe((current) => current ?? NOT_A_FORM), PROBE_PATIENCE_MS);
    void targetTabId(location.search).then(async (id) => {
      setTabId(id);
      const answer = await probeTab(id);
      setProbe((current) => (answer.onForm || !current ? answer : current));
    });
    return () => clearTimeout(patience);
  }, []);

  if (!probe) return null;
  if (probe.onForm && tabId !== undefined) {
    return (
      <section class="tab-panel on-form" aria-labelledby="tab-heading">
        <h2 id="tab-heading">{i18n.t('popup_onFormHeading')}</h2>
        <p>{i18n.t(probe.platform === 'instagram' ? 'popup_onFormInstagram' : 'popup_onFormFacebook')}</p>
        <button
          type="button"
          class="primary"
          disabled={busy}
          aria-busy={busy}
          onClick={async () => {
            setBusy(true);
            try {
              setResult(await autofillTab(tabId));
            } catch (error) {
              setResult({ ok: false, message: error instanceof Error ? error.message : String(error) });
            } finally {
              setBusy(false);
            }
          }}
        >
          {i18n.t('popup_autofillTab')}
        </button>
        {result && (
          <p class={result.ok ? 'result ok' : 'result error'} role={result.ok ? 'status' : 'alert'}>
            {result.message}
          </p>
        )}
      </section>
    );
  }
  return (
    <section class="tab-panel" aria-labelledby="tab-heading">
      <h2 id="tab-heading">{i18n.t('popup_openFormHeading')}</h2>
      <p>{i18n.t('popup_openFormHint')}</p>
      <div class="buttons">
        <button type="button" onClick={() => void browser.tabs.create({ url: FORM_URLS.facebook })}>
          {i18n.t('popup_openFacebook')}
        </button>
        <button type="button" onClick={() => void browser.tabs.create({ url: FORM_URLS.instagram })}>
          {i18n.t('popup_openInstagram')}
        </button>
      </div>
    </section>
  );
}

const emailSchema = z.email();

function Profile(props: { email: string; country: string; onChange: (c: { email?: string; country?: '' | import('../../settings/countries').EeaCountry }) => void }) {
  const [draft, setDraft] = useState(props.email);
  const [invalid, setInvalid] = useState(false);
  const countries = useMemo(() => countryOptions(uiLang), []);
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{i18n.t('popup_profileHeading')}</h2>
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
            props.onChange({ email: value });
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
        value={props.country}
        onChange={(e) => props.onChange({ country: (e.currentTarget as HTMLSelectElement).value as '' })}
      >
        <option value="">{i18n.t('popup_countryNone')}</option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>{c.name}</option>
        ))}
      </select>
    </section>
  );
}

function Accounts() {
  const [summaries, setSummaries] = useState<AccountSummary[]>([]);
  useEffect(() => {
    const show = (raw: unknown) => setSummaries(accountSummaries(readHistory(raw).doc));
    void historyItem.getValue().then(show);
    return historyItem.watch(show);
  }, []);
  const statusWord = (s: AccountSummary['latestStatus']) =>
    s === 'confirmed' ? i18n.t('history_status_confirmed') : s === 'failed' ? i18n.t('history_status_failed') : i18n.t('history_status_submitted');
  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">{i18n.t('popup_accountsHeading')}</h2>
      {summaries.length === 0 ? (
        <p class="hint">{i18n.t('popup_noAccounts')}</p>
      ) : (
        <ul class="accounts">
          {summaries.map((s) => (
            <li key={s.account.key}>
              <span class="account-name">{accountName(s.account, i18n.t('popup_unknownAccount'))}</span>{' '}
              <span class={`badge ${s.latestStatus ?? ''}`}>{statusWord(s.latestStatus)}</span>{' '}
              {s.latestAt && <time dateTime={s.latestAt}>{new Date(s.latestAt).toLocaleDateString(uiLang)}</time>}
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="link" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/objections.html') })}>
        {i18n.t('popup_openHistory')}
      </button>
    </section>
  );
}

function languageOptions(): Array<{ code: FormLanguage; name: string }> {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([uiLang, 'en'], { type: 'language' });
  } catch {
    names = undefined;
  }
  return FORM_LANGUAGES.map((code) => ({ code, name: names?.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, uiLang));
}
