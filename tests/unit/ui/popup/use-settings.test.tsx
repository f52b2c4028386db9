// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useSettings } from '@/src/ui/popup/use-settings';
import { loadSettings, saveSettings, type Settings } from '@/src/settings/settings';
import { waitFor } from '../../wait';

const SAVED: Settings = { reasonIds: ['no-consent'], ownWords: 'Saved words.', email: 'me@example.org', country: 'NL', reminder: true };
/** Longer than any test: a save that happens did not wait for the delay. */
const NEVER = 10 * 60 * 1000;

let root: HTMLDivElement;
let hook: ReturnType<typeof useSettings>;

function Probe({ delay }: { delay: number }) {
  hook = useSettings(delay);
  return null;
}

async function mount(delay = NEVER) {
  render(<Probe delay={delay} />, root);
  await waitFor(() => hook.settings);
}
const stored = async () => (await loadSettings()).settings;

beforeEach(async () => {
  fakeBrowser.reset();
  await saveSettings(SAVED);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

describe('useSettings', () => {
  it('shows a change at once and stores it after the delay', async () => {
    await mount(10);
    act(() => hook.update({ ownWords: 'New words.' }));
    expect(hook.settings?.ownWords).toBe('New words.');
    expect(hook.saveState).toBe('saving');
    await waitFor(() => hook.saveState === 'saved');
    expect(await stored()).toEqual({ ...SAVED, ownWords: 'New words.' });
  });

  it('closing the popup (pagehide) stores the last change without waiting', async () => {
    await mount();
    act(() => hook.update({ email: 'other@example.org' }));
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(async () => (await stored()).email === 'other@example.org');
  });

  it('a hidden popup (visibilitychange) stores the last change without waiting', async () => {
    await mount();
    act(() => hook.update({ country: 'AT' }));
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await waitFor(async () => (await stored()).country === 'AT');
  });

  it('unmounting stores what waits', async () => {
    await mount();
    act(() => hook.update({ reasonIds: ['safety'] }));
    render(null, root);
    await waitFor(async () => (await stored()).reasonIds.join() === 'safety');
  });

  it('a burst of changes is one write, of the last value, and "saved" comes only after it', async () => {
    await mount();
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    act(() => {
      for (const words of ['a', 'ab', 'abc']) hook.update({ ownWords: words });
    });
    expect(set).not.toHaveBeenCalled();
    expect(hook.saveState).toBe('saving');
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(() => hook.saveState === 'saved');
    expect(set).toHaveBeenCalledTimes(1);
    expect((await stored()).ownWords).toBe('abc');
  });

  it('nothing waits, nothing is written on closing', async () => {
    await mount();
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    window.dispatchEvent(new Event('pagehide'));
    render(null, root);
    expect(set).not.toHaveBeenCalled();
  });

  it('a value the schema refuses is not stored and says "error", never "saved"', async () => {
    await mount();
    act(() => hook.update({ email: 'not-an-address' }));
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(() => hook.saveState === 'error');
    expect(await stored()).toEqual(SAVED);
  });
});
