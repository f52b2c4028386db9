import type { Cancel, Clock } from '@/src/forms/clock';

/**
 * Lets the work already started run to its end: promise callbacks, mutation observers (microtasks) and
 * happy-dom's animation frames (immediates), a few rounds deep. No time passes, on any clock.
 */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

interface Timer {
  at: number;
  order: number;
  run: () => void;
}

/**
 * The engine's clock in tests: time moves only when the test advances it, and the engine's timers run as
 * it passes them, in order, each followed by the work it starts.
 */
export class ManualClock implements Clock {
  private timers: Timer[] = [];
  private scheduled = 0;

  constructor(private time = Date.parse('2025-06-02T09:30:00.000Z')) {}

  now(): number {
    return this.time;
  }

  after(ms: number, run: () => void): Cancel {
    const timer: Timer = { at: this.time + Math.max(0, ms), order: this.scheduled++, run };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves time forward by `ms`, running on the way every timer that falls due (also ones set meanwhile). */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.run();
    }
    this.time = end;
    await settle();
  }

  /** How many timers are waiting. */
  get waiting(): number {
    return this.timers.length;
  }
}
