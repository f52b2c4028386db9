/** Saves `text` as a file through a Blob URL and an `<a download>` click: no downloads permission needed. */
export function downloadText(fileName: string, text: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the Blob after the click handler returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
