/**
 * The engine's time: what it reads and what it waits for. Injected, so that tests move time forward
 * instead of waiting for it, and so that no engine timer escapes the clock the engine is given.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `run` once `ms` have passed; the returned function cancels it (harmless once it ran). */
  after(ms: number, run: () => void): Cancel;
}

export type Cancel = () => void;

/** The browser's clock and timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, run) {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  },
};
