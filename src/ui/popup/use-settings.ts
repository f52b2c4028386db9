import { useEffect, useRef, useState } from 'preact/hooks';
import { loadSettings, saveSettings, type Settings } from '../../settings/settings';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * Typing in the own words would otherwise write `storage.sync` on every key, which has a write quota; a
 * change waits this long for the next one. Whatever waits is written at once when the popup closes or is
 * hidden (`pagehide`, `visibilitychange`), so the last change before closing is never lost.
 */
export const SAVE_DELAY_MS = 250;

/** The user's settings: loaded once; every change shown at once and saved shortly after, or on closing. */
export function useSettings(saveDelayMs = SAVE_DELAY_MS) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [recovered, setRecovered] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  // The latest settings, outside Preact's state: the updater stays pure, and a flush on closing has them.
  const latest = useRef<Settings | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const changes = useRef(0);

  /** Writes the latest settings now if a change waits; "Saved" only once the latest change is stored. */
  const flush = useRef(() => {
    if (timer.current === undefined || !latest.current) return;
    clearTimeout(timer.current);
    timer.current = undefined;
    const written = changes.current;
    saveSettings(latest.current).then(
      () => {
        if (written === changes.current) setSaveState('saved');
      },
      () => setSaveState('error'),
    );
  }).current;

  useEffect(() => {
    let alive = true;
    void loadSettings().then((loaded) => {
      if (!alive) return;
      latest.current = loaded.settings;
      setSettings(loaded.settings);
      setRecovered(loaded.recovered);
      if (loaded.recovered) void saveSettings(loaded.settings);
    });
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      alive = false;
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHidden);
      flush();
    };
  }, []);

  const update = (change: Partial<Settings>) => {
    if (!latest.current) return;
    latest.current = { ...latest.current, ...change };
    changes.current++;
    setSettings(latest.current);
    setSaveState('saving');
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, saveDelayMs);
  };

  return { settings, recovered, saveState, update };
}
