// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormRule } from '@/src/forms/rules/schema';
import { formRules } from '@/src/forms/rules/data';
import { formUrls } from '@/src/forms/rules/urls';
import { FormSession, PROBABLY_AFTER_MS, UNRECOGNISED_AFTER_MS, type SessionDeps } from '@/src/forms/session';
import { CONTROL_HOST_ATTRIBUTE } from '@/src/ui/control';
import { controlPresenter } from '@/src/ui/control-presenter';
import * as detect from '@/src/forms/find';
import type { ComposeAnswer, PendingAnswer } from '@/src/messaging/answers';
import { BackgroundError } from '@/src/messaging/send';
import { DELIVERY_ATTEMPTS, RETRY_FIRST_MS, RETRY_MAX_MS, type Handoff } from '@/src/forms/outbox';
import type { ContentTexts } from '@/src/ui/report';
import type { Outcome, Status } from '@/src/domain/status';
import { controlledForm, preQuestionStage, ruleById, serverRenderedEnglishForm, setPageLanguage, thirdPartyForm } from './fixtures';
import { ManualClock, settle } from './manual-clock';

// Detection is spied on (and still runs) to show that a non-form URL costs no detection work.
vi.mock('@/src/forms/find', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/src/forms/find')>();
  return { ...actual, detectObjectionForm: vi.fn(actual.detectObjectionForm) };
});
const detectSpy = vi.mocked(detect.detectObjectionForm);

const FORM_URL = 'https://www.facebook.com/help/contact/712876720715583';
const THIRD_PARTY_URL = 'https://www.facebook.com/help/contact/510058597920541';
const CONFIRMATION_DE =
  'Danke. Wir haben deinen Einspruch erhalten. Das bedeutet, dass deine Anfrage ab jetzt auf die Entwicklung und Verbesserung von KI bei Meta angewendet wird. Du erhältst eine E-Mail mit den Details.';
const TEXT = 'Ich widerspreche gemäß Art. 21 Abs. 1 DSGVO der Verarbeitung meiner Daten für KI bei Meta.';

const texts: ContentTexts = {
  title: 'Objector',
  intro: 'Objector can fill this form for you.',
  introThirdParty: 'Objector can fill your e-mail and country.',
  button: 'Autofill objection',
  noForm: 'No objection form here.',
  unrecognised: 'Objector does not recognise a form on this page.',
  reportButton: 'Save a problem report',
  recorded: 'Submission recorded.',
  confirmed: 'Meta confirmed your objection.',
  probablyConfirmed: 'Probably received: check for Meta\'s e-mail.',
  failed: 'Meta showed an error.',
  saveFailed: (reason) => `Not saved (${reason}); your form was still sent.`,
  alreadyConfirmed: (iso) => `Already confirmed on ${iso}.`,
  field: (role) => role,
  filled: (fields) => `Filled: ${fields}.`,
  kept: (fields) => `Kept: ${fields}.`,
  needs: (fields) => `Still to fill: ${fields}.`,
  review: 'Review and press Send.',
  dropped: (count) => `${count} reasons left out.`,
  ownWordsDropped: 'Your own words were left out.',
  countryNotListed: 'Your country is not listed.',
  notFound: (fields) => `Not found: ${fields}; check before Send.`,
  fieldsMissing: (fields) => `Missing: ${fields}.`,
  notAccepted: (fields) => `Not accepted: ${fields}.`,
  planUnavailable: 'Objector is not available.',
  list: (items) => items.join(', '),
};

function makeDeps(over: Omit<Partial<SessionDeps>, 'clock'> = {}) {
  const composed: ComposeAnswer = {
    text: TEXT,
    lang: 'de',
    reasonIds: ['no-consent', 'irreversible'],
    email: 'me@example.org',
    country: 'NL',
    droppedReasons: 0,
    ownWordsDropped: false,
  };
  let n = 0;
  return {
    rule: vi.fn(async (id: string): Promise<FormRule> => ruleById(formRules, id)),
    compose: vi.fn(async () => composed),
    submitted: vi.fn(async () => undefined),
    // The background acknowledges with the status it stored.
    status: vi.fn(async (_id: string, status: Outcome): Promise<Status> => status),
    pending: vi.fn(async (): Promise<PendingAnswer> => ({ id: null, saveFailed: null })),
    accountStatus: vi.fn(async () => ({ confirmedAt: null as string | null, account: null as string | null })),
    texts,
    clock: new ManualClock(),
    newId: () => `submission-${String(++n).padStart(4, '0')}`,
    userActive: () => true,
    present: controlPresenter(texts),
    saveProblemReport: vi.fn(),
    ...over,
  };
}

