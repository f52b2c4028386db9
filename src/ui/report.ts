import type { FieldRole } from '../forms/rules/schema';
import type { FillReport } from '../forms/fill';

/** The in-page texts, in the user's language (built from `locales/*.yml` by the content script). */
export interface ContentTexts {
  title: string;
  intro: string;
  introThirdParty: string;
  button: string;
  noForm: string;
  /** The objection URL shows nothing recognisable. */
  unrecognised: string;
  reportButton: string;
  recorded: string;
  confirmed: string;
  /** The form went away without Meta's known wording: the entry stays Submitted. */
  probablyConfirmed: string;
  failed: string;
  /** The history write failed (with the background's reason). */
  saveFailed(reason: string): string;
  alreadyConfirmed(isoDate: string): string;
  field(role: FieldRole): string;
  filled(fields: string): string;
  kept(fields: string): string;
  needs(fields: string): string;
  review: string;
  dropped(count: number): string;
  ownWordsDropped: string;
  countryNotListed: string;
  /** Fields Objector looked for and did not find: the user checks them before Send. */
  notFound(fields: string): string;
  fieldsMissing(fields: string): string;
  notAccepted(fields: string): string;
  planUnavailable: string;
  list(items: string[]): string;
}

/** Says what Autofill did and what is still up to the user, in sentences. */
export function describeReport(report: FillReport, t: ContentTexts): string {
  const names = (roles: FieldRole[]) => t.list(roles.map((r) => t.field(r)));
  if (report.problem === 'planUnavailable') return t.planUnavailable;
  if (report.problem === 'fieldsMissing') return t.fieldsMissing(names(report.fieldsConcerned ?? []));
  const lines: string[] = [];
  // Partly filled is still filled: what worked is said, and each field that did not is named.
  if (report.problem === 'notAccepted') lines.push(t.notAccepted(names(report.fieldsConcerned ?? [])));
  if (report.notFound.length) lines.push(t.notFound(names(report.notFound)));
  if (report.filled.length) lines.push(t.filled(names(report.filled)));
  if (report.kept.length) lines.push(t.kept(names(report.kept)));
  if (report.droppedReasons > 0) lines.push(t.dropped(report.droppedReasons));
  if (report.ownWordsDropped) lines.push(t.ownWordsDropped);
  if (report.countryNotListed) lines.push(t.countryNotListed);
  if (report.needs.length) lines.push(t.needs(names(report.needs)));
  lines.push(t.review);
  return lines.join('\n');
}
