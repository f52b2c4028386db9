// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { detectObjectionForm } from '@/src/forms/find';
import { fillObjection, findCountryOption, writeValue, type FillPlan, type PlanRequest } from '@/src/forms/fill';
import { formRules } from '@/src/forms/rules/data';
import {
  LISTED,
  OTHER_LANGS,
  controlledForm,
  preQuestionStage,
  ruleById,
  serverRenderedEnglishForm,
  setPageLanguage,
  thirdPartyForm,
  watchSend,
} from './fixtures';

const objection = ruleById(formRules, 'facebook-ai-objection');
const thirdParty = ruleById(formRules, 'facebook-third-party-ai');

const TEXT = 'I object under Article 21(1) GDPR to Meta processing my personal data to develop and improve AI at Meta.';

function plan(over: Partial<FillPlan> = {}): FillPlan {
  return { text: TEXT, email: 'me@example.org', country: 'NL', droppedReasons: 0, ownWordsDropped: false, ...over };
}
function planner(over: Partial<FillPlan> = {}) {
  return vi.fn(async (_request: PlanRequest) => plan(over));
}

let send: ReturnType<typeof watchSend>;
beforeEach(() => {
  document.body.innerHTML = '';
  setPageLanguage(null);
  send = watchSend();
});
afterEach(() => {
  // Objector never presses Send: whatever a test did, no Send happened.
  expect(send.count()).toBe(0);
  send.stop();
});

describe('fillObjection: server-rendered English form', () => {
  it('fills e-mail, country (by ISO value) and the objection text, and reports them', async () => {
    const form = serverRenderedEnglishForm({ maxLength: 1500 });
    const getPlan = planner();
    const report = await fillObjection(document, detectObjectionForm(document, objection), getPlan);
    expect(report).toMatchObject({ ok: true, kept: [], needs: [], droppedReasons: 0, ownWordsDropped: false });
    expect(report.filled.sort()).toEqual(['country', 'email', 'reason']);
    expect(form.querySelector<HTMLInputElement>('input[type=email]')!.value).toBe('me@example.org');
    expect(form.querySelector('select')!.value).toBe('NL');
    expect(form.querySelector('textarea')!.value).toBe(TEXT);
  });

  it("passes the field's maxlength and the page language to the plan request", async () => {
    serverRenderedEnglishForm({ maxLength: 1500 });
    const getPlan = planner();
    await fillObjection(document, detectObjectionForm(document, objection), getPlan);
    expect(getPlan).toHaveBeenCalledTimes(1);
    expect(getPlan).toHaveBeenCalledWith({ lang: 'en', maxLength: 1500 });
  });

  it('asks for no length limit when the field has no maxlength', async () => {
    serverRenderedEnglishForm();
    const getPlan = planner();
    await fillObjection(document, detectObjectionForm(document, objection), getPlan);
    expect(getPlan).toHaveBeenCalledWith({ lang: 'en', maxLength: undefined });
  });

  it('says how many reasons were left out to fit, and that own words were dropped', async () => {
    serverRenderedEnglishForm({ maxLength: 300 });
    const report = await fillObjection(document, detectObjectionForm(document, objection), planner({ droppedReasons: 2, ownWordsDropped: true }));
    expect(report).toMatchObject({ ok: true, droppedReasons: 2, ownWordsDropped: true });
  });

  it("a saved e-mail overwrites a different one Meta prefilled", async () => {
    const form = serverRenderedEnglishForm({ email: 'old@meta-prefill.example' });
    const report = await fillObjection(document, detectObjectionForm(document, objection), planner({ email: 'me@example.org' }));
    expect(form.querySelector<HTMLInputElement>('input[type=email]')!.value).toBe('me@example.org');
    expect(report.filled).toContain('email');
    expect(report.kept).not.toContain('email');
  });

  it('a saved e-mail equal to the prefilled one counts as filled', async () => {
    const form = serverRenderedEnglishForm({ email: 'me@example.org' });
    const report = await fillObjection(document, detectObjectionForm(document, objection), planner({ email: ' me@example.org ' }));
    expect(form.querySelector<HTMLInputElement>('input[type=email]')!.value).toBe('me@example.org');
    expect(report.filled).toContain('email');
  });

  it("without a saved e-mail, Meta's prefilled one is kept (and reported so the user checks it)", async () => {
    const form = serverRenderedEnglishForm({ email: 'account@meta-prefill.example' });
    const report = await fillObjection(document, detectObjectionForm(document, objection), planner({ email: '' }));
    expect(form.querySelector<HTMLInputElement>('input[type=email]')!.value).toBe('account@meta-prefill.example');
    expect(report.ok).toBe(true);
    expect(report.kept).toEqual(['email']);
    expect(report.filled).not.toContain('email');
  });

  it('without a saved e-mail and an empty field, the user is told to fill it', async () => {
    const form = serverRenderedEnglishForm();
    const report = await fillObjection(document, detectObjectionForm(document, objection), planner({ email: '   ' }));
    expect(form.querySelector<HTMLInputElement>('input[type=email]')!.value).toBe('');
    expect(report.ok).toBe(true);
    expect(report.needs).toContain('email');
    expect(report.filled).toContain('reason');
  });

  it('a country that is not in the list: countryNotListed, the select is left alone', async () => {
    const form = serverRenderedEnglishForm({ countries: ['AT', 'DE', 'FR'] });
    const report = await fillObjection(document, detectObjectionForm(document, objection), planner({ country: 'NO' }));
    expect(report.ok).toBe(true);
    expect(report.countryNotListed).toBe(true);
    expect(report.needs).toContain('country');
    expect(form.querySelector('select')!.value).toBe('');
  });

  it("without a saved country, Meta's preselected one is kept", async () => {
    const form = serverRenderedEnglishForm({ country: 'BE' });
    const report = await fillObjection(document, detectObjectionForm(document, objection), planner({ country: '' }));
    expect(form.querySelector('select')!.value).toBe('BE');
    expect(report.kept).toContain('country');
    expect(report.countryNotListed).toBeFalsy();
  });

  it('without a saved country and nothing selected, the user is told to choose one', async () => {
    serverRenderedEnglishForm();
    const report = await fillObjection(document, detectObjectionForm(document, objection), planner({ country: '' }));
    expect(report.needs).toContain('country');
    expect(report.countryNotListed).toBeFalsy();
  });

  it('when the plan cannot be had, nothing is written', async () => {
    const form = serverRenderedEnglishForm({ email: 'account@meta-prefill.example' });
    const report = await fillObjection(document, detectObjectionForm(document, objection), async () => {
      throw new Error('background gone');
    });
    expect(report).toMatchObject({ ok: false, problem: 'planUnavailable', filled: [] });
    expect(form.querySelector<HTMLInputElement>('input[type=email]')!.value).toBe('account@meta-prefill.example');
    expect(form.querySelector('select')!.value).toBe('');
    expect(form.querySelector('textarea')!.value).toBe('');
  });
});

