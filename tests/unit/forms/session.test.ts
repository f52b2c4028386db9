// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FormRule } from '@/src/forms/rules/schema';
import { formRules } from '@/src/forms/rules/data';
import { formUrls } from '@/src/forms/rules/urls';
import { FormSession, type SessionDeps } from '@/src/forms/session';
import { CONTROL_HOST_ATTRIBUTE } from '@/src/ui/control';
import { controlPresenter } from '@/src/ui/control-presenter';
import * as detect from '@/src/forms/find';
import type { ComposeAnswer } from '@/src/messaging/answers';
import type { ContentTexts } from '@/src/ui/report';
import { controlledForm, preQuestionStage, ruleById, serverRenderedEnglishForm, setPageLanguage, thirdPartyForm } from './fixtures';

// Detection is spied on (and still runs) to show that a non-form URL costs no detection work.
vi.mock('@/src/forms/find', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/src/forms/find')>();
  return { ...actual, detectObjectionForm: vi.fn(actual.detectObjectionForm) };
});
const detectSpy = vi.mocked(detect.detectObjectionForm);

const FORM_URL = 'https://www.facebook.com/help/contact/712876720715583';
const THIRD_PARTY_URL = 'https://www.facebook.com/help/contact/510058597920541';
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

function makeDeps(over: Partial<SessionDeps> = {}) {
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
    status: vi.fn(async () => undefined),
    pending: vi.fn(async (): Promise<string | null> => null),
    accountStatus: vi.fn(async () => ({ confirmedAt: null as string | null, account: null as string | null })),
    texts,
    now: () => new Date('2025-06-02T09:30:00.000Z'),
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
/** Lets pending promise callbacks and microtasks run (not a sleep: no time passes). */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

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
    await flush();
    expect(control()).toBeNull();

    const f = controlledForm('de');
    await vi.waitFor(() => expect(control()).not.toBeNull());
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
    await vi.waitFor(() => expect(control()).not.toBeNull());
    for (let i = 0; i < 20; i++) f.root.append(document.createElement('span'));
    await flush();
    expect(controls()).toHaveLength(1);
  });

  it('goes away after in-app navigation to a non-form URL', async () => {
    const s = start(makeDeps());
    controlledForm('de');
    await vi.waitFor(() => expect(control()).not.toBeNull());
    s.onUrl('https://www.facebook.com/');
    expect(control()).toBeNull();
  });

  it('goes away when the form leaves the page', async () => {
    const f = controlledForm('de');
    start(makeDeps());
    await vi.waitFor(() => expect(control()).not.toBeNull());
    f.root.remove();
    await vi.waitFor(() => expect(control()).toBeNull());
  });

  it('is offered on the pre-question too, before the answers', async () => {
    const stage = preQuestionStage('de');
    start(makeDeps());
    await vi.waitFor(() => expect(control()).not.toBeNull());
    expect(control()!.nextElementSibling).toBe(stage.yes.closest('[role=radiogroup]'));
  });

  it('says when the account already has a confirmed objection', async () => {
    controlledForm('de');
    start(makeDeps({ accountStatus: vi.fn(async () => ({ confirmedAt: '2025-05-20T08:00:00.000Z', account: null })) }));
    await vi.waitFor(() => expect(controlText()).toContain('Already confirmed on 2025-05-20T08:00:00.000Z.'));
  });

  it('shows the third-party intro on the third-party form', async () => {
    thirdPartyForm();
    start(makeDeps(), THIRD_PARTY_URL);
    await vi.waitFor(() => expect(controlText()).toContain(texts.introThirdParty));
  });

  it('clicking Autofill fills the form and says what it did, without pressing Send', async () => {
    const f = controlledForm('de', { maxLength: 900 });
    const sent = vi.fn();
    f.send.addEventListener('click', sent);
    const deps = makeDeps();
    start(deps);
    await vi.waitFor(() => expect(controlButton()).not.toBeNull());
    clickTrusted(controlButton()!);
    await vi.waitFor(() => expect(controlText()).toContain('Review and press Send.'));
    expect(deps.compose).toHaveBeenCalledWith({ lang: 'de', maxLength: 900 });
    f.rerender();
    expect(f.state.reason).toBe(TEXT);
    expect(f.state.email).toBe('me@example.org');
    expect(controlText()).toContain('Filled:');
    expect(sent).not.toHaveBeenCalled();
    expect(deps.submitted).not.toHaveBeenCalled();
  });

  it('autofill on a page without the form answers "no form" and writes nothing', async () => {
    const s = start(makeDeps());
    serverRenderedEnglishForm({ withTextarea: false });
    await flush();
    const answer = await s.autofill();
    expect(answer).toEqual({ ok: false, message: texts.noForm });
    expect(document.querySelector<HTMLInputElement>('input[type=email]')!.value).toBe('');
  });

  it('probe tells the popup whether the tab is on a recognised form', async () => {
    const s = start(makeDeps());
    await flush();
    expect(s.probe()).toEqual({ onForm: false, ruleId: 'facebook-ai-objection', platform: 'facebook' });
    controlledForm('de');
    await vi.waitFor(() => expect(s.probe().onForm).toBe(true));
    s.onUrl('https://www.facebook.com/marketplace');
    expect(s.probe()).toEqual({ onForm: false, ruleId: null, platform: null });
  });

  it('the same URL again (e.g. a hash change) does not restart the session', async () => {
    const deps = makeDeps();
    const s = start(deps);
    s.onUrl(FORM_URL + '#x');
    s.onUrl(FORM_URL + '?locale=de_DE');
    await flush();
    expect(deps.rule).toHaveBeenCalledTimes(1);
  });

  it('a rule the background cannot give means no control, and no crash', async () => {
    controlledForm('de');
    start(makeDeps({ rule: vi.fn(async () => Promise.reject(new Error('gone'))) }));
    await flush();
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
    await flush();
    expect(control()).toBeNull();
    expect(deps.rule).not.toHaveBeenCalled();
    expect(deps.pending).not.toHaveBeenCalled();
    expect(detectSpy).not.toHaveBeenCalled();
  });

  it('after leaving a form, later mutations run no detection', async () => {
    const s = start(makeDeps());
    const f = controlledForm('de');
    await vi.waitFor(() => expect(control()).not.toBeNull());
    s.onUrl('https://www.facebook.com/watch');
    detectSpy.mockClear();
    for (let i = 0; i < 20; i++) f.root.append(document.createElement('div'));
    await flush();
    expect(detectSpy).not.toHaveBeenCalled();
  });
});

