// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REVOKE_AFTER_MS, saveProblemReport } from '../../../../src/forms/report';

describe('saveProblemReport', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('clicks a hidden <a download> with a Blob URL of the text, removes it and revokes the URL later', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:https://www.facebook.com/report-1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: Array<{ download: string; href: string; hidden: boolean; inPage: boolean }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href, hidden: this.hidden, inPage: this.isConnected });
    });
    document.body.innerHTML = '<main><p>page</p></main>';

    saveProblemReport(document, { name: 'objector-problem-report-unknown-2026-01-09.json', text: '{"a":1}\n' });

    expect(clicked).toEqual([
      { download: 'objector-problem-report-unknown-2026-01-09.json', href: 'blob:https://www.facebook.com/report-1', hidden: true, inPage: true },
    ]);
    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.type).toBe('application/json');
    expect(await blobs[0]!.text()).toBe('{"a":1}\n');
    expect(document.querySelector('a')).toBeNull();
    expect(document.body.innerHTML).toBe('<main><p>page</p></main>');
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REVOKE_AFTER_MS);
    expect(revoke).toHaveBeenCalledWith('blob:https://www.facebook.com/report-1');
  });

  it('removes the link and still revokes the URL when the click throws', () => {
    vi.useFakeTimers();
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {
      throw new Error('blocked by the page');
    });
    expect(() => saveProblemReport(document, { name: 'r.json', text: '{}' })).toThrow('blocked by the page');
    expect(document.querySelector('a')).toBeNull();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:x');
  });
});
