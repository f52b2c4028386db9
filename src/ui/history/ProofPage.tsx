import { useEffect, useMemo, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { entriesOf } from '@/src/history/store';
import { formatDateTime, formatDay, languageName } from './format';
import { StatusLog } from './EntryItem';
import { StatusBadge } from './StatusBadge';
import { displayName, platformName } from './texts';
import { uiLocale } from '../locale';
import { useHistory } from './use-history';

/**
 * A clean, printable record of one account's objections (`objections.html?proof=<accountKey>`): everything a
 * data protection authority or Meta would ask for, and nothing else. Prints itself once loaded unless
 * `&noprint=1`.
 */
export function ProofPage({ accountKey, autoPrint }: { accountKey: string; autoPrint: boolean }) {
  const { loading, doc, loadError } = useHistory();
  const locale = useMemo(uiLocale, []);
  const printed = useRef(false);
  const account = doc.accounts[accountKey];
  const entries = useMemo(() => entriesOf(doc, accountKey), [doc, accountKey]);
  const now = useMemo(() => new Date().toISOString(), []);

  useEffect(() => {
    if (account) document.title = `${i18n.t('history_proof_title')} – ${displayName(account)}`;
  }, [account]);

  const ready = !loading && account !== undefined;
  useEffect(() => {
    if (!ready || !autoPrint || printed.current) return;
    printed.current = true;
    // After the browser has painted the record.
    const timer = setTimeout(() => window.print(), 100);
    return () => clearTimeout(timer);
  }, [ready, autoPrint]);

  if (loading) return <main class="proof" aria-busy="true" />;
  if (loadError || !account) {
    return (
      <main class="proof">
        <h1>{i18n.t('history_proof_title')}</h1>
        <p class="notice error" role="alert">
          {loadError ? i18n.t('history_loadFailed', [loadError]) : i18n.t('history_proof_notFound')}
        </p>
      </main>
    );
  }

  return (
    <main class="proof">
      <div class="proof-toolbar no-print">
        <button type="button" class="button primary" onClick={() => window.print()}>
          {i18n.t('history_proof_print')}
        </button>
        <p class="muted">{i18n.t('history_proof_printHint')}</p>
      </div>

      <h1>{i18n.t('history_proof_title')}</h1>
      <p class="intro">{i18n.t('history_proof_intro')}</p>

      <dl class="facts proof-account">
        <div>
          <dt>{i18n.t('history_proof_account')}</dt>
          <dd>{displayName(account)}</dd>
        </div>
        <div>
          <dt>{i18n.t('history_proof_platform')}</dt>
          <dd>{platformName(account.platform)}</dd>
        </div>
        <div>
          <dt>{i18n.t('history_proof_accountId')}</dt>
          <dd>{account.accountId ?? i18n.t('history_proof_unknownId')}</dd>
        </div>
        <div>
          <dt>{i18n.t('history_proof_printedOn')}</dt>
          <dd>
            <time dateTime={now}>{formatDateTime(now, { locale, withZone: true })}</time>
          </dd>
        </div>
      </dl>

      {entries.length === 0 && <p>{i18n.t('history_account_noEntries')}</p>}

      {entries.map((entry) => (
        <section key={entry.id} class="proof-entry" aria-labelledby={`proof-${entry.id}`}>
          <h2 id={`proof-${entry.id}`}>
            {i18n.t('history_proof_submission', [formatDateTime(entry.submittedAt, { locale, withZone: true })])}
          </h2>
          <dl class="facts">
            <div>
              <dt>{i18n.t('history_proof_status')}</dt>
              <dd>
                <StatusBadge status={entry.status} />
              </dd>
            </div>
            <div>
              <dt>{i18n.t('history_entry_log')}</dt>
              <dd>
                <StatusLog entry={entry} locale={locale} withZone />
              </dd>
            </div>
            <div>
              <dt>{i18n.t('history_entry_email')}</dt>
              <dd class="breakable">{entry.email || i18n.t('history_entry_none')}</dd>
            </div>
            <div>
              <dt>{i18n.t('history_entry_form')}</dt>
              <dd class="breakable url">{entry.url}</dd>
            </div>
            <div>
              <dt>{i18n.t('history_entry_lang')}</dt>
              <dd>{languageName(entry.lang, locale) || i18n.t('history_entry_none')}</dd>
            </div>
            <div>
              <dt>{i18n.t('history_entry_emailReceived')}</dt>
              <dd>
                {entry.emailReceivedOn
                  ? formatDay(entry.emailReceivedOn, locale)
                  : i18n.t('history_entry_emailNotMarked')}
              </dd>
            </div>
          </dl>
          <h3>{i18n.t('history_proof_text')}</h3>
          {entry.text ? (
            <pre class="sent-text">{entry.text}</pre>
          ) : (
            <p class="muted">{i18n.t('history_entry_noText')}</p>
          )}
        </section>
      ))}

      <p class="proof-footer">{i18n.t('history_proof_keepEmail')}</p>
    </main>
  );
}
