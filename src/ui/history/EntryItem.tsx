import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Entry } from '@/src/history/schema';
import { domId, formatDateTime, formatDay, isDay, languageName, localDay } from './format';
import { StatusBadge } from './StatusBadge';
import { statusWord } from './texts';

export interface EntryActions {
  /** Resolves to whether the change was made (failures are shown by the page). */
  markEmail: (entryId: string, day: string | null) => Promise<boolean>;
  deleteEntry: (entry: Entry, opener: HTMLElement) => void;
}

/** One submission: when, what status, to which e-mail, in which language, the exact text, and its log. */
export function EntryItem({ entry, locale, actions }: { entry: Entry; locale?: string; actions: EntryActions }) {
  const headingId = domId('entry', entry.id);
  const dateId = domId('email-date', entry.id);
  const [day, setDay] = useState(() => localDay(new Date()));
  const [dayError, setDayError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const mark = async (event: Event) => {
    event.preventDefault();
    if (!isDay(day)) {
      setDayError(i18n.t('history_entry_chooseDate'));
      return;
    }
    setDayError(null);
    setBusy(true);
    await actions.markEmail(entry.id, day);
    setBusy(false);
  };

  const clear = async () => {
    setBusy(true);
    await actions.markEmail(entry.id, null);
    setBusy(false);
  };

  return (
    <li class="entry" aria-labelledby={headingId}>
      <h4 id={headingId} class="entry-heading">
        <time dateTime={entry.submittedAt}>{formatDateTime(entry.submittedAt, { locale })}</time>{' '}
        <StatusBadge status={entry.status} />
      </h4>
      <dl class="facts">
        <div>
          <dt>{i18n.t('history_entry_email')}</dt>
          <dd class="breakable">{entry.email || i18n.t('history_entry_none')}</dd>
        </div>
        <div>
          <dt>{i18n.t('history_entry_lang')}</dt>
          <dd>{languageName(entry.lang, locale) || i18n.t('history_entry_none')}</dd>
        </div>
        <div>
          <dt>{i18n.t('history_entry_form')}</dt>
          <dd class="breakable url">{entry.url}</dd>
        </div>
        <div>
          <dt>{i18n.t('history_entry_log')}</dt>
          <dd>
            <StatusLog entry={entry} locale={locale} />
          </dd>
        </div>
        <div>
          <dt>{i18n.t('history_entry_emailReceived')}</dt>
          <dd>
            {entry.emailReceivedOn ? (
              <time dateTime={entry.emailReceivedOn}>{formatDay(entry.emailReceivedOn, locale)}</time>
            ) : (
              <span class="muted">{i18n.t('history_entry_emailNotMarked')}</span>
            )}
          </dd>
        </div>
      </dl>

      {entry.text ? (
        <details class="sent">
          <summary>
            {i18n.t('history_entry_text')}{' '}
            <span class="muted">{i18n.t('history_entry_characters', entry.text.length, [String(entry.text.length)])}</span>
          </summary>
          <pre class="sent-text">{entry.text}</pre>
        </details>
      ) : (
        <p class="muted">{i18n.t('history_entry_noText')}</p>
      )}

      <div class="entry-actions no-print">
        {entry.emailReceivedOn ? (
          <button type="button" class="button" onClick={clear} disabled={busy}>
            {i18n.t('history_entry_clearEmail')}
          </button>
        ) : (
          <form class="inline-form" onSubmit={mark}>
            <label for={dateId}>{i18n.t('history_entry_emailDate')}</label>
            <input
              id={dateId}
              type="date"
              value={day}
              max={localDay(new Date())}
              required
              aria-invalid={dayError ? true : undefined}
              aria-describedby={dayError ? `${dateId}-error` : undefined}
              onInput={(e) => setDay(e.currentTarget.value)}
            />
            <button type="submit" class="button" disabled={busy}>
              {i18n.t('history_entry_markEmail')}
            </button>
            {dayError && (
              <span id={`${dateId}-error`} class="error-text">
                {dayError}
              </span>
            )}
          </form>
        )}
        <button
          type="button"
          class="button danger-outline push-end"
          onClick={(e) => actions.deleteEntry(entry, e.currentTarget)}
        >
          {i18n.t('history_deleteEntry')}
        </button>
      </div>
    </li>
  );
}

/** Every status the entry had, with its time, oldest first. */
export function StatusLog({ entry, locale, withZone }: { entry: Entry; locale?: string; withZone?: boolean }) {
  return (
    <ol class="log">
      {entry.statusLog.map((change, i) => (
        <li key={i}>
          <span class="log-status">{statusWord(change.status)}</span>{' '}
          <time dateTime={change.at}>{formatDateTime(change.at, { locale, withZone })}</time>
        </li>
      ))}
    </ol>
  );
}
