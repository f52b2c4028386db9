import * as z from 'zod/mini';
import { formUrls } from '../rules/urls';
import { countStructure, outlineMainRegion } from './outline';
import { generaliseValue, keywordValue, scrubPath } from './scrub';

/*
 * The problem report a user saves when Objector cannot recognise or fill a form on an objection URL: enough
 * for a maintainer to update the form rules, nothing about the person (see README, "Problem reports").
 * Loaded only when the user asks for a report, so it pulls in DOMPurify and `zod/mini`, nothing of the UI.
 */

export const PROBLEM_REPORT_FORMAT = 'objector-problem-report';

export const problemReportSchema = z.object({
  format: z.literal(PROBLEM_REPORT_FORMAT),
  formatVersion: z.literal(1),
  objectorVersion: z.string(),
  ruleId: z.nullable(z.string()),
  /** The day the report was made (local date, yyyy-mm-dd): no time of day. */
  created: z.string(),
  page: z.object({
    /** Meta's host (`www.facebook.com`, `fr-fr.facebook.com`…): tells the locale variant apart. */
    host: z.string(),
    /** The URL's path, without query or fragment, with ids other than known form ids generalised. */
    path: z.string(),
    lang: z.string(),
  }),
  found: z.array(z.string()),
  missing: z.array(z.string()),
  /** Which region the outline describes: the page's form, else its main landmark, else the body. */
  region: z.enum(['form', 'main', 'body']),
  /** How many of each kind of field the whole page has. */
  counts: z.record(z.string(), z.number()),
  /** When the region is a form: the landmarks around it (tags and roles), outermost first. */
  within: z.array(z.string()),
  /** When the region is a form: the page's h1–h3 outside it, cleaned like the outline. */
  headings: z.array(z.string()),
  /** One line per element: tag, attributes (structural values), caption text in quotes. */
  outline: z.array(z.string()),
  truncated: z.boolean(),
});
export type ProblemReport = z.infer<typeof problemReportSchema>;

export interface ProblemReportContext {
  version: string;
  ruleId: string | null;
  path: string;
  found: string[];
  missing: string[];
}

function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Field roles and rule ids come from Objector itself; generalised anyway, as nothing in a report is trusted. */
const label = (value: string) => generaliseValue(value, 40);

/** Builds the report from the live page without changing it (the page's region is copied, then cleaned). */
export function buildProblemReport(
  doc: Document,
  context: ProblemReportContext,
  now: Date = new Date(),
): ProblemReport {
  const knownIds = new Set(formUrls.map((rule) => rule.formId));
  const outline = outlineMainRegion(doc);
  const host = doc.location?.hostname ?? '';
  return problemReportSchema.parse({
    format: PROBLEM_REPORT_FORMAT,
    formatVersion: 1,
    objectorVersion: /^\d{1,4}(?:\.\d{1,4}){0,3}$/.test(context.version) ? context.version : keywordValue(context.version),
    ruleId: context.ruleId === null ? null : label(context.ruleId),
    created: localDay(now),
    page: {
      host: /^[a-z0-9.-]{1,100}$/i.test(host) ? host.toLowerCase() : '',
      path: scrubPath(context.path, knownIds),
      lang: keywordValue(doc.documentElement.getAttribute('lang') ?? ''),
    },
    found: context.found.map(label),
    missing: context.missing.map(label),
    region: outline.region,
    counts: countStructure(doc),
    within: outline.within,
    headings: outline.headings,
    outline: outline.lines,
    truncated: outline.truncated,
  });
}

/** The file a user saves: `objector-problem-report-<rule id or unknown>-<yyyy-mm-dd>.json`, pretty JSON. */
export function problemReportFile(report: ProblemReport): { name: string; text: string } {
  const rule = (report.ruleId ?? 'unknown').replace(/[^a-z0-9-]+/gi, '-').replace(/^-+|-+$/g, '') || 'unknown';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(report.created) ? report.created : 'undated';
  return { name: `objector-problem-report-${rule}-${day}.json`, text: `${JSON.stringify(report, null, 2)}\n` };
}

/** How long the Blob URL lives after the click: some browsers read the Blob after the click handler returned. */
export const REVOKE_AFTER_MS = 60_000;

/**
 * Saves the file through a Blob URL and a click on an `<a download>` link in the page: no `downloads`
 * permission. The link is removed at once, the URL revoked once the browser has had time to read it.
 */
export function saveProblemReport(doc: Document, file: { name: string; text: string }): void {
  const view = doc.defaultView ?? window;
  const url = view.URL.createObjectURL(new view.Blob([file.text], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  (doc.body ?? doc.documentElement).append(link);
  try {
    link.click();
  } finally {
    link.remove();
    view.setTimeout(() => view.URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
