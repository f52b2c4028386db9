import { z } from 'zod';

/**
 * The shape of Objector's knowledge about Meta's objection forms. Rules are data: adding a language or a
 * new form variant is an edit in `data.ts`, validated against this schema by the build (wxt.config.ts)
 * and by the unit tests. The content script imports only the data and its type, never zod itself.
 */

/** Lower-case words or phrases, matched after normalisation (see `normalizeText`). */
const phrases = z.array(z.string().min(1)).min(1);

/** What Objector writes into a field, or `null` when the field is the user's to fill. */
export const fieldFillSchema = z.enum(['email', 'reason', 'country']).nullable();

export const fieldRuleSchema = z.object({
  /** What the field is for; the key the fill report speaks of. */
  role: z.enum(['email', 'reason', 'country', 'name', 'prompts', 'screenshot']),
  fill: fieldFillSchema,
  /** A form is recognised only when all of its required fields are present. */
  required: z.boolean(),
  /**
   * Structural CSS selectors, most specific first: types, roles, autocomplete/inputmode, name/id
   * substrings. Never Meta's generated class names. The first visible match of the first selector that
   * matches anything wins; fields already taken by an earlier role are skipped.
   */
  selectors: z.array(z.string().min(1)).min(1),
});

export const formRuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  platform: z.enum(['facebook', 'instagram']),
  /** Meta's numeric id of the contact form, as it appears in the URL. */
  formId: z.string().regex(/^\d+$/),
  kind: z.enum(['objection', 'third-party']),
  /** Hosts (an anchored regular expression source, matched against the lower-case host name; https only). */
  hosts: z.string().regex(/^\^.*\$$/),
  /** Path patterns (regular expression sources), tested against `location.pathname`. */
  paths: z.array(z.string().min(1)).min(1),
  fields: z.array(fieldRuleSchema).min(1),
  /** Words on the button that answers "Is your request about AI at Meta?" with yes, when the flow asks. */
  preQuestionYes: phrases.optional(),
  /** Words on the Send button, per language; a `type=submit` button counts in any language. */
  submitWords: phrases,
  /** Phrases of Meta's confirmation; the engine also recognises confirmation by the form being replaced. */
  confirmationPhrases: phrases,
  /** Phrases of Meta's error messages. */
  errorPhrases: phrases,
});

export const formRulesSchema = z
  .array(formRuleSchema)
  .min(1)
  .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids must be unique')
  .refine(
    (rules) => rules.every((r) => isValidRegExp(r.hosts) && r.paths.every((p) => isValidRegExp(p))),
    'every path pattern must be a valid regular expression',
  );

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
