import { i18n } from '#i18n';
import type { ContentTexts } from './report';
import { uiLocale } from './locale';

/** The in-page texts from the extension's locale files, in the browser's language. */
export function contentTexts(): ContentTexts {
  const uiLang = uiLocale();
  const date = (iso: string) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(uiLang, { dateStyle: 'long' });
  };
  return {
    title: i18n.t('control_title'),
    intro: i18n.t('control_intro'),
    introThirdParty: i18n.t('control_introThirdParty'),
    button: i18n.t('control_button'),
    noForm: i18n.t('control_noForm'),
    unrecognised: i18n.t('control_unrecognised'),
    reportButton: i18n.t('control_saveReport'),
    recorded: i18n.t('control_recorded'),
    confirmed: i18n.t('control_confirmed'),
    probablyConfirmed: i18n.t('control_probablyConfirmed'),
    failed: i18n.t('control_failed'),
    // `reason` is the background's problem code when it gave one (history/errors.ts): a full storage gets
    // the user's own words and what to do about it, not the code.
    saveFailed: (reason) => (reason === 'storage-full' ? i18n.t('control_saveFailedFull') : i18n.t('control_saveFailed', [reason])),
    alreadyConfirmed: (iso) => i18n.t('control_alreadyConfirmed', [date(iso)]),
    field: (role) => i18n.t(`field_${role}`),
    filled: (fields) => i18n.t('report_filled', [fields]),
    kept: (fields) => i18n.t('report_kept', [fields]),
    needs: (fields) => i18n.t('report_needs', [fields]),
    review: i18n.t('report_review'),
    dropped: (count) => i18n.t('report_dropped', count, [String(count)]),
    ownWordsDropped: i18n.t('report_ownWordsDropped'),
    countryNotListed: i18n.t('report_countryNotListed'),
    notFound: (fields) => i18n.t('report_notFound', [fields]),
    fieldsMissing: (fields) => i18n.t('report_fieldsMissing', [fields]),
    notAccepted: (fields) => i18n.t('report_notAccepted', [fields]),
    planUnavailable: i18n.t('report_planUnavailable'),
    list: (items) =>
      items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${i18n.t('list_and')} ${items[items.length - 1]}`,
  };
}
