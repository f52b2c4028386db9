import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { accountSummaries, type AccountSummary } from '@/src/history/summary';
import type { Entry } from '@/src/history/schema';
import { STATUSES } from '@/src/domain/status';
import { sendChange, type ChangeMessage } from './actions';
import { AccountCard, accountHeadingId, type AccountActions } from './AccountCard';
import { ConfirmDialog, type ConfirmRequest } from './ConfirmDialog';
import { downloadText } from './download';
import { formatDateTime, groupByPlatform, localDay } from './format';
import { StatusBadge } from './StatusBadge';
import { Toolbar, type Notify } from './Toolbar';
import { displayName, platformName, statusHelp } from './texts';
import { uiLocale } from '../locale';
import { useHistory } from './use-history';

type Feedback = { kind: 'error' | 'info'; text: string } | null;

/** The whole history: accounts by platform, their submissions, and the actions on them. */
export function HistoryPage() {
  const { loading, doc, damaged, loadError } = useHistory();
  const locale = useMemo(uiLocale, []);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);

  const notify: Notify = useMemo(
    () => ({
      error: (text) => setFeedback({ kind: 'error', text }),
      info: (text) => setFeedback({ kind: 'info', text }),
      clear: () => setFeedback(null),
    }),
    [],
  );

  const summaries = useMemo(() => accountSummaries(doc), [doc]);
  const groups = groupByPlatform(summaries);

  usePrintOpensDetails();

  const change = async (message: ChangeMessage, success: string): Promise<boolean> => {
    notify.clear();
    try {
      await sendChange(message);
      notify.info(success);
      return true;
    } catch (e) {
      notify.error(i18n.t('history_actionFailed', [e instanceof Error ? e.message : String(e)]));
      return false;
    }
  };

  const actions: AccountActions = {
    label: (accountKey, label) =>
      change({ type: 'history:label', accountKey, label: label.trim() }, i18n.t('history_label_saved')),
    markEmail: (entryId, day) =>
      change(
        { type: 'history:email-received', entryId, date: day },
        day ? i18n.t('history_entry_emailMarked') : i18n.t('history_entry_emailCleared'),
      ),
    deleteEntry: (entry: Entry, opener) => {
      const account = doc.accounts[entry.accountKey];
      setConfirm({
        title: i18n.t('history_deleteEntry_title'),
        body: i18n.t('history_deleteEntry_body', [
          formatDateTime(entry.submittedAt, { locale }),
          account ? displayName(account) : entry.accountKey,
        ]),
        confirm: async () => {
          await sendChange({ type: 'history:delete-entry', entryId: entry.id });
          notify.info(i18n.t('history_deleted_entry'));
        },
        returnFocus: (done) =>
          done ? (document.getElementById(accountHeadingId(entry.accountKey)) ?? titleRef.current) : opener,
      });
    },
    deleteAccount: (summary: AccountSummary, opener) => {
      setConfirm({
        title: i18n.t('history_deleteAccount_title', [displayName(summary.account)]),
        body: i18n.t('history_deleteAccount_body', summary.entries.length, [String(summary.entries.length)]),
        confirm: async () => {
          await sendChange({ type: 'history:delete-account', accountKey: summary.account.key });
          notify.info(i18n.t('history_deleted_account'));
        },
        returnFocus: (done) => (done ? titleRef.current : opener),
      });
    },
  };

  const downloadDamaged = () =>
    downloadText(
      `objector-damaged-records-${localDay(new Date())}.json`,
      JSON.stringify(damaged, null, 2),
      'application/json',
    );

  return (
    <>
      <header class="page-header">
        <h1 id="history-title" ref={titleRef} tabIndex={-1}>
          {i18n.t('history_title')}
        </h1>
        <p class="intro">{i18n.t('history_intro')}</p>
        <details class="legend no-print">
          <summary>{i18n.t('history_legend')}</summary>
          <dl>
            {STATUSES.map((status) => (
              <div key={status}>
                <dt>
                  <StatusBadge status={status} />
                </dt>
                <dd>{statusHelp(status)}</dd>
              </div>
            ))}
          </dl>
        </details>
      </header>

      <main aria-busy={loading} aria-labelledby="history-title">
        <Toolbar doc={doc} notify={notify} />

        {loadError && (
          <p class="notice error" role="alert">
            {i18n.t('history_loadFailed', [loadError])}
          </p>
        )}

        {damaged.length > 0 && (
          <div class="notice warning">
            <p>
              <strong>{i18n.t('history_damaged', damaged.length, [String(damaged.length)])}</strong>
            </p>
            <p>{i18n.t('history_damaged_help')}</p>
            <button type="button" class="button no-print" onClick={downloadDamaged}>
              {i18n.t('history_damaged_download')}
            </button>
          </div>
        )}

        {!loading && !loadError && groups.length === 0 && <p class="empty">{i18n.t('history_empty')}</p>}

        {groups.map((group) => (
          <section key={group.platform} class="platform" aria-labelledby={`platform-${group.platform}`}>
            <h2 id={`platform-${group.platform}`}>{platformName(group.platform)}</h2>
            {group.accounts.map((summary) => (
              <AccountCard key={summary.account.key} summary={summary} locale={locale} actions={actions} />
            ))}
          </section>
        ))}

        {groups.length > 0 && <p class="privacy muted">{i18n.t('history_privacy')}</p>}
      </main>

      <div class={`feedback no-print${feedback ? ` feedback-${feedback.kind}` : ''}`}>
        <div role="alert" class="feedback-text">
          {feedback?.kind === 'error' ? feedback.text : ''}
        </div>
        <div role="status" class="feedback-text">
          {feedback?.kind === 'info' ? feedback.text : ''}
        </div>
        {feedback && (
          <button type="button" class="button small" onClick={() => setFeedback(null)}>
            {i18n.t('history_dismiss')}
          </button>
        )}
      </div>

      <ConfirmDialog request={confirm} onClosed={() => setConfirm(null)} />
    </>
  );
}

/** Printing the page shows every text sent: closed `<details>` are opened for the print, then restored. */
function usePrintOpensDetails(): void {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>('details.sent:not([open])')];
      for (const d of opened) d.open = true;
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
}
