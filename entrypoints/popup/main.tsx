import { render } from 'preact';
import { i18n } from '#i18n';
import { App } from '@/src/ui/popup/App';
import { uiLocale } from '@/src/ui/locale';
import '@/src/ui/popup/popup.css';

document.documentElement.lang = uiLocale();
document.title = i18n.t('extName');
render(<App />, document.getElementById('app')!);
