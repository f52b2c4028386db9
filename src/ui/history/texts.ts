import { i18n } from '#i18n';
import { accountName } from '@/src/history/summary';
import type { Account } from '@/src/history/schema';
import type { Platform } from '@/src/domain/platform';
import type { Status } from '@/src/domain/status';
import { describeImportError } from './format';

/** The status word shown in badges: "Submitted", "Confirmed", "Failed" in English. */
export function statusWord(status: Status): string {
  switch (status) {
    case 'submitted':
      return i18n.t('history_status_submitted');
    case 'confirmed':
      return i18n.t('history_status_confirmed');
    case 'failed':
      return i18n.t('history_status_failed');
  }
}

export function statusHelp(status: Status): string {
  switch (status) {
    case 'submitted':
      return i18n.t('history_statusHelp_submitted');
    case 'confirmed':
      return i18n.t('history_statusHelp_confirmed');
    case 'failed':
      return i18n.t('history_statusHelp_failed');
  }
}

export function platformName(platform: Platform): string {
  return platform === 'facebook' ? i18n.t('history_platform_facebook') : i18n.t('history_platform_instagram');
}

export function displayName(account: Account): string {
  return accountName(account, i18n.t('history_unknownAccount'));
}

/** A sentence for an import error code of `parseImport` (also what the background answers). */
export function importErrorText(code: string): string {
  const problem = describeImportError(code);
  switch (problem.kind) {
    case 'not-json':
      return i18n.t('history_import_notJson');
    case 'foreign':
      return i18n.t('history_import_foreign');
    case 'invalid':
      return i18n.t('history_import_invalid', [problem.detail]);
    case 'other':
      return i18n.t('history_actionFailed', [problem.detail]);
  }
}
