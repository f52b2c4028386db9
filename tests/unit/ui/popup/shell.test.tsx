// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { Shell } from '@/src/ui/popup/Shell';
import { installEnglish } from '../history/setup';

let root: HTMLDivElement;

beforeEach(() => {
  installEnglish();
  document.body.innerHTML = '';
  root = document.createElement('div');
  document.body.append(root);
});

describe('the popup before its content is read', () => {
  it('shows its own frame: the title, "Loading…" where the tab\'s section comes, the two choices by name', () => {
    render(<Shell />, root);
    expect(root.querySelector('h1')?.textContent).toBe('Objector');
    expect(root.querySelector('main')?.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('.tab-pending')?.textContent).toBe('Loading…');
    expect([...root.querySelectorAll('summary .summary-title')].map((e) => e.textContent)).toEqual(['Reasons and text', 'Your details']);
    expect(root.querySelector('footer')?.textContent).toBe('Open history');
  });

  it('offers nothing that does not work yet: the choices and the history button are inert until the App replaces them', () => {
    render(<Shell />, root);
    const controls = [...root.querySelectorAll('summary, button, a, input, select, textarea')];
    expect(controls.length).toBeGreaterThan(0);
    for (const control of controls) expect(control.closest('[inert]'), control.outerHTML).not.toBeNull();
  });
});
