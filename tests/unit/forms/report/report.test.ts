// @vitest-environment node
/*
 * Each page is its own jsdom (not happy-dom): DOMPurify reads `nodeName` through Node.prototype's getter
 * (against clobbering), which happy-dom leaves empty for elements, so DOMPurify removes everything there. jsdom
 * follows the DOM standard, as browsers do (DOMPurify's own suite runs on it). The report reads only the
 * document it is given, so no global DOM is set up for this file. The fail-closed case (fail-closed.test.ts)
 * runs where DOMPurify cannot.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildProblemReport, problemReportFile, problemReportSchema, type ProblemReport } from '../../../../src/forms/report';
import { formUrls } from '../../../../src/forms/rules/urls';
import { headingLine, PAGES, PLANTED } from './pages';

const knownFormIds = new Set(formUrls.map((rule) => rule.formId));

/**
 * One jsdom window for the whole file: a new one costs tens of milliseconds (more on a busy machine), writing
 * a page into it one. Every case writes its whole page (URL, language, title, body) before reading it, and
 * the report only reads (the "leaves the page as it was" cases prove it).
 */
const dom = new JSDOM('<!doctype html><html><head><title></title></head><body></body></html>', { url: 'https://www.facebook.com/' });

function show(body: string, { url = 'https://www.facebook.com/', lang = null as string | null, title = '' } = {}): Document {
  dom.reconfigure({ url });
  const doc = dom.window.document;
  if (lang === null) doc.documentElement.removeAttribute('lang');
  else doc.documentElement.setAttribute('lang', lang);
  doc.title = title;
  doc.body.innerHTML = body;
  return doc;
}

function load(page: (typeof PAGES)[number]) {
  const doc = show(page.html, { url: page.url, lang: page.lang, title: 'Margarethe Oyelaran | Facebook' });
  page.type(doc);
  return doc;
}

const built = new Map<string, { report: ProblemReport; text: string }>();

/** Each page's report is built once (jsdom is slow) and read by every case about it. */
function reportOf(page: (typeof PAGES)[number]): { report: ProblemReport; text: string } {
  const cached = built.get(page.name);
  if (cached) return cached;
  const doc = load(page);
  const report = buildProblemReport(doc, {
    version: '0.1.0',
    ruleId: 'facebook-ai-objection',
    // The engine may hand over the whole URL: the report keeps only its path.
    path: page.url,
    found: ['reason'],
    missing: ['email', 'country'],
  });
  const result = { report, text: problemReportFile(report).text };
  built.set(page.name, result);
  return result;
}

const leakCases = PAGES.flatMap((page) => PLANTED.map((planted) => ({ page: page.name, ...planted, build: page })));

describe('a problem report holds nothing personal', () => {
  it.each(leakCases)('$page: no $kind', ({ build, text: planted }) => {
    const { text } = reportOf(build);
    expect(text.toLowerCase()).not.toContain(planted.toLowerCase());
  });

  it.each(PAGES)('$name: no e-mail-like token, no link, no digit run of five or more but known form ids', (page) => {
    const { text } = reportOf(page);
    expect(text).not.toMatch(/@/);
    expect(text).not.toMatch(/https?:|fbcdn|facebook\.com\/|instagram\.com/);
    for (const run of text.match(/\d{5,}/g) ?? []) expect(knownFormIds).toContain(run);
  });

  it.each(PAGES)('$name: the path has no query or fragment, the host is kept', (page) => {
    const { report } = reportOf(page);
    const url = new URL(page.url);
    expect(report.page.path).toBe(url.pathname);
    expect(report.page.host).toBe('www.facebook.com');
  });

  it.each(PAGES)('$name: building the report leaves the page as it was', (page) => {
    const doc = load(page);
    const before = doc.documentElement.outerHTML;
    const typed = [...doc.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value);
    buildProblemReport(doc, { version: '0.1.0', ruleId: null, path: '/', found: [], missing: [] });
    expect(doc.documentElement.outerHTML).toBe(before);
    expect([...doc.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value)).toEqual(typed);
  });
});