const control = () => document.querySelector<HTMLElement>(`[${CONTROL_HOST_ATTRIBUTE}]`);
const controls = () => document.querySelectorAll(`[${CONTROL_HOST_ATTRIBUTE}]`);
const controlButton = () => control()?.shadowRoot?.querySelector('button') ?? null;
const controlText = () => control()?.shadowRoot?.textContent ?? '';

/** Simulates what only the browser can produce: an event the user caused. */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** The user's own click (trusted), as a real click on the control gives. */
function clickTrusted(el: Element): void {
  el.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true })));
}

let session: FormSession | undefined;
function start(deps: SessionDeps, href = FORM_URL): FormSession {
  session = new FormSession(document, formUrls, deps);
  session.onUrl(href);
  return session;
}

beforeEach(() => {
  document.body.innerHTML = '';
  setPageLanguage(null);
  detectSpy.mockClear();
});
afterEach(() => {
  session?.stop();
  session = undefined;
});

describe('FormSession: the Autofill control', () => {
  it('appears when the fields render some time after the URL change', async () => {
    const deps = makeDeps();
    start(deps);
    await settle();
    expect(control()).toBeNull();

    const f = controlledForm('de');
    await settle();
    expect(control()).not.toBeNull();
    const host = control()!;
    expect(host.shadowRoot).not.toBeNull();
    expect(controlButton()?.textContent).toContain('Autofill');
    // Next to (before) the form, so the user sees it with the form.
    expect(host.compareDocumentPosition(f.reason) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(deps.rule).toHaveBeenCalledWith('facebook-ai-objection');
  });

  it('is mounted once, however many mutations follow', async () => {
    start(makeDeps());
    const f = controlledForm('de');
    await settle();
    expect(control()).not.toBeNull();
    for (let i = 0; i < 20; i++) f.root.append(document.createElement('span'));
    await settle();
    expect(controls()).toHaveLength(1);
  });

  it('goes away after in-app navigation to a non-form URL', async () => {
    const s = start(makeDeps());
    controlledForm('de');
    await settle();
    expect(control()).not.toBeNull();
    s.onUrl('https://www.facebook.com/');
    expect(control()).toBeNull();
  });

  it('goes away when the form leaves the page', async () => {
    const f = controlledForm('de');
    start(makeDeps());
    await settle();
    expect(control()).not.toBeNull();
    f.root.remove();
    await settle();
    expect(control()).toBeNull();
  });

  it('is offered on the pre-question too, before the answers', async () => {
    const stage = preQuestionStage('de');
    start(makeDeps());
    await settle();
    expect(control()).not.toBeNull();
    expect(control()!.nextElementSibling).toBe(stage.yes.closest('[role=radiogroup]'));
  });

  it('says when the account already has a confirmed objection', async () => {
    controlledForm('de');
    start(makeDeps({ accountStatus: vi.fn(async () => ({ confirmedAt: '2025-05-20T08:00:00.000Z', account: null })) }));
    await settle();
    expect(controlText()).toContain('Already confirmed on 2025-05-20T08:00:00.000Z.');
  });

  it('shows the third-party intro on the third-party form', async () => {
    thirdPartyForm();
    start(makeDeps(), THIRD_PARTY_URL);
    await settle();
    expect(controlText()).toContain(texts.introThirdParty);
  });

  it('clicking Autofill fills the form and says what it did, without pressing Send', async () => {
    const f = controlledForm('de', { maxLength: 900 });
    const sent = vi.fn();
    f.send.addEventListener('click', sent);
    const deps = makeDeps();
    start(deps);
    await settle();
    expect(controlButton()).not.toBeNull();
    clickTrusted(controlButton()!);
    await settle();
    expect(controlText()).toContain('Review and press Send.');
    expect(deps.compose).toHaveBeenCalledWith({ lang: 'de', maxLength: 900 });
    f.rerender();
    expect(f.state.reason).toBe(TEXT);
    expect(f.state.email).toBe('me@example.org');
    expect(controlText()).toContain('Filled:');
    expect(sent).not.toHaveBeenCalled();
    expect(deps.submitted).not.toHaveBeenCalled();
  });

  it('in a background tab (no animation frames), Autofill reads its writes back on the session clock', async () => {
    const f = controlledForm('de');
    const deps = makeDeps();
    start(deps);
    await settle();
    const frames = vi.spyOn(document.defaultView!, 'requestAnimationFrame').mockImplementation(() => 0);
    try {
      clickTrusted(controlButton()!);
      await settle();
      expect(controlText()).not.toContain('Review and press Send.');
      await deps.clock.advance(1000);
      expect(controlText()).toContain('Review and press Send.');
      f.rerender();
      expect(f.state.reason).toBe(TEXT);
    } finally {
      frames.mockRestore();
    }
  });

  it('autofill on a page without the form answers "no form" and writes nothing', async () => {
    const s = start(makeDeps());
    serverRenderedEnglishForm({ withTextarea: false });
    await settle();
    const answer = await s.autofill();
    expect(answer).toEqual({ ok: false, message: texts.noForm });
    expect(document.querySelector<HTMLInputElement>('input[type=email]')!.value).toBe('');
  });

  it('probe tells the popup whether the tab is on a recognised form', async () => {
    const s = start(makeDeps());
    await settle();
    expect(s.probe()).toEqual({ onForm: false, ruleId: 'facebook-ai-objection', platform: 'facebook' });
    controlledForm('de');
    await settle();
    expect(s.probe().onForm).toBe(true);
    s.onUrl('https://www.facebook.com/marketplace');
    expect(s.probe()).toEqual({ onForm: false, ruleId: null, platform: null });
  });

  it('the same URL again (e.g. a hash change) does not restart the session', async () => {
    const deps = makeDeps();
    const s = start(deps);
    s.onUrl(FORM_URL + '#x');
    s.onUrl(FORM_URL + '?locale=de_DE');
    await settle();
    expect(deps.rule).toHaveBeenCalledTimes(1);
  });

  it('a rule the background cannot give means no control, and no crash', async () => {
    controlledForm('de');
    start(makeDeps({ rule: vi.fn(async () => Promise.reject(new Error('gone'))) }));
    await settle();
    expect(control()).toBeNull();
  });
});

describe('FormSession on a non-form URL', () => {
  it.each([
    'https://www.facebook.com/',
    'https://www.facebook.com/help/contact/268228883256323',
    'https://facebook.com.evil.example/help/contact/712876720715583',
  ])('%s: nothing is mounted and no detection runs, whatever the page does', async (href) => {
    const deps = makeDeps();
    start(deps, href);
    controlledForm('de');
    const root = document.body.firstElementChild!;
    for (let i = 0; i < 50; i++) root.append(document.createElement('div'));
    document.body.innerHTML = document.body.innerHTML + '<p>more</p>';
    await settle();
    expect(control()).toBeNull();
    expect(deps.rule).not.toHaveBeenCalled();
    expect(deps.pending).not.toHaveBeenCalled();
    expect(detectSpy).not.toHaveBeenCalled();
  });

  it('after leaving a form, later mutations run no detection', async () => {
    const s = start(makeDeps());
    const f = controlledForm('de');
    await settle();
    expect(control()).not.toBeNull();
    s.onUrl('https://www.facebook.com/watch');
    detectSpy.mockClear();
    for (let i = 0; i < 20; i++) f.root.append(document.createElement('div'));
    await settle();
    expect(detectSpy).not.toHaveBeenCalled();
  });
});

describe('FormSession: Send', () => {
  it('a synthetic (untrusted) click, Enter or submit on Send records nothing: scripts do not count', async () => {
    // happy-dom's events are untrusted (no isTrusted), like a page script's click in a browser.
    const f = controlledForm('de');
    const deps = makeDeps();
    start(deps);
    await settle();
    expect(control()).not.toBeNull();
    f.send.click();
    f.send.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    f.root.dispatchEvent(new Event('submit', { bubbles: true }));
    await settle();
    expect(deps.submitted).not.toHaveBeenCalled();
    expect(controlText()).not.toContain(texts.recorded);
  });

  it("the user's click on Send records one submission with what the form holds", async () => {
    const f = controlledForm('de');
    setPageLanguage('de-DE');
    const deps = makeDeps();
    start(deps);
    await settle();
    expect(controlButton()).not.toBeNull();
    clickTrusted(controlButton()!);
    await settle();
    expect(controlText()).toContain('Review');

    f.send.firstElementChild!.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    await settle();
    expect(deps.submitted).toHaveBeenCalledTimes(1);
    expect(deps.submitted).toHaveBeenCalledWith({
      id: 'submission-0001',
      ruleId: 'facebook-ai-objection',
      platform: 'facebook',
      formId: '712876720715583',
      url: expect.any(String),
      lang: 'de',
      email: 'me@example.org',
      reasonIds: ['no-consent', 'irreversible'],
      text: TEXT,
      at: '2025-06-02T09:30:00.000Z',
    });
    expect(controlText()).toContain(texts.recorded);
  });

  it("a click on a submit button is one Send; the form's submit event adds nothing", async () => {
    const form = serverRenderedEnglishForm();
    const deps = makeDeps();
    start(deps);
    await settle();
    expect(control()).not.toBeNull();
    form.querySelector('button')!.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    form.dispatchEvent(trusted(new Event('submit', { bubbles: true })));
    await settle();
    expect(deps.submitted).toHaveBeenCalledTimes(1);
  });

  it('a trusted submit event alone (what form.requestSubmit() fires) is not a Send', async () => {
    const form = serverRenderedEnglishForm();
    const deps = makeDeps();
    start(deps);
    await settle();
    expect(control()).not.toBeNull();
    form.dispatchEvent(trusted(new Event('submit', { bubbles: true })));
    await settle();
    expect(deps.submitted).not.toHaveBeenCalled();
  });

  it('a trusted click on Send without user activation (script-driven) is not a Send', async () => {
    const f = controlledForm('de');
    const deps = makeDeps({ userActive: () => false });
    start(deps);
    await settle();
    expect(control()).not.toBeNull();
    f.send.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    await settle();
    expect(deps.submitted).not.toHaveBeenCalled();
  });

  it('Enter in a one-line field of a <form> submits it: a Send', async () => {
    const form = serverRenderedEnglishForm();
    const deps = makeDeps();
    start(deps);
    await settle();
    expect(control()).not.toBeNull();
    form.querySelector('input[type=email]')!.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    await settle();
    expect(deps.submitted).toHaveBeenCalledTimes(1);
  });

  it('says "saved" only after the background confirmed the write', async () => {
    let answer: (() => void) | undefined;
    const f = controlledForm('de');
    const deps = makeDeps({ submitted: vi.fn(() => new Promise<void>((resolve) => (answer = resolve))) });
    start(deps);
    await settle();
    expect(control()).not.toBeNull();
    f.send.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    await settle();
    expect(deps.submitted).toHaveBeenCalledTimes(1);
    expect(controlText()).not.toContain(texts.recorded);
    answer!();
    await settle();
    expect(controlText()).toContain(texts.recorded);
  });

  it("a refused write is shown as an error at once, and Meta's later confirmation does not claim it was saved", async () => {
    const f = controlledForm('de');
    const deps = makeDeps({ submitted: vi.fn(async () => Promise.reject(new BackgroundError('storage-full', { code: 'storage-full' }))) });
    start(deps);
    await settle();
    f.send.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    await settle();
    expect(controlText()).toContain('Not saved (storage-full); your form was still sent.');
    expect(controlText()).not.toContain(texts.recorded);
    // The offer gives way to the failed save: no Autofill left to press on a form already sent.
    expect(controlText()).not.toContain(texts.intro);
    expect(controlButton()?.hidden).toBe(true);
    document.body.innerHTML = `<div role="main"><p>${CONFIRMATION_DE}</p></div>`;
    await deps.clock.advance(60_000);
    // The background answered: asking again would get the same answer, and there is no entry to confirm.
    expect(deps.submitted).toHaveBeenCalledTimes(1);
    expect(deps.status).not.toHaveBeenCalled();
    expect(controlText()).toContain('Not saved');
    expect(controlText()).not.toContain(texts.confirmed);
  });

  it('a trusted click elsewhere on the page is not a Send', async () => {
    const f = controlledForm('de');
    const deps = makeDeps();
    start(deps);
    await settle();
    expect(control()).not.toBeNull();
    f.reason.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    f.send.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'a', bubbles: true })));
    await settle();
    expect(deps.submitted).not.toHaveBeenCalled();
  });
});

