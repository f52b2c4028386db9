import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { PLATFORMS, type Platform } from '../../domain/platform';
import type { ProbeAnswer } from '../../messaging/answers';
import { autofillTab, FORM_URLS, NOT_A_FORM, PROBE_PATIENCE_MS, probeTab, targetTabId } from './active-tab';
import { formatDay, statusWord, type AccountLine } from './lines';
import { TabPending } from './Shell';

const PLATFORM_NAMES: Record<Platform, string> = { facebook: 'Facebook', instagram: 'Instagram' };

/**
 * For `npm run bench`: the heading of this section is painted only once the whole first screen has its
 * content (settings, reasons, accounts, the tab's answer); the browser's Element Timing reports when.
 */
const FIRST_SCREEN: Record<string, string> = { elementtiming: 'objector-first-screen' };

export function AccountRow(props: { line: AccountLine; locale: string }) {
  const { line, locale } = props;
  return (
    <>
      <span class="account-name">{line.name}</span>{' '}
      <span class={`badge ${line.status ?? 'none'}`}>{statusWord(line.status)}</span>
      {line.at && (
        <>
          {' '}
          <time dateTime={line.at}>{formatDay(line.at, locale)}</time>
        </>
      )}
    </>
  );
}

/** What the tab the popup acts on shows: null until it answered (or the patience ran out). */
export interface TabState {
  tabId: number | undefined;
  probe: ProbeAnswer | null;
}

/**
 * Asks the tab at once, while the popup's other reads (settings, history, reasons) are on their way, so that
 * the first screen waits for the slowest of them, not for their sum.
 */
export function useTabProbe(): TabState {
  const [tabId, setTabId] = useState<number | undefined>();
  const [probe, setProbe] = useState<ProbeAnswer | null>(null);

  useEffect(() => {
    let answered = false;
    const patience = setTimeout(() => {
      if (!answered) setProbe(NOT_A_FORM);
    }, PROBE_PATIENCE_MS);
    void targetTabId(location.search).then(async (id) => {
      setTabId(id);
      const answer = await probeTab(id);
      answered = true;
      clearTimeout(patience);
      setProbe(answer);
    });
    return () => clearTimeout(patience);
  }, []);
  return { tabId, probe };
}

/**
 * The popup's first section: on a recognised form the account and "Autofill this form"; elsewhere the
 * accounts, the reminder and the ways to Meta's forms. Empty until the tab answered.
 */
export function TabPanel(props: { tab: TabState; lines: AccountLine[] | null; locale: string }) {
  const { tabId, probe } = props.tab;
  if (!probe || !props.lines) return <TabPending />;
  if (probe.onForm && tabId !== undefined) {
    const platform: Platform = probe.platform === 'instagram' ? 'instagram' : 'facebook';
    return <OnForm tabId={tabId} platform={platform} lines={props.lines} locale={props.locale} />;
  }
  return <Elsewhere lines={props.lines} locale={props.locale} />;
}

function OnForm(props: { tabId: number; platform: Platform; lines: AccountLine[]; locale: string }) {
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const account = props.lines.find((l) => l.loggedIn && l.platform === props.platform);
  return (
    <section class="card on-form" aria-labelledby="tab-heading">
      <h2 id="tab-heading" {...FIRST_SCREEN}>{i18n.t('popup_onFormHeading')}</h2>
      {account ? (
        <p class="account-line" data-testid="form-account">
          <AccountRow line={account} locale={props.locale} />
        </p>
      ) : (
        <p class="hint" data-testid="form-account">
          {i18n.t('popup_notLoggedIn', [PLATFORM_NAMES[props.platform]])}
        </p>
      )}
      <button
        type="button"
        class="primary wide"
        disabled={busy}
        aria-busy={busy}
        onClick={async () => {
          setBusy(true);
          try {
            setResult(await autofillTab(props.tabId));
          } catch (error) {
            setResult({ ok: false, message: error instanceof Error ? error.message : String(error) });
          } finally {
            setBusy(false);
          }
        }}
      >
        {i18n.t('popup_autofillTab')}
      </button>
      {result ? (
        <p class={result.ok ? 'result ok' : 'result error'} role={result.ok ? 'status' : 'alert'}>
          {result.message}
        </p>
      ) : (
        <p class="hint">{i18n.t(props.platform === 'instagram' ? 'popup_onFormInstagram' : 'popup_onFormFacebook')}</p>
      )}
    </section>
  );
}

function Elsewhere(props: { lines: AccountLine[]; locale: string }) {
  const reminded = props.lines.filter((l) => l.remind);
  const remindedPlatforms = new Set(reminded.map((l) => l.platform));
  const open = (platform: Platform) => void browser.tabs.create({ url: FORM_URLS[platform] });
  return (
    <section class="card" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading" {...FIRST_SCREEN}>{i18n.t('popup_accountsTitle')}</h2>
      {props.lines.length === 0 ? (
        <p class="hint">{i18n.t('popup_noAccounts')}</p>
      ) : (
        <ul class="accounts">
          {props.lines.map((line) => (
            <li key={line.key} class="account-line">
              <AccountRow line={line} locale={props.locale} />
            </li>
          ))}
        </ul>
      )}
      {reminded.map((line) => (
        <p key={line.key} class="reminder" data-testid="reminder">
          <span class="reminder-mark" aria-hidden="true">!</span>
          <span>{i18n.t('popup_reminder', [line.name])}</span>
        </p>
      ))}
      <p class="hint">{i18n.t('popup_openFormHint')}</p>
      <div class="buttons">
        {PLATFORMS.map((platform) => (
          <button
            key={platform}
            type="button"
            class={remindedPlatforms.has(platform) ? 'primary' : undefined}
            onClick={() => open(platform)}
          >
            {i18n.t(platform === 'facebook' ? 'popup_openFacebook' : 'popup_openInstagram')}
          </button>
        ))}
      </div>
    </section>
  );
}
