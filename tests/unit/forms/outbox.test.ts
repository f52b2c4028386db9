import { describe, expect, it, vi } from 'vitest';
import { ANSWER_TIMEOUT_MS, DELIVERY_ATTEMPTS, Outbox, RETRY_FIRST_MS, type Handoff, type Report } from '@/src/forms/outbox';
import { BackgroundError } from '@/src/messaging/send';
import { ManualClock, settle } from './manual-clock';

describe('Outbox: reports reach the background, in order, also when it hangs', () => {
  it('a send the background never answers (a hung worker) is sent again after the timeout, and later reports follow', async () => {
    const clock = new ManualClock();
    const outbox = new Outbox(clock);
    const hung = new Promise<string>(() => undefined);
    const send = vi.fn<() => Promise<string>>().mockReturnValueOnce(hung).mockResolvedValue('stored');
    const first = outbox.deliver(send);
    const second = outbox.deliver(async () => 'status stored');
    let done = false;
    void first.then(() => (done = true));
    await clock.advance(ANSWER_TIMEOUT_MS - 1);
    expect(done).toBe(false);
    expect(send).toHaveBeenCalledTimes(1);

    await clock.advance(60_000);
    await expect(first).resolves.toBe('stored');
    await expect(second).resolves.toBe('status stored');
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('an answer in time is taken as it is: no second send, no timer left behind', async () => {
    const clock = new ManualClock();
    const send = vi.fn(async () => 'stored');
    await expect(new Outbox(clock).deliver(send)).resolves.toBe('stored');
    await clock.advance(10 * ANSWER_TIMEOUT_MS);
    await settle();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('a refusal with a reason is final at once: not sent again', async () => {
    const clock = new ManualClock();
    const send = vi.fn(async () => Promise.reject(new BackgroundError('storage-full', { code: 'storage-full' })));
    await expect(new Outbox(clock).deliver(send)).rejects.toThrow('storage-full');
    await clock.advance(60_000);
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe('Outbox: a report outlives the page (handed off until acknowledged)', () => {
  const submitted: Report = {
    type: 'submitted',
    submission: {
      id: 'submission-0001',
      ruleId: 'facebook-ai-objection',
      platform: 'facebook',
      formId: '712876720715583',
      url: 'https://www.facebook.com/help/contact/712876720715583',
      lang: 'en',
      email: 'me@example.org',
      reasonIds: [],
      text: 'I object.',
      at: '2025-06-02T09:30:00.000Z',
    },
  };
  const confirmed: Report = { type: 'status', id: 'submission-0001', status: 'confirmed', at: '2025-06-02T09:30:04.000Z' };

  /** A storage that records what the outbox keeps there, in order. */
  function memoryHandoff() {
    const kept = new Map<string, Report>();
    const log: string[] = [];
    const handoff: Handoff = {
      keep: vi.fn(async (key: string, report: Report) => {
        log.push(`keep ${key}`);
        kept.set(key, report);
      }),
      drop: vi.fn(async (key: string) => {
        log.push(`drop ${key}`);
        kept.delete(key);
      }),
    };
    return { kept, log, handoff };
  }

  it('each report is kept before its message leaves, under its own key, and dropped once acknowledged', async () => {
    const clock = new ManualClock();
    const { kept, log, handoff } = memoryHandoff();
    const outbox = new Outbox(clock, handoff);
    const send = vi.fn(async () => {
      log.push('send');
      return 'stored';
    });
    const first = outbox.deliver(send, submitted);
    const second = outbox.deliver(send, confirmed);
    // Both are handed off at once (the page may be gone before the first is acknowledged).
    expect([...kept.keys()]).toEqual(['outbox:submission-0001:submitted', 'outbox:submission-0001:status:confirmed']);
    expect(kept.get('outbox:submission-0001:status:confirmed')).toEqual(confirmed);
    await expect(first).resolves.toBe('stored');
    await expect(second).resolves.toBe('stored');
    await settle();
    expect(log.indexOf('keep outbox:submission-0001:submitted')).toBeLessThan(log.indexOf('send'));
    expect(kept.size).toBe(0);
  });

  it('a report not yet acknowledged stays handed off while it is retried, and after it is given up', async () => {
    const clock = new ManualClock();
    const { kept, handoff } = memoryHandoff();
    const send = vi.fn(async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    const delivered = new Outbox(clock, handoff).deliver(send, confirmed);
    delivered.catch(() => undefined);
    await clock.advance(RETRY_FIRST_MS);
    expect(send).toHaveBeenCalledTimes(2);
    expect(kept.has('outbox:submission-0001:status:confirmed')).toBe(true);
    await clock.advance(120_000);
    await expect(delivered).rejects.toThrow('Could not establish connection');
    expect(send).toHaveBeenCalledTimes(DELIVERY_ATTEMPTS);
    // The background applies it when it runs again.
    expect(kept.has('outbox:submission-0001:status:confirmed')).toBe(true);
    expect(handoff.drop).not.toHaveBeenCalled();
  });

  it('a refusal is final: the report is taken back too (the background would refuse it again)', async () => {
    const clock = new ManualClock();
    const { kept, handoff } = memoryHandoff();
    const delivered = new Outbox(clock, handoff).deliver(async () => Promise.reject(new BackgroundError('storage-full', { code: 'storage-full' })), submitted);
    await expect(delivered).rejects.toThrow('storage-full');
    await settle();
    expect(kept.size).toBe(0);
  });

  it('Objector reloaded (this engine cut off): the report stays for the new background', async () => {
    const clock = new ManualClock();
    const { kept, handoff } = memoryHandoff();
    const delivered = new Outbox(clock, handoff).deliver(async () => Promise.reject(new Error('Extension context invalidated.')), confirmed);
    await expect(delivered).rejects.toThrow('invalidated');
    await settle();
    expect(kept.size).toBe(1);
  });

  it('a handoff that cannot be written (storage full) does not hold back the message', async () => {
    const clock = new ManualClock();
    const handoff: Handoff = { keep: vi.fn(async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'))), drop: vi.fn(async () => undefined) };
    const send = vi.fn(async () => 'stored');
    await expect(new Outbox(clock, handoff).deliver(send, submitted)).resolves.toBe('stored');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('the message leaves in the same task as the Send (a form that posts unloads the page right after)', async () => {
    const clock = new ManualClock();
    const handoff: Handoff = { keep: () => new Promise<void>(() => undefined), drop: vi.fn(async () => undefined) };
    const send = vi.fn(async () => 'stored');
    void new Outbox(clock, handoff).deliver(send, submitted);
    await Promise.resolve();
    await Promise.resolve();
    expect(send).toHaveBeenCalledTimes(1);
  });
});
