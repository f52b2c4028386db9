import { describe, expect, it, vi } from 'vitest';
import { handleTabMessage } from '@/src/messaging/receive';
import { handleMessage } from '@/src/messaging/handle';

const answers = () => ({
  probe: vi.fn(() => ({ onForm: true, ruleId: 'facebook-ai-objection', platform: 'facebook' as const })),
  autofill: vi.fn(async () => ({ ok: true, message: 'Filled.' })),
});

describe('the content script takes only the messages of its table', () => {
  it('probe and autofill reach their own handler', async () => {
    const handlers = answers();
    expect(await handleTabMessage({ type: 'probe' }, handlers)).toEqual({ onForm: true, ruleId: 'facebook-ai-objection', platform: 'facebook' });
    expect(handlers.autofill).not.toHaveBeenCalled();
    expect(await handleTabMessage({ type: 'autofill' }, handlers)).toEqual({ ok: true, message: 'Filled.' });
  });

  it.each([
    ['an unknown type', { type: 'fill-everything' }],
    ['a type from the prototype', { type: '__proto__' }],
    ['a type that is not a string', { type: 1 }],
    ['no type', {}],
    ['not an object', 'autofill'],
    ['nothing', undefined],
  ])('%s: no answer, nothing runs (Autofill least of all)', (_name, message) => {
    const handlers = answers();
    expect(handleTabMessage(message, handlers)).toBeUndefined();
    expect(handlers.autofill).not.toHaveBeenCalled();
    expect(handlers.probe).not.toHaveBeenCalled();
  });
});

describe('the background takes only the messages of its table', () => {
  it.each([['__proto__'], ['toString'], ['constructor'], ['hasOwnProperty']])('type %j → {error}', async (type) => {
    expect(await handleMessage({ type }, { tab: { id: 1 } })).toEqual({ error: 'Invalid message' });
  });
});
