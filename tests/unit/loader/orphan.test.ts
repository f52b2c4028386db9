import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIFE_CHECK_MS, watchExtensionLife, type ExtensionRuntime } from '@/src/loader/orphan';

/** A runtime like Chrome's: an id that disappears when the extension is reloaded, updated, disabled or removed. */
const fakeRuntime = () => ({ id: 'objector' as string | undefined });

describe('an engine whose extension went away stops itself', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('at its next action: alive until the extension is gone, then stopped once and for good', () => {
    const runtime = fakeRuntime();
    const onOrphaned = vi.fn();
    const life = watchExtensionLife(() => runtime, onOrphaned);
    expect(life.alive()).toBe(true);
    runtime.id = undefined;
    expect(life.alive()).toBe(false);
    expect(life.alive()).toBe(false);
    // An id that comes back (it does not in browsers) does not revive a stopped engine.
    runtime.id = 'objector';
    expect(life.alive()).toBe(false);
    expect(onOrphaned).toHaveBeenCalledTimes(1);
  });

  it('by itself within a second while a form is open, with nobody touching the page', () => {
    const runtime = fakeRuntime();
    const onOrphaned = vi.fn();
    const life = watchExtensionLife(() => runtime, onOrphaned);
    life.watchWhile(true);
    life.watchWhile(true); // one timer, not two
    vi.advanceTimersByTime(5 * LIFE_CHECK_MS);
    expect(onOrphaned).not.toHaveBeenCalled();
    runtime.id = undefined;
    vi.advanceTimersByTime(LIFE_CHECK_MS);
    expect(onOrphaned).toHaveBeenCalledTimes(1);
    // Stopped: no timer left behind.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('runs no timer on pages that are not forms', () => {
    const runtime = fakeRuntime();
    const onOrphaned = vi.fn();
    const life = watchExtensionLife(() => runtime, onOrphaned);
    life.watchWhile(true);
    life.watchWhile(false);
    expect(vi.getTimerCount()).toBe(0);
    runtime.id = undefined;
    vi.advanceTimersByTime(10 * LIFE_CHECK_MS);
    expect(onOrphaned).not.toHaveBeenCalled();
    expect(life.alive()).toBe(false);
    expect(onOrphaned).toHaveBeenCalledTimes(1);
  });

  it('treats an API that is gone, or throws when read, as an extension that is gone', () => {
    const onGone = vi.fn();
    expect(watchExtensionLife(() => undefined, onGone).alive()).toBe(false);
    const throwing: ExtensionRuntime = {
      get id(): string {
        throw new Error('Extension context invalidated.');
      },
    };
    const onThrow = vi.fn();
    expect(watchExtensionLife(() => throwing, onThrow).alive()).toBe(false);
    expect(onGone).toHaveBeenCalledTimes(1);
    expect(onThrow).toHaveBeenCalledTimes(1);
  });
});
