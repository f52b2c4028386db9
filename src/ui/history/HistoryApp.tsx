import { useEffect, useMemo } from 'preact/hooks';
import { i18n } from '#i18n';
import { HistoryPage } from './HistoryPage';
import { ProofPage } from './ProofPage';
import { readPageMode } from './format';
import { uiLocale } from '../locale';

/**
 * objections.html: the submission history, or with `?proof=<accountKey>[&noprint=1]` the printable proof of
 * one account. `search` defaults to the page's own query string.
 */
export function HistoryApp({ search }: { search?: string }) {
  const mode = useMemo(() => readPageMode(search ?? window.location.search), [search]);

  useEffect(() => {
    const lang = uiLocale();
    if (lang) document.documentElement.lang = lang;
    document.title = mode.kind === 'proof' ? i18n.t('history_proof_title') : i18n.t('history_title');
  }, [mode.kind]);

  return mode.kind === 'proof' ? (
    <ProofPage accountKey={mode.accountKey} autoPrint={mode.autoPrint} />
  ) : (
    <HistoryPage />
  );
}
