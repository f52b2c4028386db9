import { options, render } from 'preact';
import { i18n } from '#i18n';
import { uiLocale } from '@/src/ui/locale';
import { Shell } from '@/src/ui/popup/Shell';
import '@/src/ui/popup/popup.css';

// Preact runs effects after the next frame, or after 35 ms where no frame comes. A popup opened from the
// toolbar is hidden (no frames) until it has loaded, so every read the first screen waits for (settings,
// history, cookies, the tab, the reasons) started 35 ms late, and again after each render that asks for
// more. The popup's effects only start reads and listeners: they run right after the render instead.
options.requestAnimationFrame = (flush) => void setTimeout(flush);

// First paint from this small chunk alone (preact, the texts, the frame); the App and everything it reads
// (settings, history, zod, the reasons) arrive in a second chunk and fill the same frame in. A visible page
// asks for that chunk once the frame is painted (after the next animation frame), so that its evaluation does
// not hold the first paint back. A popup opened from the toolbar is hidden until its page has loaded: it
// gets no frames and asks at once, so that the App is often there before the popup is first shown.
document.documentElement.lang = uiLocale();
document.title = i18n.t('extName');
const root = document.getElementById('app')!;
render(<Shell />, root);
const loadApp = () => void import('@/src/ui/popup/app-chunk').then(({ App }) => render(<App />, root));
if (document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(loadApp));
else loadApp();
