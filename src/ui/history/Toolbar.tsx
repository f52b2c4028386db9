import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { csvDelimiterFor, toCsv, toExportFile } from '@/src/history/exchange';
import type { ImportPreviewAnswer } from '@/src/messaging/answers';
import type { HistoryDoc } from '@/src/history/schema';
import { previewImportFile, sendImport } from './actions';
import { MAX_IMPORT_CHARS } from '@/src/messaging/protocol';
import { downloadText } from './download';
import { exportFileName } from './format';
import { failureText } from './texts';
import { uiLocale } from '../locale';

export interface Notify {
  error: (text: string) => void;
  info: (text: string) => void;
  clear: () => void;
}


interface PendingImport {
  fileName: string;
  text: string;
  summary: ImportPreviewAnswer;
}

/** Export (JSON, CSV) and import with a preview; nothing is sent before the user agrees to the preview. */
export function Toolbar({ doc, notify }: { doc: HistoryDoc; notify: Notify }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [busy, setBusy] = useState(false);
  const hasData = doc.entries.length > 0 || doc.accounts.size > 0;

  useEffect(() => {
    if (pending) previewRef.current?.focus();
  }, [pending]);

  const exportJson = () =>
    downloadText(
      exportFileName('json', new Date()),
      JSON.stringify(toExportFile(doc, new Date()), null, 2),
      'application/json',
    );
  const exportCsv = () =>
    downloadText(exportFileName('csv', new Date()), toCsv(doc, csvDelimiterFor(uiLocale())), 'text/csv;charset=utf-8');

  const chooseFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setPending(null);
    notify.clear();
    try {
      if (file.size > MAX_IMPORT_CHARS * 4) {
        notify.error(i18n.t('history_import_tooLarge'));
        return;
      }
      const text = await file.text();
      if (text.length > MAX_IMPORT_CHARS) {
        notify.error(i18n.t('history_import_tooLarge'));
        return;
      }
      let summary: ImportPreviewAnswer;
      try {
        // The background checks the file completely, once, and compares it with the history it stores.
        summary = await previewImportFile(text);
      } catch (e) {
        notify.error(failureText(e));
        return;
      }
      setPending({ fileName: file.name, text, summary });
    } catch (e) {
      notify.error(i18n.t('history_import_unreadable', [e instanceof Error ? e.message : String(e)]));
    } finally {
      input.value = ''; // the same file can be chosen again
    }
  };

  const add = async () => {
    if (!pending || busy) return;
    setBusy(true);
    try {
      const answer = await sendImport(pending.text, pending.summary.checkId);
      setPending(null);
      notify.info(i18n.t('history_import_done', answer.addedEntries, [String(answer.addedEntries)]));
      inputRef.current?.focus();
    } catch (e) {
      notify.error(failureText(e));
    } finally {
      setBusy(false);
    }
  };

  const cancel = () => {
    setPending(null);
    inputRef.current?.focus();
  };

  const s = pending?.summary;
  return (
    <div class="toolbar-wrap no-print">
      <div class="toolbar">
        {hasData && (
          <>
            <button type="button" class="button" onClick={exportJson}>
              {i18n.t('history_export_json')}
            </button>
            <button type="button" class="button" onClick={exportCsv}>
              {i18n.t('history_export_csv')}
            </button>
          </>
        )}
        <span class="file-button">
          <input
            ref={inputRef}
            id="import-file"
            class="visually-hidden-input"
            type="file"
            accept=".json,application/json"
            onChange={chooseFile}
          />
          <label for="import-file" class="button">
            {i18n.t('history_import')}
          </label>
        </span>
      </div>
      {pending && s && (
        <section class="import-preview" aria-labelledby="import-heading">
          <h2 id="import-heading" tabIndex={-1} ref={previewRef}>
            {i18n.t('history_import_heading', [pending.fileName])}
          </h2>
          <p>
            {i18n.t('history_import_preview', [
              i18n.t('history_import_previewEntries', s.addedEntries, [String(s.addedEntries)]),
              i18n.t('history_import_previewAccounts', s.addedAccounts, [String(s.addedAccounts)]),
              i18n.t('history_import_previewDuplicates', s.duplicates, [String(s.duplicates)]),
            ])}
          </p>
          <p class="muted">{i18n.t('history_import_keeps')}</p>
          <div class="button-row">
            <button type="button" class="button primary" onClick={add} disabled={busy} aria-busy={busy}>
              {i18n.t('history_import_add')}
            </button>
            <button type="button" class="button" onClick={cancel} disabled={busy}>
              {i18n.t('history_cancel')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
