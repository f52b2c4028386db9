import { useEffect, useState } from 'preact/hooks';
import { historyItem, setAsideItem, setAsideList } from '@/src/history/persist';
import { readStoredHistory } from '@/src/history/store';
import { emptyHistory, type HistoryDoc } from '@/src/history/schema';

export interface HistoryView {
  loading: boolean;
  doc: HistoryDoc;
  /**
   * Records that could not be read: those the background already set aside, and invalid records still in
   * the stored history (the background sets them aside at its next write). None is ever deleted.
   */
  damaged: unknown[];
  /** Storage could not be read at all. */
  loadError: string | null;
}

const EMPTY: HistoryView = { loading: true, doc: emptyHistory(), damaged: [], loadError: null };

/**
 * The stored history, read-only, kept current with storage. The page never writes storage (not even
 * through `loadHistory`, which moves damaged records): every change is a message to the background. The
 * background validated every record it stored, so the page checks only the document's shape
 * (`readStoredHistory`): a change of thousands of entries costs no second validation here.
 */
export function useHistory(): HistoryView {
  const [view, setView] = useState<HistoryView>(EMPTY);

  useEffect(() => {
    let alive = true;
    let raw: unknown = null;
    let aside: unknown[] = [];
    // A change reported before the first read finished is newer than that read.
    let rawChanged = false;
    let asideChanged = false;
    const show = () => {
      if (!alive) return;
      const { doc, setAside } = readStoredHistory(raw);
      setView({ loading: false, doc, damaged: [...aside, ...setAside], loadError: null });
    };
    const unwatchHistory = historyItem.watch((value) => {
      rawChanged = true;
      raw = value;
      show();
    });
    const unwatchAside = setAsideItem.watch((value) => {
      asideChanged = true;
      aside = setAsideList(value);
      show();
    });
    Promise.all([historyItem.getValue(), setAsideItem.getValue()]).then(
      ([storedHistory, storedAside]) => {
        if (!rawChanged) raw = storedHistory;
        if (!asideChanged) aside = setAsideList(storedAside);
        show();
      },
      (error: unknown) => {
        if (alive) setView({ ...EMPTY, loading: false, loadError: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      alive = false;
      unwatchHistory();
      unwatchAside();
    };
  }, []);

  return view;
}