describe('FormSession: Send', () => {
  it('a synthetic (untrusted) click, Enter or submit on Send records nothing: scripts do not count', async () => {
    // happy-dom's events are untrusted (no isTrusted), like a page script's click in a browser.
    const f = controlledForm('de');
    const deps = makeDeps();
    start(deps);
    await vi.waitFor(() => expect(control()).not.toBeNull());
    f.send.click();
    f.send.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    f.root.dispatchEvent(new Event('submit', { bubbles: true }));
    await flush();
    expect(deps.submitted).not.toHaveBeenCalled();
    expect(controlText()).not.toContain(texts.recorded);
  });

  it("the user's click on Send records one submission with what the form holds", async () => {
    const f = controlledForm('de');
    setPageLanguage('de-DE');
    const deps = makeDeps();
    start(deps);
    await vi.waitFor(() => expect(controlButton()).not.toBeNull());
    clickTrusted(controlButton()!);
    await vi.waitFor(() => expect(controlText()).toContain('Review'));

    f.send.firstElementChild!.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    await vi.waitFor(() => expect(deps.submitted).toHaveBeenCalledTimes(1));
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
    await vi.waitFor(() => expect(control()).not.toBeNull());
    form.querySelector('button')!.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    form.dispatchEvent(trusted(new Event('submit', { bubbles: true })));
    await flush();
    expect(deps.submitted).toHaveBeenCalledTimes(1);
  });

  it('a trusted submit event alone (what form.requestSubmit() fires) is not a Send', async () => {
    const form = serverRenderedEnglishForm();
    const deps = makeDeps();
    start(deps);
    await vi.waitFor(() => expect(control()).not.toBeNull());
    form.dispatchEvent(trusted(new Event('submit', { bubbles: true })));
    await flush();
    expect(deps.submitted).not.toHaveBeenCalled();
  });

  it('a trusted click on Send without user activation (script-driven) is not a Send', async () => {
    const f = controlledForm('de');
    const deps = makeDeps({ userActive: () => false });
    start(deps);
    await vi.waitFor(() => expect(control()).not.toBeNull());
    f.send.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    await flush();
    expect(deps.submitted).not.toHaveBeenCalled();
  });

  it('Enter in a one-line field of a <form> submits it: a Send', async () => {
    const form = serverRenderedEnglishForm();
    const deps = makeDeps();
    start(deps);
    await vi.waitFor(() => expect(control()).not.toBeNull());
    form.querySelector('input[type=email]')!.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    await flush();
    expect(deps.submitted).toHaveBeenCalledTimes(1);
  });

  it('says "saved" only after the background confirmed the write', async () => {
    let answer: (() => void) | undefined;
    const f = controlledForm('de');
    const deps = makeDeps({ submitted: vi.fn(() => new Promise<void>((resolve) => (answer = resolve))) });
    start(deps);
    await vi.waitFor(() => expect(control()).not.toBeNull());
    f.send.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    await flush();
    expect(deps.submitted).toHaveBeenCalledTimes(1);
    expect(controlText()).not.toContain(texts.recorded);
    answer!();
    await vi.waitFor(() => expect(controlText()).toContain(texts.recorded));
  });

  it('a failed write is shown as an error, and Meta\'s later confirmation does not claim it was saved', async () => {
    const f = controlledForm('de');
    const deps = makeDeps({ submitted: vi.fn(async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'))) });
    start(deps);
    await vi.waitFor(() => expect(control()).not.toBeNull());
    f.send.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    await vi.waitFor(() => expect(controlText()).toContain('Not saved (QUOTA_BYTES quota exceeded); your form was still sent.'));
    expect(controlText()).not.toContain(texts.recorded);
    document.body.innerHTML = '<div role="main"><p>Danke. Wir haben deinen Einspruch erhalten.</p></div>';
    await vi.waitFor(() => expect(deps.status).toHaveBeenCalled());
    await flush();
    expect(controlText()).toContain('Not saved');
    expect(controlText()).not.toContain(texts.confirmed);
  });

  it('a trusted click elsewhere on the page is not a Send', async () => {
    const f = controlledForm('de');
    const deps = makeDeps();
    start(deps);
    await vi.waitFor(() => expect(control()).not.toBeNull());
    f.reason.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    f.send.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'a', bubbles: true })));
    await flush();
    expect(deps.submitted).not.toHaveBeenCalled();
  });
});

