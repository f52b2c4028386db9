import * as z from 'zod/mini';
import { platformSchema } from '../../domain/platform';

/**
 * The shape of Objector's knowledge about Meta's objection forms. Rules are data: adding a language or a
 * new form variant is an edit in `data.ts`, validated against `formRulesSchema` by the unit tests and by the
 * background before it sends a rule out. The content script parses the one rule it receives with
 * `formRuleSchema`, which fixes the types (every literal union) but leaves the checks of the data (patterns,
 * non-empty lists) to the background: zod/mini, and only the schema kinds the content script already has,
 * because it runs on every Facebook and Instagram page and must stay small.
 */

/** What Objector writes into a field, or `null` when the field is the user's to fill. */
export const fieldFillSchema = z.nullable(z.literal(['email', 'reason', 'country']));

export const fieldRuleSchema = z.object({
  /** What the field is for; the key the fill report speaks of. */
  role: z.literal(['email', 'reason', 'country', 'name', 'prompts', 'screenshot']),
  fill: fieldFillSchema,
  /** A form is recognised only when all of its required fields are present. */
  required: z.boolean(),
  /**
   * Structural CSS selectors, most specific first: types, roles, autocomplete/inputmode, name/id
   * substrings. Never Meta's generated class names. The first visible match of the first selector that
   * matches anything wins; fields already taken by an earlier role are skipped.
   */
  selectors: z.array(z.string()),
});

/** Lower-case words or phrases, matched after normalisation (see `normalizeText`). */
const phrases = z.array(z.string());

export const formRuleSchema = z.object({
  id: z.string(),
  platform: platformSchema,
  /** Meta's numeric id of the contact form, as it appears in the URL. */
  formId: z.string(),
  kind: z.literal(['objection', 'third-party']),
  /** Registrable domain; every subdomain (www, m, web, nl-nl, help, …) matches. */
  domain: z.literal(['facebook.com', 'instagram.com']),
  /** Path patterns (regular expression sources), tested against `location.pathname`. */
  paths: phrases,
  fields: z.array(fieldRuleSchema),
  /** Words on the button that answers "Is your request about AI at Meta?" with yes, when the flow asks. */
  preQuestionYes: z.optional(phrases),
  /** Words on the Send button, per language; a `type=submit` button counts in any language. */
  submitWords: phrases,
  /** Phrases of Meta's confirmation; the engine also recognises confirmation by the form being replaced. */
  confirmationPhrases: phrases,
  /** Phrases of Meta's error messages. */
  errorPhrases: phrases,
});

/**
 * Every rule, with the checks of its data (patterns, non-empty lists, unique ids): what the background
 * validates before sending a rule out, and the unit tests. Built on first use, so that the content script,
 * which never calls it, carries none of it.
 */
export function formRulesSchema() {
  return (checkedRulesSchema ??= buildCheckedRulesSchema());
}

let checkedRulesSchema: ReturnType<typeof buildCheckedRulesSchema> | undefined;

function buildCheckedRulesSchema() {
  const somePhrases = z.array(z.string().check(z.minLength(1))).check(z.minLength(1));
  const checkedRule = z.extend(formRuleSchema, {
    id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
    formId: z.string().check(z.regex(/^\d+$/)),
    paths: somePhrases,
    fields: z.array(z.extend(fieldRuleSchema, { selectors: somePhrases })).check(z.minLength(1)),
    preQuestionYes: z.optional(somePhrases),
    submitWords: somePhrases,
    confirmationPhrases: somePhrases,
    errorPhrases: somePhrases,
  });
  return z.array(checkedRule).check(
    z.minLength(1),
    z.refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids must be unique'),
    z.refine(
      (rules) => rules.every((r) => r.paths.every((p) => isValidRegExp(p))),
      'every path pattern must be a valid regular expression',
    ),
  );
}

function isValidRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

export type FieldRule = z.infer<typeof fieldRuleSchema>;
export type FormRule = z.infer<typeof formRuleSchema>;
export type FieldRole = FieldRule['role'];