describe('a problem report keeps the structure a maintainer needs', () => {
  const structureCases = PAGES.flatMap((page) =>
    page.structure.map((line) => ({ page: page.name, line, build: page })),
  );
  it.each(structureCases)('$page: $line', ({ build, line }) => {
    const { report } = reportOf(build);
    expect(report.outline.some((l) => l.includes(line))).toBe(true);
  });

  it.each(PAGES)('$name: describes the region it chose and what the engine found', (page) => {
    const { report } = reportOf(page);
    expect(report.region).toBe(page.region);
    expect(report.within).toEqual(page.within);
    expect(report.headings).toEqual(page.headings);
    expect(report).toMatchObject({
      format: 'objector-problem-report',
      objectorVersion: '0.1.0',
      ruleId: 'facebook-ai-objection',
      found: ['reason'],
      missing: ['email', 'country'],
      truncated: false,
    });
    expect(report.page.lang).toBe(page.lang);
    expect(problemReportSchema.safeParse(JSON.parse(problemReportFile(report).text)).success).toBe(true);
  });

  it('counts the fields of the whole page', () => {
    const { report } = reportOf(PAGES[0]!);
    expect(report.counts).toMatchObject({ form: 3, textarea: 3, select: 1, 'input[type=hidden]': 3, 'input[type=text]': 1 });
  });

  it('stays small: repeated siblings shown once with a count', () => {
    const items = Array.from({ length: 60 }, (_, i) => `<li><div role="button" aria-label="Open">Open</div><span>post ${i}</span></li>`).join('');
    const doc = show(`<main><ul>${items}</ul></main>`);
    const report = buildProblemReport(doc, { version: '0.1.0', ruleId: null, path: '/', found: [], missing: [] });
    expect(report.outline).toEqual(['main', '  div role=button aria-label=Open "Open" ×60']);
  });

  it('stays small: the outline is cut after 400 lines, and says so', () => {
    const letters = (i: number) => String.fromCharCode(97 + (i % 26)) + String.fromCharCode(97 + Math.floor(i / 26));
    const distinct = Array.from({ length: 450 }, (_, i) => `<div role="r${letters(i)}"></div>`).join('');
    const doc = show(`<main>${distinct}</main>`);
    const report = buildProblemReport(doc, { version: '0.1.0', ruleId: null, path: '/', found: [], missing: [] });
    expect(report.truncated).toBe(true);
    expect(report.outline).toHaveLength(401);
    expect(report.outline.at(-1)).toBe('… (outline cut here)');
  });

  it('lists a long select\'s first options and counts the rest', () => {
    const options = Array.from({ length: 40 }, (_, i) => `<option>Country ${i}</option>`).join('');
    const doc = show(`<form><select name="country">${options}</select><textarea></textarea></form>`);
    const report = buildProblemReport(doc, { version: '0.1.0', ruleId: null, path: '/', found: [], missing: [] });
    expect(report.outline.filter((l) => l.trim().startsWith('option'))).toHaveLength(12);
    expect(report.outline).toContain('    … 28 more options');
  });
});

describe('hostile markup', () => {
  it.each([
    ['a name in a link inside a label', '<label>I am <a href="/x">Margarethe Oyelaran</a></label>', 'Margarethe'],
    ['a name in a custom element inside a button', '<button><x-name role="link">Margarethe</x-name> Send</button>', 'Margarethe'],
    ['a post in a button inside an article', '<article><button>lovely weekend</button></article>', 'lovely'],
    ['an id in a button text', `<button>Account 100012345678901</button>`, '100012345678901'],
    ['a spaced id in a label', `<label>Id 1000 1234 5678 901</label>`, '5678'],
    ['an e-mail in an option', '<select><option>m.oyelaran@example.org</option></select>', 'example.org'],
    ['a token in an id', '<input id="tok_AQHRq7TxKz9LmVpW3sDfGh">', 'AQHRq7'],
    ['an e-mail in a name attribute', '<input name="m.oyelaran@example.org">', 'oyelaran'],
    ['a value on a submit-looking input that is not one', '<input type="text" value="secret-typed">', 'secret-typed'],
    ['text in an svg', '<button><svg><text>svgSecret</text></svg>Send</button>', 'svgSecret'],
    ['a textarea\'s default text', '<label>Reason <textarea>textareaSecret</textarea></label>', 'textareaSecret'],
    ['a menu of accounts', '<div role="menu"><div role="button">Switch to Margarethe</div></div>', 'Margarethe'],
    ['a listbox of people', '<div role="listbox"><div role="option">Margarethe</div></div>', 'Margarethe'],
    ['a placeholder greeting the user', '<div contenteditable="true" aria-placeholder="What\'s on your mind, Margarethe?"></div>', 'Margarethe'],
    ['aria-valuetext with the chosen value', '<div role="slider" aria-valuetext="Margarethe"></div>', 'Margarethe'],
  ])('%s', (_name, html, secret) => {
    const doc = show(`<form><textarea></textarea><input type="email">${html}</form>`);
    const report = buildProblemReport(doc, { version: '0.1.0', ruleId: null, path: '/', found: [], missing: [] });
    expect(problemReportFile(report).text).not.toContain(secret);
  });

  it('never takes a comment form in a post for the region, nor its heading for the title', () => {
    const doc = show(`<main><h1>Help</h1><div role="article"><h2>Margarethe</h2><form><label>Comment as Margarethe</label>
      <textarea></textarea><textarea></textarea></form></div><form><input type="email"><input type="text"></form></main>`);
    const report = buildProblemReport(doc, { version: '0.1.0', ruleId: null, path: '/', found: [], missing: [] });
    expect(report.outline).toEqual(['form', '  input type=email', '  input type=text']);
    expect(report.headings).toEqual(['h1 (text left out: 1 word)']);
    expect(problemReportFile(report).text).not.toContain('Margarethe');
  });

  it('keeps a submit input\'s caption (it is the button text)', () => {
    const doc = show('<form><textarea></textarea><input type="email"><input type="submit" value="Verzenden"></form>');
    const report = buildProblemReport(doc, { version: '0.1.0', ruleId: null, path: '/', found: [], missing: [] });
    expect(report.outline).toContain('  input type=submit value=Verzenden');
  });

  it.each([
    ['/help/contact/712876720715583/', '/help/contact/712876720715583/'],
    ['https://www.facebook.com/help/contact/999888777666555?id=100012345678901#x', '/help/contact/999888777666555'],
    ['/profile.php/100012345678901/help', '/*/#/help'],
    ['/oyelaran.77/about', '/*/about'],
    ['/help/contact/Field1234567', '/help/contact/Field#'],
  ])('path %s → %s', (path, expected) => {
    const doc = show('<main></main>');
    const report = buildProblemReport(doc, { version: '0.1.0', ruleId: null, path, found: [], missing: [] });
    expect(report.page.path).toBe(expected);
  });
});

