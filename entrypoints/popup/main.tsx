import { render } from 'preact';
import { i18n } from '#i18n';
import { uiLocale } from '@/src/ui/locale';
import { Shell } from '@/src/ui/popup/Shell';
import '@/src/ui/popup/popup.css';

// First paint from this small chunk alone (preact, the texts, the frame); the App and everything it reads
// (settings, history, zod, the reasons) arrive in a second chunk and fill the same frame in. That chunk is
// asked for once the frame is painted (after the next animation frame), so that its evaluation does not
// hold the first paint back; a hidden page gets no animation frames and asks at once.
document.documentElement.lang = uiLocale();
document.title = i18n.t('extName');
const root = document.getElementById('app')!;
render(<Shell />, root);
const loadApp = () => void import('@/src/ui/popup/app-chunk').then(({ App }) => render(<App />, root));
if (document.visibilityState === 'visible') requestAnimationFrame(() => setTimeout(loadApp));
else loadApp();
