import { describe, expect, it, vi } from 'vitest';
import { ANSWER_TIMEOUT_MS, Outbox } from '@/src/forms/outbox';
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