/** The background's answer after a reload: this submission is stored and waits for Meta's answer. */
const waiting = (id: string) => vi.fn(async (): Promise<PendingAnswer> => ({ id, saveFailed: null }));

describe("FormSession: Meta's answer to a pending submission", () => {

  async function pendingOnForm() {
    const f = controlledForm('de');
    const deps = makeDeps({ pending: waiting('pending-0001') });
    start(deps);
    await settle();
    expect(deps.pending).toHaveBeenCalledWith('712876720715583');
    expect(controlText()).toContain(texts.recorded);
    return { f, deps };
  }

  it('the form replaced by a confirmation → confirmed', async () => {
    const { deps } = await pendingOnForm();
    document.body.innerHTML = `<div role="main"><p>${CONFIRMATION_DE}</p></div>`;
    await settle();
    expect(deps.status).toHaveBeenCalledWith('pending-0001', 'confirmed', '2025-06-02T09:30:00.000Z');
    expect(deps.status).toHaveBeenCalledTimes(1);
    // The outcome stays on screen, at the top, without an Autofill button.
    expect(controlText()).toContain(texts.confirmed);
    expect(document.querySelector('[role=main]')!.firstElementChild).toBe(control());
    expect(controlButton()!.hidden).toBe(true);
  });

  it('the Italian confirmation of 2025 → confirmed', async () => {
    const { deps } = await pendingOnForm();
    document.body.innerHTML =
      "<div><p>Ciò significa che la tua richiesta verrà applicata d'ora in avanti allo sviluppo e al miglioramento dell'IA in Meta. Riceverai una e-mail con i dettagli</p></div>";
    await settle();
    expect(deps.status).toHaveBeenCalledWith('pending-0001', 'confirmed', expect.any(String));
  });

  it('an error alert → failed', async () => {
    const { f, deps } = await pendingOnForm();
    f.root.insertAdjacentHTML('afterbegin', '<div role="alert">Bitte gib eine gültige E-Mail-Adresse ein.</div>');
    await settle();
    expect(deps.status).toHaveBeenCalledWith('pending-0001', 'failed', '2025-06-02T09:30:00.000Z');
    expect(controlText()).toContain(texts.failed);
  });

  it("Meta's error message in place of the form → failed", async () => {
    const { deps } = await pendingOnForm();
    document.body.innerHTML = '<div><p>Wir können deine Anfrage nicht weiter bearbeiten.</p></div>';
    await settle();
    expect(deps.status).toHaveBeenCalledWith('pending-0001', 'failed', expect.any(String));
    expect(deps.status).not.toHaveBeenCalledWith('pending-0001', 'confirmed', expect.any(String));
  });

  it('the form replaced by a message in no known wording → stays Submitted; "probably received" once it stays away', async () => {
    const f = controlledForm('de');
    const deps = makeDeps({ pending: waiting('pending-0001') });
    start(deps);
    await settle();
    expect(controlText()).toContain(texts.recorded);
    f.root.remove();
    document.body.insertAdjacentHTML('beforeend', '<div><p>Lorem ipsum dolor sit amet.</p></div>');
    await deps.clock.advance(PROBABLY_AFTER_MS - 1);
    expect(controlText()).not.toContain(texts.probablyConfirmed);
    await deps.clock.advance(1);
    expect(controlText()).toContain(texts.probablyConfirmed);
    expect(deps.status).not.toHaveBeenCalled();
    expect(controlText()).not.toContain(texts.confirmed);
  });

  it('a page that only removes the form (as a hostile script could) never makes it Confirmed', async () => {
    const { f, deps } = await pendingOnForm();
    f.root.remove();
    document.body.insertAdjacentHTML('beforeend', '<p>Thank you!</p>');
    await settle();
    expect(deps.status).not.toHaveBeenCalled();
  });

  it('while the form is still there, nothing is settled', async () => {
    const { f, deps } = await pendingOnForm();
    f.root.append(document.createElement('div'));
    await settle();
    expect(deps.status).not.toHaveBeenCalled();
  });

  it('an error already on the reloaded page (Meta answered with a page load) → failed, not confirmed', async () => {
    // A form that posts reloads the page: Meta's answer is there before the session starts.
    document.body.innerHTML = '<div role="main"><div role="alert">Diese Anfrage kann nicht bearbeitet werden.</div></div>';
    const deps = makeDeps({ pending: waiting('pending-0002') });
    start(deps);
    await settle();
    expect(deps.status).toHaveBeenCalledWith('pending-0002', 'failed', expect.any(String));
  });

  it("Meta's confirmation already on the reloaded page → confirmed, and it stays said (not \"unrecognised\" later)", async () => {
    document.body.innerHTML = `<div role="main"><p>${CONFIRMATION_DE}</p></div>`;
    const deps = makeDeps({ pending: waiting('pending-0003') });
    start(deps);
    await settle();
    expect(deps.status).toHaveBeenCalledWith('pending-0003', 'confirmed', expect.any(String));
    expect(controlText()).toContain(texts.confirmed);
    await deps.clock.advance(UNRECOGNISED_AFTER_MS);
    expect(controlText()).toContain(texts.confirmed);
    expect(controlText()).not.toContain(texts.unrecognised);
  });

  it("a Send that could not be saved before the reload: the new page says so, on Meta's answer, without Autofill", async () => {
    // A server-rendered form posted and the page reloaded on Meta's confirmation; the background could not
    // store the submission (storage full) and left that note for the tab.
    document.body.innerHTML = `<div role="main"><p>${CONFIRMATION_DE}</p></div>`;
    const deps = makeDeps({ pending: vi.fn(async (): Promise<PendingAnswer> => ({ id: null, saveFailed: 'storage-full' })) });
    start(deps);
    await settle();
    expect(controlText()).toContain('Not saved (storage-full); your form was still sent.');
    expect(controlText()).not.toContain(texts.recorded);
    expect(controlText()).not.toContain(texts.confirmed);
    expect(controlButton()?.hidden).toBe(true);
    await deps.clock.advance(60_000);
    // Nothing is stored: no answer is reported for it.
    expect(deps.status).not.toHaveBeenCalled();
    expect(controlText()).toContain('Not saved (storage-full)');
  });

  it('a Send that could not be saved, and the form is back (Meta showed an error): the failure is said, no Autofill offered', async () => {
    const f = controlledForm('de');
    f.root.insertAdjacentHTML('afterbegin', '<div role="alert">Bitte gib eine gültige E-Mail-Adresse ein.</div>');
    const deps = makeDeps({ pending: vi.fn(async (): Promise<PendingAnswer> => ({ id: null, saveFailed: 'storage-failed' })) });
    start(deps);
    await settle();
    expect(controlText()).toContain('Not saved (storage-failed)');
    expect(controlText()).not.toContain(texts.intro);
    expect(controlButton()?.hidden).toBe(true);
    expect(controls()).toHaveLength(1);
    f.root.append(document.createElement('div'));
    await settle();
    expect(controlText()).toContain('Not saved (storage-failed)');
    expect(deps.status).not.toHaveBeenCalled();
  });

  it('no pending submission: a later confirmation-like text settles nothing', async () => {
    const f = controlledForm('de');
    const deps = makeDeps();
    start(deps);
    await settle();
    expect(control()).not.toBeNull();
    f.root.remove();
    document.body.insertAdjacentHTML('beforeend', `<p>${CONFIRMATION_DE}</p>`);
    await settle();
    expect(deps.status).not.toHaveBeenCalled();
  });
});

