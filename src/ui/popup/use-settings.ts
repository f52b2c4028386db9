import { useEffect, useRef, useState } from 'preact/hooks';
import { loadSettings, saveSettings, type Settings } from '../../settings/settings';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** The user's settings: loaded once, saved shortly after each change. */
export function useSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [recovered, setRecovered] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    void loadSettings().then((loaded) => {
      setSettings(loaded.settings);
      setRecovered(loaded.recovered);
      if (loaded.recovered) void saveSettings(loaded.settings);
    });
  }, []);

  const update = (change: Partial<Settings>, persist = true) => {
    setSettings((current) => {
      if (!current) return current;
      const next = { ...current, ...change };
      if (persist) {
        clearTimeout(timer.current);
        setSaveState('saving');
        timer.current = setTimeout(() => {
          saveSettings(next).then(
            () => setSaveState('saved'),
            () => setSaveState('error'),
          );
        }, 250);
      }
      return next;
    });
  };

  return { settings, recovered, saveState, update };
}
