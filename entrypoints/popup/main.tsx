import '@/src/zod-jitless';
import { render } from 'preact';
import { i18n } from '#i18n';
import { App } from '@/src/ui/popup/App';
import '@/src/ui/popup/popup.css';

document.documentElement.lang = i18n.t('@@ui_locale').replace('_', '-');
document.title = i18n.t('extName');
render(<App />, document.getElementById('app')!);
