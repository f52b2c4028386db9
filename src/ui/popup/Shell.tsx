import { i18n } from '#i18n';

/*
 * What the popup shows before anything is read: its frame and title. main.tsx paints it from the popup's
 * first, small chunk, before the rest (settings, history, zod, the reasons) is loaded and evaluated; the App
 * shows the same frame while its data is on its way, so nothing moves when it fills in.
 */
export function Shell() {
  return (
    <main aria-busy="true">
      <header>
        <h1>{i18n.t('extName')}</h1>
        <p class="save-state" role="status" />
      </header>
      <p class="loading">{i18n.t('popup_loading')}</p>
    </main>
  );
}