describe("FormSession: Meta's answer reaches the history", () => {
  /** What a service worker stopped in the middle of a message gives: no answer (the polyfill's undefined). */
  const noAnswer = () => new BackgroundError('Unexpected answer from the extension', undefined);
  const lostConnection = () => new Error('Could not establish connection. Receiving end does not exist.');

  /** The user's Send on the form, then Meta's confirmation in its place. */
  async function sendThenConfirmation(deps: ReturnType<typeof makeDeps>) {
    const f = controlledForm('de');
    start(deps);
    await settle();
    f.send.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    await settle();
    document.body.innerHTML = `<div role="main"><p>${CONFIRMATION_DE}</p></div>`;
    await settle();
  }

  it("the Send and Meta's answer are handed off outside the page as their messages, and taken back once acknowledged", async () => {
    const kept = new Map<string, unknown>();
    const handoff: Handoff = {
      keep: vi.fn(async (key: string, report: unknown) => void kept.set(key, report)),
      drop: vi.fn(async (key: string) => void kept.delete(key)),
    };
    // The worker is gone: nothing is acknowledged, and the page may be left at any moment.
    const status = vi.fn<SessionDeps['status']>(() => new Promise<Status>(() => undefined));
    const submitted = vi.fn<SessionDeps['submitted']>(async () => undefined);
    const deps = makeDeps({ handoff, status, submitted });
    await sendThenConfirmation(deps);
    const submission = submitted.mock.calls[0]![0];
    expect(handoff.keep).toHaveBeenCalledWith(`outbox:${submission.id}:submitted`, { type: 'submitted', submission });
    expect(handoff.keep).toHaveBeenCalledWith(`outbox:${submission.id}:status:confirmed`, {
      type: 'status',
      id: submission.id,
      status: 'confirmed',
      at: expect.any(String),
    });
    // The submission was acknowledged and taken back; Meta's answer, not acknowledged, stays handed off.
    expect([...kept.keys()]).toEqual([`outbox:${submission.id}:status:confirmed`]);
  });

  it('an answer lost with the worker is sent again, on the clock, until the background says it stored it', async () => {
    const status = vi.fn<SessionDeps['status']>().mockRejectedValueOnce(lostConnection()).mockRejectedValueOnce(noAnswer()).mockResolvedValue('confirmed');
    const deps = makeDeps({ status });
    await sendThenConfirmation(deps);
    expect(status).toHaveBeenCalledTimes(1);
    // Not yet stored: the control does not say so.
    expect(controlText()).not.toContain(texts.confirmed);
    await deps.clock.advance(RETRY_FIRST_MS - 1);
    expect(status).toHaveBeenCalledTimes(1);
    await deps.clock.advance(1);
    expect(status).toHaveBeenCalledTimes(2);
    expect(controlText()).not.toContain(texts.confirmed);
    await deps.clock.advance(2 * RETRY_FIRST_MS);
    expect(status).toHaveBeenCalledTimes(3);
    // The same report each time: the background applies it once.
    expect(new Set(status.mock.calls.map((call) => JSON.stringify(call)))).toEqual(new Set([JSON.stringify(['submission-0001', 'confirmed', '2025-06-02T09:30:00.000Z'])]));
    expect(controlText()).toContain(texts.confirmed);
    await deps.clock.advance(60_000);
    expect(status).toHaveBeenCalledTimes(3);
  });

  it("Meta's answer waits for the submission's acknowledgement (never before the entry exists)", async () => {
    let acknowledge: (() => void) | undefined;
    const submitted = vi.fn<SessionDeps['submitted']>().mockRejectedValueOnce(lostConnection()).mockImplementation(() => new Promise<void>((resolve) => (acknowledge = resolve)));
    const deps = makeDeps({ submitted });
    await sendThenConfirmation(deps);
    expect(deps.status).not.toHaveBeenCalled();
    await deps.clock.advance(RETRY_FIRST_MS);
    expect(submitted).toHaveBeenCalledTimes(2);
    expect(submitted.mock.calls[1]).toEqual(submitted.mock.calls[0]);
    expect(deps.status).not.toHaveBeenCalled();
    expect(controlText()).not.toContain(texts.confirmed);
    acknowledge!();
    await settle();
    expect(deps.status).toHaveBeenCalledTimes(1);
    expect(controlText()).toContain(texts.confirmed);
  });

  it('the pauses between tries grow, up to a bound, and the tries end: then the user is told it was not saved', async () => {
    const status = vi.fn<SessionDeps['status']>().mockRejectedValue(lostConnection());
    const deps = makeDeps({ status });
    await sendThenConfirmation(deps);
    const times: number[] = [];
    status.mockImplementation(async () => {
      times.push(deps.clock.now());
      throw lostConnection();
    });
    await deps.clock.advance(10 * 60_000);
    expect(status).toHaveBeenCalledTimes(DELIVERY_ATTEMPTS);
    const pauses = times.map((t, i) => t - (i === 0 ? Date.parse('2025-06-02T09:30:00.000Z') : times[i - 1]!));
    expect(pauses[0]).toBe(RETRY_FIRST_MS);
    expect(pauses[1]).toBe(2 * RETRY_FIRST_MS);
    expect(Math.max(...pauses)).toBe(RETRY_MAX_MS);
    expect(controlText()).toContain('Not saved (Could not establish connection. Receiving end does not exist.)');
    expect(controlText()).not.toContain(texts.confirmed);
    expect(deps.clock.waiting).toBe(0);
  });

  it('a refusal is not retried: the user is told at once', async () => {
    const status = vi.fn<SessionDeps['status']>().mockRejectedValue(new BackgroundError('no-such-entry', { code: 'no-such-entry' }));
    const deps = makeDeps({ status });
    await sendThenConfirmation(deps);
    expect(controlText()).toContain('Not saved (no-such-entry)');
    await deps.clock.advance(60_000);
    expect(status).toHaveBeenCalledTimes(1);
  });

  it('an engine cut off from its extension (reloaded, removed) stops sending at once', async () => {
    const status = vi.fn<SessionDeps['status']>().mockRejectedValue(new Error('Extension context invalidated.'));
    const deps = makeDeps({ status });
    await sendThenConfirmation(deps);
    await deps.clock.advance(60_000);
    expect(status).toHaveBeenCalledTimes(1);
    expect(controlText()).not.toContain(texts.confirmed);
  });

  it('the control says what the history holds: an entry already Confirmed is not shown as Failed', async () => {
    const f = controlledForm('de');
    const deps = makeDeps({ pending: waiting('pending-0001'), status: vi.fn(async (): Promise<Status> => 'confirmed') });
    start(deps);
    await settle();
    f.root.insertAdjacentHTML('afterbegin', '<div role="alert">Bitte gib eine gültige E-Mail-Adresse ein.</div>');
    await settle();
    expect(deps.status).toHaveBeenCalledWith('pending-0001', 'failed', expect.any(String));
    expect(controlText()).not.toContain(texts.failed);
  });

  it('in-app navigation away from the form does not drop an answer still on its way', async () => {
    const status = vi.fn<SessionDeps['status']>().mockRejectedValueOnce(lostConnection()).mockResolvedValue('confirmed');
    const deps = makeDeps({ status });
    await sendThenConfirmation(deps);
    session!.onUrl('https://www.facebook.com/');
    await deps.clock.advance(RETRY_FIRST_MS);
    expect(status).toHaveBeenCalledTimes(2);
    expect(control()).toBeNull();
  });
});