describe("FormSession: Meta's answer to a pending submission", () => {
  const CONFIRMATION_DE =
    'Danke. Wir haben deinen Einspruch erhalten. Das bedeutet, dass deine Anfrage ab jetzt auf die Entwicklung und Verbesserung von KI bei Meta angewendet wird. Du erhältst eine E-Mail mit den Details.';

  async function pendingOnForm() {
    const f = controlledForm('de');
    const deps = makeDeps({ pending: vi.fn(async () => 'pending-0001') });
    start(deps);
    await vi.waitFor(() => expect(deps.pending).toHaveBeenCalledWith('712876720715583'));
    await vi.waitFor(() => expect(controlText()).toContain(texts.recorded));
    return { f, deps };
  }

  it('the form replaced by a confirmation → confirmed', async () => {
    const { deps } = await pendingOnForm();
    document.body.innerHTML = `<div role="main"><p>${CONFIRMATION_DE}</p></div>`;
    await vi.waitFor(() => expect(deps.status).toHaveBeenCalledWith('pending-0001', 'confirmed', '2025-06-02T09:30:00.000Z'));
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
    await vi.waitFor(() => expect(deps.status).toHaveBeenCalledWith('pending-0001', 'confirmed', expect.any(String)));
  });

  it('an error alert → failed', async () => {
    const { f, deps } = await pendingOnForm();
    f.root.insertAdjacentHTML('afterbegin', '<div role="alert">Bitte gib eine gültige E-Mail-Adresse ein.</div>');
    await vi.waitFor(() => expect(deps.status).toHaveBeenCalledWith('pending-0001', 'failed', '2025-06-02T09:30:00.000Z'));
    expect(controlText()).toContain(texts.failed);
  });

  it("Meta's error message in place of the form → failed", async () => {
    const { deps } = await pendingOnForm();
    document.body.innerHTML = '<div><p>Wir können deine Anfrage nicht weiter bearbeiten.</p></div>';
    await vi.waitFor(() => expect(deps.status).toHaveBeenCalledWith('pending-0001', 'failed', expect.any(String)));
    expect(deps.status).not.toHaveBeenCalledWith('pending-0001', 'confirmed', expect.any(String));
  });

  it('the form replaced by a message in no known wording → stays Submitted; "probably received" once it stays away', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let now = Date.parse('2025-06-02T09:30:00.000Z');
      const f = controlledForm('de');
      const deps = makeDeps({ pending: vi.fn(async () => 'pending-0001'), now: () => new Date(now) });
      start(deps);
      await vi.waitFor(() => expect(controlText()).toContain(texts.recorded));
      f.root.remove();
      document.body.insertAdjacentHTML('beforeend', '<div><p>Lorem ipsum dolor sit amet.</p></div>');
      await vi.advanceTimersByTimeAsync(0);
      expect(controlText()).not.toContain(texts.probablyConfirmed);
      now += 1600;
      await vi.advanceTimersByTimeAsync(1600);
      await vi.waitFor(() => expect(controlText()).toContain(texts.probablyConfirmed));
      expect(deps.status).not.toHaveBeenCalled();
      expect(controlText()).not.toContain(texts.confirmed);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a page that only removes the form (as a hostile script could) never makes it Confirmed', async () => {
    const { f, deps } = await pendingOnForm();
    f.root.remove();
    document.body.insertAdjacentHTML('beforeend', '<p>Thank you!</p>');
    await flush();
    expect(deps.status).not.toHaveBeenCalled();
  });

  it('while the form is still there, nothing is settled', async () => {
    const { f, deps } = await pendingOnForm();
    f.root.append(document.createElement('div'));
    await flush();
    expect(deps.status).not.toHaveBeenCalled();
  });

  it('an error already on the reloaded page (Meta answered with a page load) → failed, not confirmed', async () => {
    // A form that posts reloads the page: Meta's answer is there before the session starts.
    document.body.innerHTML = '<div role="main"><div role="alert">Diese Anfrage kann nicht bearbeitet werden.</div></div>';
    const deps = makeDeps({ pending: vi.fn(async () => 'pending-0002') });
    start(deps);
    await vi.waitFor(() => expect(deps.status).toHaveBeenCalled(), { timeout: 4000 });
    expect(deps.status).toHaveBeenCalledWith('pending-0002', 'failed', expect.any(String));
  });

  it('no pending submission: a later confirmation-like text settles nothing', async () => {
    const f = controlledForm('de');
    const deps = makeDeps();
    start(deps);
    await vi.waitFor(() => expect(control()).not.toBeNull());
    f.root.remove();
    document.body.insertAdjacentHTML('beforeend', `<p>${CONFIRMATION_DE}</p>`);
    await flush();
    expect(deps.status).not.toHaveBeenCalled();
  });
});

