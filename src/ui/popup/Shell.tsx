import type { ComponentChildren } from 'preact';
import { i18n } from '#i18n';

/*
 * What the popup shows before its content is read: the first screen's own frame (title, the first section's
 * place, the two choices with their names, the way to the history), with "Loading…" where the tab's section
 * comes. main.tsx paints it from the popup's first, small chunk, before the rest (settings, history, zod, the
 * reasons) is loaded and evaluated; the App shows the same frame until its data is there, so the content
 * fills in where the frame has its place and the popup (sized to its content) hardly grows. Nothing in it
 * can be used yet: the choices are inert until the App replaces them.
 */
export function Shell() {
  return (
    <main aria-busy="true">
      <header>
        <h1>{i18n.t('extName')}</h1>
        <p class="save-state" role="status" />
      </header>
      <TabPending />
      <details class="choices" inert>
        <FoldSummary title={i18n.t('popup_choicesHeading')} line={'\u00a0'} />
      </details>
      <details class="choices" inert>
        <FoldSummary title={i18n.t('popup_profileHeading')} line={'\u00a0'} />
      </details>
      <footer inert>
        <button type="button" class="link">
          {i18n.t('popup_openHistory')}
        </button>
      </footer>
    </main>
  );
}

/**
 * A folded section's summary: its name and a line that sums up its choices (blank in the frame, until they
 * are read). Here rather than in Fold.tsx so that the frame's chunk does not carry the fold's hooks.
 */
export function FoldSummary(props: { title: string; line: ComponentChildren; lineTestId?: string }) {
  return (
    <summary>
      <span class="summary-title">{props.title}</span>
      <span class="summary-line" data-testid={props.lineTestId}>
        {props.line}
      </span>
    </summary>
  );
}

/** The first section's place while the tab, the accounts and the settings are read. */
export function TabPending() {
  return (
    <div class="card tab-pending" aria-busy="true">
      <p class="hint">{i18n.t('popup_loading')}</p>
    </div>
  );
}