describe('FormSession: time', () => {
  it('every wait of a whole Send (Autofill, Send, a lost report, Meta\'s answer) is on the injected clock, none on real timers', async () => {
    const win = document.defaultView!;
    const realTimers = [vi.spyOn(globalThis, 'setTimeout'), vi.spyOn(win, 'setTimeout'), vi.spyOn(globalThis, 'setInterval'), vi.spyOn(win, 'setInterval')];
    try {
      const status = vi.fn<SessionDeps['status']>().mockRejectedValueOnce(new Error('Could not establish connection.')).mockResolvedValue('confirmed');
      const deps = makeDeps({ status });
      const f = controlledForm('de');
      start(deps);
      await settle();
      clickTrusted(controlButton()!);
      await settle();
      expect(controlText()).toContain('Review and press Send.');
      f.send.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
      await settle();
      f.root.remove();
      document.body.insertAdjacentHTML('beforeend', '<div><p>Lorem ipsum.</p></div>');
      await deps.clock.advance(PROBABLY_AFTER_MS);
      document.body.innerHTML = `<div role="main"><p>${CONFIRMATION_DE}</p></div>`;
      await deps.clock.advance(RETRY_MAX_MS);
      expect(controlText()).toContain(texts.confirmed);
      for (const timer of realTimers) expect(timer).not.toHaveBeenCalled();
    } finally {
      for (const timer of realTimers) timer.mockRestore();
    }
  });
});

