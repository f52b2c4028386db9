import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { AccountSummary } from '@/src/history/summary';
import { domId, formatDateTime, proofHref } from './format';
import { EntryItem, type EntryActions } from './EntryItem';
import { StatusBadge } from './StatusBadge';
import { displayName } from './texts';

export interface AccountActions extends EntryActions {
  /** Resolves to whether the change was made (failures are shown by the page). */
  label: (accountKey: string, label: string) => Promise<boolean>;
  deleteAccount: (summary: AccountSummary, opener: HTMLElement) => void;
}

/** Entries rendered at a time: a history of thousands of entries renders them on demand. */
export const ENTRIES_PAGE = 20;

/** The heading id of an account's card, for focus after a deletion. */
export const accountHeadingId = (key: string): string => domId('account', key);

/** One account: its name, latest status, the actions on it, and its submissions, newest first. */
export function AccountCard({
  summary,
  locale,
  actions,
  startCollapsed = false,
}: {
  summary: AccountSummary;
  locale?: string;
  actions: AccountActions;
  /** Show only the account's header until the user opens its submissions (large histories). */
  startCollapsed?: boolean;
}) {
  const { account, entries, latestStatus, latestAt } = summary;
  const headingId = accountHeadingId(account.key);
  const inputId = domId('label', account.key);
  const listId = domId('entries', account.key);
  const [expanded, setExpanded] = useState(!startCollapsed);
  const [shown, setShown] = useState(ENTRIES_PAGE);
  const [label, setLabel] = useState(account.label ?? '');
  const [busy, setBusy] = useState(false);

  // Follow changes made elsewhere (another tab, an import), and only those: the first run of this effect
  // can come after the user already typed, and must not wipe it.
  const storedLabel = useRef(account.label);
  useEffect(() => {
    if (storedLabel.current === account.label) return;
    storedLabel.current = account.label;
    setLabel(account.label ?? '');
  }, [account.label]);

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    await actions.label(account.key, label);
    setBusy(false);
  };

  const name = displayName(account);
  return (
    <section class="account" aria-labelledby={headingId}>
      <header class="account-header">
        <h3 id={headingId} tabIndex={-1}>
          {name}
        </h3>
        <p class="account-meta">
          {account.label && account.accountId && (
            <span class="muted">{i18n.t('history_account_id', [account.accountId])} · </span>
          )}
          <span class="muted">{i18n.t('history_account_submissions', entries.length, [String(entries.length)])}</span>
        </p>
        {latestStatus && latestAt && (
          <p class="latest">
            <span class="muted">{i18n.t('history_account_latest')}</span> <StatusBadge status={latestStatus} />{' '}
            <time dateTime={latestAt}>{formatDateTime(latestAt, { locale })}</time>
          </p>
        )}
      </header>

      <div class="account-actions no-print">
        <form class="inline-form" onSubmit={save}>
          <label for={inputId}>{i18n.t('history_label_input')}</label>
          <input
            id={inputId}
            type="text"
            value={label}
            maxLength={80}
            placeholder={i18n.t('history_label_placeholder')}
            onInput={(e) => setLabel(e.currentTarget.value)}
          />
          <button type="submit" class="button" disabled={busy}>
            {i18n.t('history_label_save')}
          </button>
        </form>
        <div class="button-row push-end">
          <a class="button" href={proofHref(account.key)} target="_blank" rel="noopener">
            {i18n.t('history_printProof')}
          </a>
          <button
            type="button"
            class="button danger-outline"
            onClick={(e) => actions.deleteAccount(summary, e.currentTarget)}
          >
            {i18n.t('history_deleteAccount')}
          </button>
        </div>
      </div>

      {entries.length === 0 ? (
        <p class="muted">{i18n.t('history_account_noEntries')}</p>
      ) : (
        <>
          {startCollapsed && (
            <button
              type="button"
              class="button entries-toggle no-print"
              aria-expanded={expanded}
              aria-controls={listId}
              onClick={() => setExpanded(!expanded)}
            >
              {expanded ? i18n.t('history_account_hideEntries') : i18n.t('history_account_showEntries')}
            </button>
          )}
          {expanded && (
            <ol class="entries" id={listId}>
              {entries.slice(0, shown).map((entry) => (
                <EntryItem key={entry.id} entry={entry} locale={locale} actions={actions} />
              ))}
            </ol>
          )}
          {expanded && entries.length > shown && (
            <button type="button" class="button show-more no-print" onClick={() => setShown(shown + ENTRIES_PAGE)}>
              {i18n.t('history_account_showMore', Math.min(ENTRIES_PAGE, entries.length - shown), [
                String(Math.min(ENTRIES_PAGE, entries.length - shown)),
              ])}
            </button>
          )}
        </>
      )}
    </section>
  );
}
