import { useEffect, useState } from 'preact/hooks';
import { setAsideItem, setAsideList } from '@/src/history/persist';
import { watchStoredHistory } from '@/src/history/watch';
import type { ReadResult } from '@/src/history/store';
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
    let read: ReadResult | null = null;
    let aside: unknown[] | null = null;
    // A change reported before the first read finished is newer than that read.
    let asideChanged = false;
    const show = () => {
      if (!alive || !read || !aside) return;
      setView({ loading: false, doc: read.doc, damaged: [...aside, ...read.setAside], loadError: null });
    };
    const fail = (error: unknown) => {
      if (alive) setView({ ...EMPTY, loading: false, loadError: error instanceof Error ? error.message : String(error) });
    };
    const unwatchHistory = watchStoredHistory((result) => {
      read = result;
      show();
    }, fail);
    const unwatchAside = setAsideItem.watch((value) => {
      asideChanged = true;
      aside = setAsideList(value);
      show();
    });
    setAsideItem.getValue().then((stored) => {
      if (!asideChanged) aside = setAsideList(stored);
      show();
    }, fail);
    return () => {
      alive = false;
      unwatchHistory();
      unwatchAside();
    };
  }, []);

  return view;
}