describe('FormSession: an objection URL with nothing recognisable', () => {
  const reportButton = () =>
    Array.from(control()?.shadowRoot?.querySelectorAll('button') ?? []).find((b) => b.textContent === texts.reportButton && !b.hidden);

  async function unrecognisedPage() {
    document.body.innerHTML = '<div role="main"><h2>Help us understand your request</h2><label>Your name <input name="Field1" value="Jan"></label><button>Continue</button></div>';
    const deps = makeDeps();
    start(deps);
    await settle();
    return deps;
  }

  it('says nothing for the first seconds (the form may still be rendering), then says so plainly and offers a report', async () => {
    const deps = await unrecognisedPage();
    await deps.clock.advance(UNRECOGNISED_AFTER_MS - 1);
    expect(control()).toBeNull();
    await deps.clock.advance(1);
    expect(controlText()).toContain(texts.unrecognised);
    expect(reportButton()).toBeDefined();
    expect(document.querySelector('[role=main]')!.firstElementChild).toBe(control());

    clickTrusted(reportButton()!);
    expect(deps.saveProblemReport).toHaveBeenCalledWith({
      ruleId: 'facebook-ai-objection',
      // The test page's path (happy-dom follows form posts of earlier tests): the query is never part of it.
      path: document.location.pathname,
      found: [],
      missing: ['reason'],
    });
  });

  it('a page script clicking "Save a problem report" saves nothing', async () => {
    const deps = await unrecognisedPage();
    await deps.clock.advance(UNRECOGNISED_AFTER_MS);
    reportButton()!.click();
    expect(deps.saveProblemReport).not.toHaveBeenCalled();
  });

  it('a form that renders late replaces the message by the Autofill offer', async () => {
    const deps = await unrecognisedPage();
    await deps.clock.advance(UNRECOGNISED_AFTER_MS);
    expect(controlText()).toContain(texts.unrecognised);
    controlledForm('de');
    await settle();
    expect(controlText()).toContain(texts.intro);
    expect(controlText()).not.toContain(texts.unrecognised);
    expect(controls()).toHaveLength(1);
  });

  it('a form that is there in time gets no such message, and leaves no timer behind', async () => {
    controlledForm('de');
    const deps = makeDeps();
    start(deps);
    await settle();
    expect(control()).not.toBeNull();
    await deps.clock.advance(UNRECOGNISED_AFTER_MS + 1000);
    expect(controlText()).not.toContain(texts.unrecognised);
    session!.stop();
    expect(deps.clock.waiting).toBe(0);
  });
});

