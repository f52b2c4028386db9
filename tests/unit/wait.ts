import { vi } from 'vitest';

/**
 * The one way unit tests wait: until `find` returns something (which is returned), re-checked every few
 * milliseconds, failing after `timeout`. Never a fixed sleep; with fake timers installed, `vi.waitFor`
 * advances them itself. Pass a generous timeout only where the condition itself takes long.
 */
export function waitFor<T>(find: () => T | null | undefined | false | 0 | '', timeout = 5000): Promise<T> {
  return vi.waitFor(
    () => {
      const found = find();
      if (!found) throw new Error('waitFor: the condition is not met yet');
      return found;
    },
    { timeout, interval: 5 },
  );
}
