import { PLATFORMS, type Platform } from '@/src/domain/platform';
import type { AccountSummary } from '@/src/history/summary';

/*
 * Pure helpers of the history page: dates, file names, the proof view's address, import errors.
 * No DOM and no i18n here, so that each is a plain table test.
 */

const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar day of `date` in the local time zone, as YYYY-MM-DD (what `<input type=date>` uses). */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `objector-history-YYYY-MM-DD.json` / `.csv`, dated by the local day. */
export function exportFileName(kind: 'json' | 'csv', now: Date): string {
  return `objector-history-${localDay(now)}.${kind}`;
}

/** Whether `value` is a real calendar day written as YYYY-MM-DD. */
export function isDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export interface DateOptions {
  locale?: string;
  /** For tests; the reader's own time zone otherwise. */
  timeZone?: string;
  /** Adds the time zone's name ("CEST"): the proof view states it. */
  withZone?: boolean;
}

/** An ISO time as the reader's local date and time, e.g. "3 June 2025, 14:02"; the input itself if unreadable. */
export function formatDateTime(iso: string, options: DateOptions = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const format: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    ...(options.withZone ? { timeZoneName: 'short' } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  };
  return withLocale(options.locale, (locale) => {
    const twelveHour = new Intl.DateTimeFormat(locale, format);
    // "9:30 AM" on a 12-hour clock, "09:30" on a 24-hour one.
    if (twelveHour.resolvedOptions().hour12) return twelveHour.format(date);
    return new Intl.DateTimeFormat(locale, { ...format, hour: '2-digit' }).format(date);
  });
}

/** A YYYY-MM-DD day as a date, e.g. "4 June 2025", independent of the time zone; the input itself if invalid. */
export function formatDay(day: string, locale?: string): string {
  if (!isDay(day)) return day;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(year, month - 1, date));
  return withLocale(locale, (l) =>
    new Intl.DateTimeFormat(l, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(utc),
  );
}

/** A form's language code ("de", "pt_BR") as a name in the reader's language, with the code: "German (de)". */
export function languageName(code: string, locale?: string): string {
  const tag = code.trim().replace(/_/g, '-');
  if (!tag) return '';
  try {
    const name = new Intl.DisplayNames(locale ? [locale] : undefined, { type: 'language' }).of(tag);
    return name && name.toLowerCase() !== tag.toLowerCase() ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

function withLocale(locale: string | undefined, format: (locale: string | undefined) => string): string {
  try {
    return format(locale);
  } catch {
    return format(undefined); // an unknown locale tag: the browser's default
  }
}

/** The page shows either the whole history or the printable proof of one account. */
export type PageMode = { kind: 'list' } | { kind: 'proof'; accountKey: string; autoPrint: boolean };

/** Address of the proof view of one account, relative to objections.html. */
export function proofHref(accountKey: string, noPrint = false): string {
  return `objections.html?proof=${encodeURIComponent(accountKey)}${noPrint ? '&noprint=1' : ''}`;
}

/** Reads `?proof=<accountKey>[&noprint=1]` from a page address's query string. */
export function readPageMode(search: string): PageMode {
  const params = new URLSearchParams(search);
  const accountKey = params.get('proof');
  if (accountKey === null) return { kind: 'list' };
  return { kind: 'proof', accountKey, autoPrint: params.get('noprint') !== '1' };
}

export type ImportProblem =
  | { kind: 'not-json' }
  | { kind: 'foreign' }
  | { kind: 'invalid'; detail: string }
  | { kind: 'other'; detail: string };

/** The error codes of `parseImport` ('not-json', 'foreign', 'invalid: …'); anything else is passed on. */
export function describeImportError(code: string): ImportProblem {
  if (code === 'not-json') return { kind: 'not-json' };
  if (code === 'foreign') return { kind: 'foreign' };
  const invalid = /^invalid:\s*(.*)$/s.exec(code);
  if (invalid) return { kind: 'invalid', detail: invalid[1]!.trim() };
  return { kind: 'other', detail: code };
}

export interface PlatformGroup {
  platform: Platform;
  accounts: AccountSummary[];
}

/** Account summaries (already sorted) grouped by platform, Facebook first; platforms without accounts left out. */
export function groupByPlatform(summaries: AccountSummary[]): PlatformGroup[] {
  return PLATFORMS
    .map((platform) => ({ platform, accounts: summaries.filter((s) => s.account.platform === platform) }))
    .filter((group) => group.accounts.length > 0);
}

/** A DOM id made from any key (account keys hold ':' and '@'; ids must not hold spaces). */
export function domId(prefix: string, key: string): string {
  return `${prefix}-${encodeURIComponent(key)}`;
}
