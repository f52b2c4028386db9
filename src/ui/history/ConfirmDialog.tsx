import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { failureText } from './texts';

export interface ConfirmRequest {
  title: string;
  body: string;
  /** Runs the deletion; a thrown error is shown in the dialog, which stays open. */
  confirm: () => Promise<void>;
  /** Where focus goes after the dialog closes: `done` tells whether the deletion ran. */
  returnFocus: (done: boolean) => HTMLElement | null;
}

/**
 * A modal confirmation on a native `<dialog>` (showModal: focus trapped, Escape cancels, the rest of the
 * page inert). Focus starts on Cancel, the safe choice, and goes back to where it came from.
 */
export function ConfirmDialog({ request, onClosed }: { request: ConfirmRequest | null; onClosed: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const doneRef = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog || !request) return;
    doneRef.current = false;
    setError(null);
    setBusy(false);
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
  }, [request]);

  const handleClose = () => {
    const target = request?.returnFocus(doneRef.current) ?? null;
    onClosed();
    // After the page re-rendered without the deleted record.
    setTimeout(() => target?.focus(), 0);
  };

  const confirm = async () => {
    if (!request || busy) return;
    setBusy(true);
    setError(null);
    try {
      await request.confirm();
      doneRef.current = true;
      dialogRef.current?.close();
    } catch (e) {
      setError(failureText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      class="confirm"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onClose={handleClose}
      onCancel={(event) => {
        if (busy) event.preventDefault();
      }}
    >
      {request && (
        <>
          <h2 id="confirm-title">{request.title}</h2>
          <p id="confirm-body">{request.body}</p>
          <p role="alert" class="error-text">
            {error}
          </p>
          <div class="dialog-actions">
            <button
              ref={cancelRef}
              type="button"
              class="button"
              onClick={() => dialogRef.current?.close()}
              disabled={busy}
            >
              {i18n.t('history_cancel')}
            </button>
            <button type="button" class="button danger" onClick={confirm} disabled={busy} aria-busy={busy}>
              {i18n.t('history_dialog_delete')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