describe('fillObjection: a page without the required fields', () => {
  it('reports fieldsMissing, never asks for a plan and writes nothing', async () => {
    const form = serverRenderedEnglishForm({ withTextarea: false, email: 'account@meta-prefill.example', country: 'DE' });
    const before = Array.from(form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')).map((el) => el.value);
    const detection = detectObjectionForm(document, objection);
    expect(detection.state).toBe('none');
    const getPlan = planner();
    const report = await fillObjection(document, detection, getPlan);
    expect(report).toMatchObject({ ok: false, problem: 'fieldsMissing', filled: [] });
    expect(getPlan).not.toHaveBeenCalled();
    const after = Array.from(form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')).map((el) => el.value);
    expect(after).toEqual(before);
  });

  it('names only the field that is missing (the e-mail field is there)', async () => {
    serverRenderedEnglishForm({ withTextarea: false });
    const report = await fillObjection(document, detectObjectionForm(document, objection), planner());
    expect(report.fieldsConcerned).toEqual(['reason']);
  });
});

describe('fillObjection: React-like controlled form', () => {
  it('German: the values reach the app state and survive a re-render', async () => {
    const f = controlledForm('de', { maxLength: 800 });
    const getPlan = planner();
    const report = await fillObjection(document, detectObjectionForm(document, objection), getPlan);
    expect(getPlan).toHaveBeenCalledWith({ lang: 'de', maxLength: 800 });
    expect(report.ok).toBe(true);
    expect(report.filled.sort()).toEqual(['country', 'email', 'reason']);
    f.rerender();
    expect(f.state).toEqual({ email: 'me@example.org', country: f.country.value, reason: TEXT });
    expect(f.email.value).toBe('me@example.org');
    expect(f.reason.value).toBe(TEXT);
    // Country by its German name: the option values are opaque numbers.
    expect(f.country.selectedOptions[0]?.textContent).toBe('Niederlande');
  });

  it.each(OTHER_LANGS)('%s: filled the same way, country found by its name in the page language', async (lang) => {
    const f = controlledForm(lang);
    const report = await fillObjection(document, detectObjectionForm(document, objection), planner({ country: 'PL' }));
    expect(report.ok).toBe(true);
    f.rerender();
    expect(f.state.reason).toBe(TEXT);
    expect(f.state.email).toBe('me@example.org');
    expect(f.country.selectedOptions[0]?.textContent).toBe(new Intl.DisplayNames([lang], { type: 'region' }).of('PL'));
  });

  it('an app that refuses the text: reported as not accepted, not as filled', async () => {
    controlledForm('de', { refuseReason: true });
    const report = await fillObjection(document, detectObjectionForm(document, objection), planner());
    expect(report.ok).toBe(false);
    expect(report.problem).toBe('notAccepted');
    expect(report.fieldsConcerned).toEqual(['reason']);
  });
});

describe('fillObjection: pre-question', () => {
  it('answers yes, waits for the fields and fills them', async () => {
    const stage = preQuestionStage('de', 40);
    const noClicked = vi.fn();
    stage.no.addEventListener('click', noClicked);
    const detection = detectObjectionForm(document, objection);
    expect(detection.state).toBe('pre-question');
    const report = await fillObjection(document, detection, planner());
    expect(noClicked).not.toHaveBeenCalled();
    const f = await stage.formShown;
    expect(report.ok).toBe(true);
    f.rerender();
    expect(f.state.reason).toBe(TEXT);
    expect(f.state.email).toBe('me@example.org');
  });

  it('gives up with fieldsMissing when the fields never come, writing nothing', async () => {
    const stage = preQuestionStage('de', 10_000);
    const detection = detectObjectionForm(document, objection);
    const getPlan = planner();
    const report = await fillObjection(document, detection, getPlan, { timeoutMs: 50 });
    expect(report.ok).toBe(false);
    expect(report.problem).toBe('fieldsMissing');
    expect(getPlan).not.toHaveBeenCalled();
    void stage;
  });
});

describe('fillObjection: third-party form', () => {
  it('fills only e-mail and country; name, prompts and screenshot are the user’s', async () => {
    const form = thirdPartyForm();
    const getPlan = planner();
    const report = await fillObjection(document, detectObjectionForm(document, thirdParty), getPlan);
    expect(report.ok).toBe(true);
    expect(report.filled.sort()).toEqual(['country', 'email']);
    expect(report.needs.sort()).toEqual(['name', 'prompts', 'screenshot']);
    expect(form.querySelector<HTMLInputElement>('input[type=email]')!.value).toBe('me@example.org');
    expect(form.querySelector('select')!.value).toBe('NL');
    // The objection text never lands in the prompts field, nor in the name.
    expect(form.querySelector('textarea')!.value).toBe('');
    expect(form.querySelector<HTMLInputElement>('input[autocomplete=name]')!.value).toBe('');
  });

  it('a name the user already typed is not reported as needed', async () => {
    const form = thirdPartyForm();
    form.querySelector<HTMLInputElement>('input[autocomplete=name]')!.value = 'Jane Doe';
    const report = await fillObjection(document, detectObjectionForm(document, thirdParty), planner());
    expect(report.needs).not.toContain('name');
    expect(form.querySelector<HTMLInputElement>('input[autocomplete=name]')!.value).toBe('Jane Doe');
  });
});

describe('writeValue', () => {
  it('a plain .value assignment without events is undone by the app, writeValue sticks', () => {
    const f = controlledForm('de');
    f.reason.value = 'plain assignment';
    f.reason.dispatchEvent(new Event('input', { bubbles: true }));
    f.rerender();
    expect(f.reason.value).toBe('');
    expect(f.state.reason).toBe('');

    writeValue(f.reason, 'through writeValue');
    f.rerender();
    expect(f.reason.value).toBe('through writeValue');
    expect(f.state.reason).toBe('through writeValue');
  });

  it('fires bubbling input and change events, and leaves no focus behind', () => {
    serverRenderedEnglishForm();
    const seen: string[] = [];
    for (const type of ['input', 'change']) document.addEventListener(type, (e) => seen.push(`${e.type}:${e.bubbles}`));
    const textarea = document.querySelector('textarea')!;
    writeValue(textarea, 'x');
    expect(seen).toEqual(['input:true', 'change:true']);
    expect(document.activeElement).not.toBe(textarea);
  });

  it('selects an option of a select', () => {
    const f = controlledForm('de');
    writeValue(f.country, '1003');
    f.rerender();
    expect(f.state.country).toBe('1003');
    expect(f.country.value).toBe('1003');
  });

  it('writes plain text verbatim (markup is not interpreted)', () => {
    serverRenderedEnglishForm();
    const textarea = document.querySelector('textarea')!;
    writeValue(textarea, '<img src=x onerror=alert(1)>');
    expect(textarea.value).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('findCountryOption', () => {
  const select = (html: string) => {
    document.body.innerHTML = `<select>${html}</select>`;
    return document.querySelector('select')!;
  };

  it.each([
    ['by ISO value', '<option value="">-</option><option value="DE">Germany</option><option value="NL">Netherlands</option>', 'NL', 'en', 'NL'],
    ['by ISO value, case-insensitive', '<option value="nl">Netherlands</option>', 'NL', 'en', 'nl'],
    ['by the German name on a German page', '<option value="1">Deutschland</option><option value="2">Niederlande</option>', 'NL', 'de', '2'],
    ['by the English name on a German page', '<option value="1">Germany</option><option value="2">Netherlands</option>', 'NL', 'de', '2'],
    ['by the French name', '<option value="a">Allemagne</option><option value="b">Pays-Bas</option>', 'NL', 'fr', 'b'],
    ['by a name with accents and extra space', '<option value="x"> Österreich </option>', 'AT', 'de', 'x'],
    ['by the Polish name', '<option value="9">Niemcy</option><option value="10">Polska</option>', 'PL', 'pl', '10'],
    ['with an unknown locale tag', '<option value="NL">Netherlands</option>', 'NL', 'not a locale!', 'NL'],
  ])('%s', (_name, html, code, lang, expected) => {
    expect(findCountryOption(select(html), code, lang)).toBe(expected);
  });

  it('a country that is not listed → undefined', () => {
    expect(findCountryOption(select('<option value="DE">Germany</option><option value="FR">France</option>'), 'NO', 'en')).toBeUndefined();
  });

  it('does not confuse countries whose names share a prefix', () => {
    expect(findCountryOption(select('<option value="1">Niger</option><option value="2">Nigeria</option>'), 'NG', 'en')).toBe('2');
  });

  it('every EEA country the fixtures list is found by its name in each language', () => {
    for (const lang of ['de', ...OTHER_LANGS]) {
      const names = new Intl.DisplayNames([lang], { type: 'region' });
      const el = select(LISTED.map((c, i) => `<option value="${i}">${names.of(c)}</option>`).join(''));
      LISTED.forEach((c, i) => expect(findCountryOption(el, c, lang), `${lang} ${c}`).toBe(String(i)));
    }
  });
});

describe('fillObjection: fill what is there, name what is not', () => {
  it('no e-mail field: the reason and country are still filled, the e-mail is named as not found', async () => {
    const form = serverRenderedEnglishForm();
    form.querySelector('input[type=email]')!.remove();
    const report = await fillObjection(document, detectObjectionForm(document, objection), planner());
    expect(report.ok).toBe(true);
    expect(report.filled.sort()).toEqual(['country', 'reason']);
    expect(report.notFound).toEqual(['email']);
    expect(form.querySelector('textarea')!.value).toBe(TEXT);
  });

  it('a label-only plain text e-mail input is filled like any other', async () => {
    setPageLanguage('pl');
    document.body.innerHTML = `<form method="post"><label for="u_0_1_Ab">Adres e-mail</label><input type="text" id="u_0_1_Ab" name="Field1234">
      <label for="u_0_2_Cd">Powiedz nam, jak to przetwarzanie na Ciebie wpływa</label><textarea id="u_0_2_Cd" name="Field5678"></textarea>
      <button type="submit">Wyślij</button></form>`;
    const report = await fillObjection(document, detectObjectionForm(document, objection), planner());
    expect(report.filled.sort()).toEqual(['email', 'reason']);
    expect(report.notFound).toEqual(['country']);
    expect(document.querySelector<HTMLInputElement>('input[name=Field1234]')!.value).toBe('me@example.org');
  });
});

/**
 * A Lexical-style editor: the text lives in `state`; the DOM is re-rendered from it after any change the
 * editor did not make itself (a `textContent` write is undone). Text gets in through `beforeinput`.
 */
function lexicalEditor(opts: { acceptPaste?: boolean; acceptBeforeInput?: boolean } = {}) {
  document.body.innerHTML = `<div role="main"><span id="l">How this processing impacts you</span>
    <div contenteditable="true" role="textbox" aria-labelledby="l" id="ed"><p><br></p></div>
    <div role="button">Send</div></div>`;
  const editor = document.getElementById('ed')!;
  const state = { text: '' };
  const render = () => {
    editor.innerHTML = state.text ? state.text.split('\n').map((line) => `<p><span>${line}</span></p>`).join('') : '<p><br></p>';
    // Its own render is not a change to undo.
    observer.takeRecords();
  };
  const observer = new MutationObserver(() => render());
  if (opts.acceptBeforeInput !== false) {
    editor.addEventListener('beforeinput', (e) => {
      const event = e as InputEvent;
      if (event.inputType !== 'insertText') return;
      event.preventDefault();
      state.text = event.data ?? '';
      render();
    });
  }
  if (opts.acceptPaste) {
    editor.addEventListener('paste', (e) => {
      const data = (e as ClipboardEvent).clipboardData?.getData('text/plain');
      if (data === undefined) return;
      e.preventDefault();
      state.text = data;
      render();
    });
  }
  observer.observe(editor, { childList: true, characterData: true, subtree: true });
  return { editor, state };
}

describe('fillObjection: a rich-text editor', () => {
  it('fills through the editing path, so the app state follows, and reads back what the editor shows', async () => {
    const { editor, state } = lexicalEditor();
    const report = await fillObjection(document, detectObjectionForm(document, objection), planner({ text: 'First paragraph.\n\nSecond paragraph.' }));
    expect(report.filled).toContain('reason');
    expect(state.text).toBe('First paragraph.\n\nSecond paragraph.');
    expect(editor.textContent).toContain('Second paragraph.');
  });

  it('an editor that takes text only by paste gets it by paste', async () => {
    if (typeof DataTransfer === 'undefined' || typeof ClipboardEvent === 'undefined') return expect(true).toBe(true);
    const { state } = lexicalEditor({ acceptPaste: true, acceptBeforeInput: false });
    const report = await fillObjection(document, detectObjectionForm(document, objection), planner());
    expect(state.text).toBe(TEXT);
    expect(report.filled).toContain('reason');
  });

  it('an editor that undoes every write: not accepted, and said so', async () => {
    const { editor } = lexicalEditor({ acceptBeforeInput: false });
    editor.addEventListener('beforeinput', (e) => e.preventDefault());
    const report = await fillObjection(document, detectObjectionForm(document, objection), planner());
    expect(report.ok).toBe(false);
    expect(report.problem).toBe('notAccepted');
    expect(report.fieldsConcerned).toEqual(['reason']);
    expect(editor.textContent).not.toContain(TEXT);
  });
});

/** A combobox whose value is the app's state, chosen by clicking one of the listbox's options. */
function comboboxForm(prefilled: string) {
  setPageLanguage('en');
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  document.body.innerHTML = `<div role="main"><textarea></textarea>
    <span id="cl">Country of residence</span>
    <div role="combobox" aria-labelledby="cl" aria-controls="lb" aria-expanded="false" tabindex="0" id="cb"></div>
    <ul role="listbox" id="lb" hidden>${LISTED.map((c) => `<li role="option" data-code="${c}">${names.of(c)}</li>`).join('')}</ul>
    <div role="button">Send</div></div>`;
  const combo = document.getElementById('cb')!;
  const list = document.getElementById('lb')!;
  const state = { country: prefilled };
  const render = () => {
    combo.textContent = state.country ? names.of(state.country)! : 'Select a country';
    combo.setAttribute('aria-expanded', String(!list.hidden));
  };
  combo.addEventListener('click', () => {
    list.hidden = !list.hidden;
    render();
  });
  for (const option of Array.from(list.children) as HTMLElement[]) {
    option.addEventListener('click', () => {
      state.country = option.dataset.code!;
      list.hidden = true;
      render();
    });
  }
  render();
  return { combo, list, state };
}

describe('fillObjection: country as a combobox', () => {
  it('chooses the saved country through the option a user would click', async () => {
    const { combo, list, state } = comboboxForm('AT');
    const report = await fillObjection(document, detectObjectionForm(document, objection), planner({ country: 'NL' }));
    expect(state.country).toBe('NL');
    expect(combo.textContent).toBe('Netherlands');
    expect(list.hidden).toBe(true);
    expect(report.filled).toContain('country');
  });

  it("leaves Meta's prefilled country alone when the user saved none", async () => {
    const { state } = comboboxForm('IE' as string);
    const report = await fillObjection(document, detectObjectionForm(document, objection), planner({ country: '' }));
    expect(state.country).toBe('IE');
    expect(report.kept).toContain('country');
  });

  it('a country the list does not offer: named as needed, the list closed again', async () => {
    const { list, state } = comboboxForm('AT');
    const report = await fillObjection(document, detectObjectionForm(document, objection), planner({ country: 'NO' }));
    expect(state.country).toBe('AT');
    expect(list.hidden).toBe(true);
    expect(report.fieldsConcerned).toEqual(['country']);
    expect(report.filled).toContain('reason');
  });
});
