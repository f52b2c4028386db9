import { i18n } from '#i18n';
import { accountName } from '@/src/history/summary';
import type { Account } from '@/src/history/schema';
import type { Platform } from '@/src/domain/platform';
import type { Status } from '@/src/domain/status';
import { BackgroundError } from '@/src/messaging/send';
import { problemSchema, type Problem } from '@/src/history/errors';

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

/** A sentence for a problem the background or the import check reported (history/errors.ts). */
export function problemText(problem: Problem): string {
  switch (problem.code) {
    case 'import-not-json':
      return i18n.t('history_import_notJson');
    case 'import-foreign':
      return i18n.t('history_import_foreign');
    case 'import-newer-version':
      return i18n.t('history_problem_importNewer', [String(problem.version)]);
    case 'import-invalid':
      return i18n.t('history_import_invalid', [problem.path || '–']);
    case 'import-orphan-entry':
      return i18n.t('history_problem_importOrphan', [problem.entryId]);
    case 'import-too-large':
      return i18n.t('history_import_tooLarge');
    case 'storage-full':
      return i18n.t('history_problem_storageFull');
    case 'storage-failed':
      return i18n.t('history_problem_storageFailed', [problem.detail]);
    case 'storage-newer-version':
      return i18n.t('history_problem_storageNewer');
    case 'no-such-entry':
      return i18n.t('history_problem_noSuchEntry');
    case 'no-such-account':
      return i18n.t('history_problem_noSuchAccount');
    case 'sender-refused':
      return i18n.t('history_problem_refused');
    case 'invalid-message':
      return i18n.t('history_problem_invalid');
  }
}

/** A sentence for anything a change threw: the background's coded problem, else its English message. */
export function failureText(error: unknown): string {
  const problem = problemSchema.safeParse(error instanceof BackgroundError ? error.problem : undefined);
  if (problem.success) return problemText(problem.data);
  return i18n.t('history_actionFailed', [error instanceof Error ? error.message : String(error)]);
}
