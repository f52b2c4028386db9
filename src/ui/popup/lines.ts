import { i18n } from '#i18n';
import { PLATFORMS, type Platform } from '../../domain/platform';
import type { Status } from '../../domain/status';
import type { HistoryDoc } from '../../history/schema';
import { accountName, accountSummaries } from '../../history/summary';
import { loggedInAccount } from '../../accounts/reminder';

/*
 * What the popup's first screen says, decided without the DOM: one line per account, and the one-line
 * summaries of the choices behind a click.
 */

export interface AccountLine {
  key: string;
  platform: Platform;
  name: string;
  /** The latest entry's status; null when the account has no objection in the history. */
  status: Status | null;
  /** When that status was reached (ISO), null without an entry. */
  at: string | null;
  /** The browser is logged in to this account now. */
  loggedIn: boolean;
  /** Logged in, without a Submitted or Confirmed objection, and the reminder is on. */
  remind: boolean;
}

/** The login ids read from Meta's cookies when the popup opened; null where nobody is logged in. */
export type LoggedInIds = Record<Platform, string | null>;

/**
 * Every account the history knows, plus the logged-in accounts it does not know yet; Facebook first,
 * then by name (as the history page orders them).
 */
export function accountLines(doc: HistoryDoc, loggedIn: LoggedInIds, reminderOn: boolean): AccountLine[] {
  const unknown = i18n.t('popup_unknownAccount');
  const lines: AccountLine[] = accountSummaries(doc).map((s) => ({
    key: s.account.key,
    platform: s.account.platform,
    name: accountName(s.account, unknown),
    status: s.latestStatus,
    at: s.latestAt,
    loggedIn: false,
    remind: false,
  }));
  for (const platform of PLATFORMS) {
    const current = loggedInAccount(doc, platform, loggedIn[platform]);
    if (!current) continue;
    let line = lines.find((l) => l.key === current.account.key);
    if (!line) {
      line = { key: current.account.key, platform, name: accountName(current.account, unknown), status: null, at: null, loggedIn: false, remind: false };
      lines.push(line);
    }
    line.loggedIn = true;
    line.remind = reminderOn && !current.objected;
  }
  return lines.sort((a, b) =>
    a.platform === b.platform ? a.name.localeCompare(b.name) : a.platform === 'facebook' ? -1 : 1,
  );
}

/** The status word of a line; "Not objected yet" for an account without entry. */
export function statusWord(status: Status | null): string {
  switch (status) {
    case 'confirmed':
      return i18n.t('history_status_confirmed');
    case 'failed':
      return i18n.t('history_status_failed');
    case 'submitted':
      return i18n.t('history_status_submitted');
    default:
      return i18n.t('popup_status_none');
  }
}

export function formatDay(iso: string, locale: string): string {
  return new Date(iso).toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
}

export interface ChoiceSummaryInput {
  reasonCount: number;
  hasOwnWords: boolean;
  /** The preview language's name in the UI language, e.g. "English". */
  previewLanguage: string;
  length: number;
  locale: string;
}

/** "Reasons: 4 · Preview: English · 1,191 characters" */
export function choiceSummary(input: ChoiceSummaryInput): string {
  const count = new Intl.NumberFormat(input.locale).format(input.reasonCount);
  return [
    i18n.t(input.hasOwnWords ? 'popup_summaryReasonsOwnWords' : 'popup_summaryReasons', [count]),
    i18n.t('popup_summaryPreview', [input.previewLanguage]),
    i18n.t('popup_previewLength', [new Intl.NumberFormat(input.locale).format(input.length)]),
  ].join(' · ');
}

export interface ProfileSummaryInput {
  email: string;
  /** The country's name in the UI language, or '' for none chosen. */
  countryName: string;
  reminder: boolean;
}

/** "me@example.org · Austria · Reminder off"; what Meta fills in is said as such. */
export function profileSummary(input: ProfileSummaryInput): string {
  return [
    input.email || i18n.t('popup_summaryNoEmail'),
    input.countryName || i18n.t('popup_summaryNoCountry'),
    i18n.t(input.reminder ? 'popup_summaryReminderOn' : 'popup_summaryReminderOff'),
  ].join(' · ');
}
