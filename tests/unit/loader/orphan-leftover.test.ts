// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { CONTROL_SHOWN_CSS, removeLeftoverControls } from '@/src/loader/orphan';
import { createControl } from '@/src/ui/control';

/*
 * Firefox leaves the control of an unloaded Objector in the page, its script gone (tests/e2e/firefox/self-stop):
 * only the inserted sheet shows a control, and the next engine removes what an earlier one left.
 */
describe('a control left behind by an unloaded Objector', () => {
  const texts = { title: 'Objector', intro: '', button: 'Autofill objection', reportButton: 'Save a problem report' };
  const selector = CONTROL_SHOWN_CSS.slice(0, CONTROL_SHOWN_CSS.indexOf('{'));

  it('is shown by the inserted sheet only: the sheet selects the control, and the control hides itself without it', () => {
    const view = createControl(document, texts, vi.fn(), vi.fn());
    document.body.append(view.host);
    expect(view.host.matches(selector)).toBe(true);
    expect(CONTROL_SHOWN_CSS).toMatch(/\{display:block!important\}$/);
    expect(view.host.shadowRoot?.querySelector('style')?.textContent).toMatch(/^:host\{[^}]*display:none;/);
    view.destroy();
  });

  it('is removed, every copy, by the engine that replaces it; the rest of the page is left alone', () => {
    document.body.innerHTML = '<main><form><textarea></textarea></form></main>';
    const form = document.querySelector('form')!;
    const first = createControl(document, texts, vi.fn(), vi.fn());
    const second = createControl(document, texts, vi.fn(), vi.fn());
    form.before(first.host);
    document.body.prepend(second.host);
    removeLeftoverControls(document);
    expect(document.querySelectorAll(selector)).toHaveLength(0);
    expect(document.body.innerHTML).toBe('<main><form><textarea></textarea></form></main>');
    // Nothing left: nothing to do.
    expect(() => removeLeftoverControls(document)).not.toThrow();
  });
});
