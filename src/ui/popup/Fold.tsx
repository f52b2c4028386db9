import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { FoldSummary } from './Shell';

/**
 * One of the popup's folded sections: a `<details>` whose body is built the first time it is opened, then
 * kept (so what the user typed or where the focus was survives closing it). The popup opens with both folds
 * closed; building their bodies (the reasons with their explanations, the language and country lists) took
 * most of the first screen's render while nobody could see them.
 */
export function Fold(props: { testId: string; title: string; line: ComponentChildren; children: () => ComponentChildren }) {
  const [opened, setOpened] = useState(false);
  return (
    <details class="choices" data-testid={props.testId} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <FoldSummary title={props.title} line={props.line} lineTestId={`${props.testId}-summary`} />
      {opened && <div class="choices-body">{props.children()}</div>}
    </details>
  );
}
