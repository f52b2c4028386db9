import '@/src/zod-jitless';
import { render } from 'preact';
import { HistoryApp } from '@/src/ui/history/HistoryApp';
import '@/src/ui/history/history.css';

render(<HistoryApp />, document.getElementById('app')!);
