// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { Fold } from '@/src/ui/popup/Fold';

let root: HTMLDivElement;
let builds = 0;

beforeEach(() => {
  builds = 0;
  document.body.innerHTML = '';
  root = document.createElement('div');
  document.body.append(root);
});

function Body() {
  builds++;
  const [text, setText] = useState('');
  return <input aria-label="Own words" value={text} onInput={(e) => setText(e.currentTarget.value)} />;
}

const details = () => root.querySelector('details')!;
async function toggle(open: boolean) {
  await act(() => {
    details().open = open;
    details().dispatchEvent(new Event('toggle'));
  });
}

describe('a folded section of the popup', () => {
  it('shows its summary, and builds its body only when it is first opened', async () => {
    render(<Fold testId="choices" title="Reasons and text" line="Reasons: 3">{() => <Body />}</Fold>, root);
    expect(root.querySelector('summary .summary-title')?.textContent).toBe('Reasons and text');
    expect(root.querySelector('[data-testid="choices-summary"]')?.textContent).toBe('Reasons: 3');
    expect(details().dataset.testid).toBe('choices');
    expect(root.querySelector('input')).toBeNull();
    expect(builds).toBe(0);

    await toggle(true);
    expect(root.querySelector('.choices-body input')).not.toBeNull();
  });

  it('keeps what was typed when it is closed and opened again', async () => {
    render(<Fold testId="choices" title="Reasons and text" line="Reasons: 3">{() => <Body />}</Fold>, root);
    await toggle(true);
    const input = root.querySelector('input')!;
    await act(() => {
      input.value = 'my own words';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await toggle(false);
    await toggle(true);
    expect(root.querySelector('input')?.value).toBe('my own words');
    expect(root.querySelector('input')).toBe(input);
  });
});