describe('FormSession: an objection URL with nothing recognisable', () => {
  const reportButton = () =>
    Array.from(control()?.shadowRoot?.querySelectorAll('button') ?? []).find((b) => b.textContent === texts.reportButton && !b.hidden);

  async function unrecognisedPage() {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    document.body.innerHTML = '<div role="main"><h2>Help us understand your request</h2><label>Your name <input name="Field1" value="Jan"></label><button>Continue</button></div>';
    const deps = makeDeps();
    start(deps);
    await vi.advanceTimersByTimeAsync(0);
    return deps;
  }

  afterEach(() => vi.useRealTimers());

  it('says nothing for the first seconds (the form may still be rendering), then says so plainly and offers a report', async () => {
    const deps = await unrecognisedPage();
    await vi.advanceTimersByTimeAsync(9000);
    expect(control()).toBeNull();
    await vi.advanceTimersByTimeAsync(1500);
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
    await vi.advanceTimersByTimeAsync(10_500);
    reportButton()!.click();
    expect(deps.saveProblemReport).not.toHaveBeenCalled();
  });

  it('a form that renders late replaces the message by the Autofill offer', async () => {
    await unrecognisedPage();
    await vi.advanceTimersByTimeAsync(10_500);
    expect(controlText()).toContain(texts.unrecognised);
    vi.useRealTimers();
    controlledForm('de');
    await vi.waitFor(() => expect(controlText()).toContain(texts.intro));
    expect(controlText()).not.toContain(texts.unrecognised);
    expect(controls()).toHaveLength(1);
  });

  it('a form that is there in time gets no such message', async () => {
    controlledForm('de');
    start(makeDeps());
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await vi.waitFor(() => expect(control()).not.toBeNull());
    await vi.advanceTimersByTimeAsync(11_000);
    expect(controlText()).not.toContain(texts.unrecognised);
  });
});

