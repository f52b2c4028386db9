// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { buildProblemReport, problemReportFile } from '../../../../src/forms/report';
import { PAGES, PLANTED } from './pages';

/*
 * happy-dom leaves Node.prototype's `nodeName` getter empty for elements, so DOMPurify cannot tell tags apart
 * there and leaves nodes it never sanitised. The outline reads only nodes DOMPurify went through with
 * Objector's hooks, so a sanitiser that cannot run yields a report without an outline, never the raw page.
 */
it.each(PAGES)('$name: where DOMPurify cannot run, nothing of the page leaks', (page) => {
  document.documentElement.lang = page.lang;
  document.body.innerHTML = page.html;
  page.type(document);
  const report = buildProblemReport(document, { version: '0.1.0', ruleId: null, path: page.url, found: [], missing: [] });
  const text = problemReportFile(report).text.toLowerCase();
  for (const planted of PLANTED) expect(text, planted.kind).not.toContain(planted.text.toLowerCase());
});
