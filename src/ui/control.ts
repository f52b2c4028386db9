/**
 * The in-page control: a small card mounted in an open shadow root next to Meta's form, so Meta's CSS
 * cannot reach it and its CSS cannot reach Meta. Plain DOM (no framework) to keep the content script small.
 */

export interface ControlTexts {
  title: string;
  intro: string;
  button: string;
  /** "Save a problem report" */
  reportButton: string;
}

export interface ControlView {
  host: HTMLElement;
  setIntro(text: string): void;
  setNotice(text: string | null): void;
  setMessage(text: string, tone: 'info' | 'success' | 'error'): void;
  setBusy(busy: boolean): void;
  /** Hides the button where there is nothing to fill (Meta's answer page). */
  setButtonVisible(visible: boolean): void;
  /** Shows or hides "Save a problem report". */
  setReportVisible(visible: boolean): void;
  /** Places the control right before `anchor` (moving it if it stands elsewhere). */
  placeBefore(anchor: Element): void;
  destroy(): void;
}

export const CONTROL_HOST_ATTRIBUTE = 'data-objector-control';

// Minified by hand (Vite does not minify template strings). `display:none`: only the sheet the background
// inserts shows the host, so that Firefox hides a control left behind when it unloads Objector (src/loader/orphan.ts).
const STYLE = `:host{all:initial;display:none;margin:12px 0;}.card{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c1e21;background:#f0f6ff;border:1px solid #9cc0f5;border-radius:10px;padding:12px 14px;max-width:680px;}h2{font-size:15px;margin:0 0 4px;display:flex;align-items:center;gap:6px;}p{margin:4px 0;}.notice{background:#fff8e1;border:1px solid #f0c36d;border-radius:6px;padding:6px 8px;}button{font:inherit;font-weight:600;color:#fff;background:#0b57d0;border:0;border-radius:6px;padding:8px 14px;margin-top:6px;cursor:pointer;}button:hover{background:#0842a0;}button:focus-visible{outline:3px solid #ffbf47;outline-offset:2px;}button[hidden]{display:none;}button.secondary{color:#0b57d0;background:#fff;border:1px solid #0b57d0;}button.secondary:hover{background:#e8f0fe;}button[disabled]{background:#6b8fd1;cursor:progress;}.message:empty{display:none;}.message{margin-top:8px;white-space:pre-line;}.message.success{color:#0b6b2f;}.message.error{color:#b3261e;font-weight:600;}@media (prefers-color-scheme:dark){.card{background:#1d2733;color:#e4e6eb;border-color:#3a5a85;}.notice{background:#3a3320;border-color:#8a7335;}.message.success{color:#7ddc9c;}.message.error{color:#ffb4ab;}button.secondary{background:transparent;color:#a8c7fa;border-color:#a8c7fa;}}`;

export function createControl(doc: Document, texts: ControlTexts, onAutofill: () => void, onReport: () => void): ControlView {
  const host = doc.createElement('div');
  host.setAttribute(CONTROL_HOST_ATTRIBUTE, '');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const card = doc.createElement('section');
  card.className = 'card';
  card.setAttribute('aria-label', texts.title);
  const heading = doc.createElement('h2');
  heading.textContent = texts.title;
  const intro = doc.createElement('p');
  intro.textContent = texts.intro;
  intro.hidden = texts.intro === '';
  const notice = doc.createElement('p');
  notice.className = 'notice';
  notice.hidden = true;
  const button = doc.createElement('button');
  button.type = 'button';
  button.textContent = texts.button;
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    // The shadow root is open (assistive technology and tests find the button by role and name), so page
    // script can reach the button: only the user's own click or key press fills in their settings.
    if (!event.isTrusted) return;
    onAutofill();
  });
  // A plain button too (no download link in the card): the file is made only when the user asks for it.
  const report = doc.createElement('button');
  report.type = 'button';
  report.className = 'secondary';
  report.textContent = texts.reportButton;
  report.hidden = true;
  report.addEventListener('click', (event) => {
    event.stopPropagation();
    if (!event.isTrusted) return;
    onReport();
  });
  const message = doc.createElement('p');
  message.className = 'message';
  message.setAttribute('role', 'status');
  message.setAttribute('aria-live', 'polite');
  card.append(heading, intro, notice, button, message, report);
  shadow.append(style, card);

  return {
    host,
    setIntro(text) {
      intro.textContent = text;
      intro.hidden = text === '';
    },
    setNotice(text) {
      notice.hidden = text === null;
      notice.textContent = text ?? '';
    },
    setMessage(text, tone) {
      message.className = `message ${tone}`;
      message.textContent = text;
    },
    setBusy(busy) {
      // The name stays the same while busy, so assistive technology keeps finding "Autofill".
      button.disabled = busy;
      button.setAttribute('aria-busy', String(busy));
    },
    setButtonVisible(visible) {
      button.hidden = !visible;
    },
    setReportVisible(visible) {
      report.hidden = !visible;
    },
    placeBefore(anchor) {
      if (host.nextElementSibling !== anchor || !host.isConnected) anchor.before(host);
    },
    destroy() {
      host.remove();
    },
  };
}