describe('FormSession: Autofill that could not do everything', () => {
  it('fills what is there, names the field it did not find, and offers a problem report', async () => {
    const form = serverRenderedEnglishForm();
    form.querySelector('input[type=email]')!.remove();
    start(makeDeps());
    await vi.waitFor(() => expect(controlButton()).not.toBeNull());
    clickTrusted(controlButton()!);
    await vi.waitFor(() => expect(controlText()).toContain('Not found: email; check before Send.'));
    expect(form.querySelector('textarea')!.value).toBe(TEXT);
    expect(controlText()).toContain('Filled: reason, country.');
    const buttons = Array.from(control()!.shadowRoot!.querySelectorAll('button')).filter((b) => !b.hidden).map((b) => b.textContent);
    expect(buttons).toContain(texts.reportButton);
  });

  it("a page script's click on Autofill (even inside the open shadow root) fills nothing", async () => {
    const f = controlledForm('de');
    const deps = makeDeps();
    start(deps);
    await vi.waitFor(() => expect(controlButton()).not.toBeNull());
    controlButton()!.click();
    controlButton()!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await flush();
    expect(deps.compose).not.toHaveBeenCalled();
    expect(f.reason.value).toBe('');
  });
});

describe('FormSession: the older third-party form 1266025207620918', () => {
  it('is recognised and described, and Autofill writes no objection reasons into it', async () => {
    const form = thirdPartyForm();
    const deps = makeDeps();
    start(deps, 'https://www.facebook.com/help/contact/1266025207620918');
    await vi.waitFor(() => expect(controlText()).toContain(texts.introThirdParty));
    clickTrusted(controlButton()!);
    await vi.waitFor(() => expect(controlText()).toContain('Review and press Send.'));
    expect(form.querySelector('textarea')!.value).toBe('');
    expect(form.querySelector<HTMLInputElement>('input[type=email]')!.value).toBe('me@example.org');
  });
});