describe('FormSession: Autofill that could not do everything', () => {
  it('fills what is there, names the field it did not find, and offers a problem report', async () => {
    const form = serverRenderedEnglishForm();
    form.querySelector('input[type=email]')!.remove();
    start(makeDeps());
    await settle();
    expect(controlButton()).not.toBeNull();
    clickTrusted(controlButton()!);
    await settle();
    expect(controlText()).toContain('Not found: email; check before Send.');
    expect(form.querySelector('textarea')!.value).toBe(TEXT);
    expect(controlText()).toContain('Filled: reason, country.');
    const buttons = Array.from(control()!.shadowRoot!.querySelectorAll('button')).filter((b) => !b.hidden).map((b) => b.textContent);
    expect(buttons).toContain(texts.reportButton);
  });

  it("a page script's click on Autofill (even inside the open shadow root) fills nothing", async () => {
    const f = controlledForm('de');
    const deps = makeDeps();
    start(deps);
    await settle();
    expect(controlButton()).not.toBeNull();
    controlButton()!.click();
    controlButton()!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await settle();
    expect(deps.compose).not.toHaveBeenCalled();
    expect(f.reason.value).toBe('');
  });
});

describe('FormSession: the older third-party form 1266025207620918', () => {
  it('is recognised and described, and Autofill writes no objection reasons into it', async () => {
    const form = thirdPartyForm();
    const deps = makeDeps();
    start(deps, 'https://www.facebook.com/help/contact/1266025207620918');
    await settle();
    expect(controlText()).toContain(texts.introThirdParty);
    clickTrusted(controlButton()!);
    await settle();
    expect(controlText()).toContain('Review and press Send.');
    expect(form.querySelector('textarea')!.value).toBe('');
    expect(form.querySelector<HTMLInputElement>('input[type=email]')!.value).toBe('me@example.org');
  });
});