describe('a heading with the user\'s name in it', () => {
  /** A form page as Meta might greet its user: a heading above the form, one in it. */
  const page = (above: string, inside = '<h3>Details</h3>') =>
    show(`<div role="main"><h1>${above}</h1><form>${inside}<label for="e">Contact email address</label><input id="e" type="email">
      <label for="r">Please tell us how this processing impacts you</label><textarea id="r"></textarea>
      <button type="submit">Send</button></form></div>`);
  const report = (doc: Document) => buildProblemReport(doc, { version: '0.1.0', ruleId: 'facebook-ai-objection', path: '/', found: [], missing: [] });
  const normal = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

  it('keeps where the form\'s title is and how long, and the labels and buttons the rules need', () => {
    const result = report(page('Object to Your Information Being Used for AI at Meta'));
    expect(result.headings).toEqual([`h1 ${headingLine('Object to Your Information Being Used for AI at Meta')}`]);
    expect(result.outline).toContain(`  h3 ${headingLine('Details')}`);
    expect(result.outline).toContain('  label for=e "Contact email address"');
    expect(result.outline).toContain('  button type=submit "Send"');
  });

  it.each([
    ['a greeting above the form', 'Hi Jana Nováková, object to your information being used for AI', undefined],
    ['the account in the title', 'Jana Nováková · Accounts Centre', undefined],
    ['a greeting in another language', 'Dobrý den, Jana Nováková!', undefined],
    ['the name split over elements', 'Hi <span>Jana</span> <b>Nováková</b>', undefined],
    ['the name in the form\'s own heading', 'Objection', '<h2>Jana Nováková, tell us more</h2>'],
    ['the name in a heading role', 'Objection', '<div role="heading" aria-level="2">Jana Nováková</div>'],
    ['the name in a heading that names the form', 'Objection', '<h2 id="t">Jana Nováková\'s objection</h2><div role="group" aria-labelledby="t"></div>'],
    ['the name in a heading inside a label', 'Objection', '<label><h4>Jana Nováková</h4></label>'],
    ['the name in a button inside a heading', 'Hi <button>Jana Nováková</button>', undefined],
    ['the name in a label inside the form\'s heading', 'Objection', '<h2><label for="e">Jana Nováková</label></h2>'],
    ['the name next to Meta\'s known wording', 'Jana Nováková, something went wrong', undefined],
  ])('%s: no part of the name', (_name, above, inside) => {
    const text = problemReportFile(report(page(above, inside))).text;
    expect(normal(text)).not.toContain('jana');
    expect(normal(text)).not.toContain('novakova');
  });

  it('shows Meta\'s wording the rules know, as the rules write it, and nothing else of the heading', () => {
    const result = report(page('Jana Nováková, something went wrong. Try again later.'));
    expect(result.headings).toEqual([
      'h1 (text left out: 8 words; Meta\'s known wording in it: "something went wrong", "try again later")',
    ]);
  });
});

describe('the file', () => {
  it.each([
    ['facebook-ai-objection', '2025-06-03T12:00:00', 'objector-problem-report-facebook-ai-objection-2025-06-03.json'],
    [null, '2026-01-09T12:00:00', 'objector-problem-report-unknown-2026-01-09.json'],
    ['../../evil name', '2026-01-09T12:00:00', 'objector-problem-report-evil-name-2026-01-09.json'],
  ])('rule %s on %s is saved as %s', (ruleId, day, name) => {
    const doc = show('<main></main>');
    const report = buildProblemReport(doc, { version: '0.1.0', ruleId, path: '/', found: [], missing: [] }, new Date(day));
    const file = problemReportFile(report);
    expect(file.name).toBe(name);
    expect(JSON.parse(file.text)).toEqual(report);
    expect(file.text).toContain('\n  "outline": [');
  });
});
