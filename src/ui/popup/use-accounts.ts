import { useEffect, useState } from 'preact/hooks';
import { watchStoredHistory } from '../../history/watch';
import { emptyHistory } from '../../history/schema';
import type { HistoryDoc } from '../../history/schema';
import { identifyAccount } from '../../accounts/identify';
import type { LoggedInIds } from './lines';

const NOBODY: LoggedInIds = { facebook: null, instagram: null };

/**
 * The history (kept current while the popup is open) and the accounts the browser is logged in to, read
 * from Meta's cookies once when the popup opens. Null until both are known.
 */
export function useAccounts(): { doc: HistoryDoc; loggedIn: LoggedInIds } | null {
  const [doc, setDoc] = useState<HistoryDoc | null>(null);
  const [loggedIn, setLoggedIn] = useState<LoggedInIds | null>(null);
  useEffect(() => {
    return watchStoredHistory(
      (result) => setDoc(result.doc),
      () => setDoc(emptyHistory()),
    );
  }, []);
  useEffect(() => {
    Promise.all([identifyAccount('facebook'), identifyAccount('instagram')]).then(
      ([facebook, instagram]) => setLoggedIn({ facebook, instagram }),
      () => setLoggedIn(NOBODY),
    );
  }, []);
  return doc && loggedIn ? { doc, loggedIn } : null;
}
