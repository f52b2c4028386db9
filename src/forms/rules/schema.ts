import { z } from 'zod';

/**
 * The shape of Objector's knowledge about Meta's objection forms (rule format, see docs/rules.md). Rules are
 * data, one file per form in this folder: adding a language or a form variant is a data edit, validated
 * against this schema by the unit tests and by the background before it sends a rule to a page.
 */

/** The rule format this engine reads. A rule of another format is refused, never half understood. */
export const RULE_FORMAT = 1;

/** Words or phrases, matched after normalisation (see `normalizeText`): write them plainly. */
const phrases = z.array(z.string().min(1)).min(1);

/** What Objector writes into a field, or `null` when the field is the user's to fill. */
export const fieldFillSchema = z.enum(['email', 'reason', 'country']).nullable();

/** What kind of element a field is (the engine knows which HTML elements and roles each kind takes). */
export const fieldControlSchema = z.enum(['line', 'freeText', 'choice', 'file']);

export const fieldRuleSchema = z.object({
  /** What the field is for; the key the fill report speaks of. */
  role: z.enum(['email', 'reason', 'country', 'name', 'prompts', 'screenshot']),
  fill: fieldFillSchema,
  control: fieldControlSchema,
  /**
   * The field that makes the page this form (with the URL): its free text. Exactly one per rule, and a
   * `freeText` one. Every other field is optional for recognition.
   */
  recognises: z.boolean().optional(),
  /**
   * Step 1, structure: CSS selectors, most specific first (types, roles, autocomplete, inputmode, name/id
   * substrings). Never Meta's generated class names.
   */
  selectors: z.array(z.string().min(1)),
  /** Step 2, the field's accessible name: words in any language, matched inside its label texts. */
  labels: z.array(z.string().min(1)).optional(),
  /** Step 3, the shape of a prefilled value. */
  valueShape: z.enum(['email']).optional(),
});

export const formRuleSchema = z
  .object({
    format: z.literal(RULE_FORMAT),
    id: z.string().regex(/^[a-z0-9-]+$/),
    platform: z.enum(['facebook', 'instagram']),
    /** Meta's numeric id of the contact form, as it appears in the URL. */
    formId: z.string().regex(/^\d+$/),
    /** An objection form is filled with the user's reasons; a third-party form only with e-mail and country. */
    kind: z.enum(['objection', 'third-party']),
    /** Hosts (an anchored regular expression source, matched against the lower-case host name; https only). */
    hosts: z.string().regex(/^\^.*\$$/),
    /** Path patterns (anchored regular expression sources), tested against `location.pathname`. */
    paths: z.array(z.string().min(1)).min(1),
    fields: z.array(fieldRuleSchema).min(1),
    /** Words on the button that answers "Is your request about AI at Meta?" with yes, when the flow asks. */
    preQuestionYes: phrases.optional(),
    /** Words on the Send button, per language; a `type=submit` button counts in any language. */
    submitWords: phrases,
    /** Phrases of Meta's confirmation: only these make a submission Confirmed. */
    confirmationPhrases: phrases,
    /** Phrases of Meta's error messages. */
    errorPhrases: phrases,
  })
  .refine((rule) => rule.fields.filter((f) => f.recognises).length === 1, 'exactly one field recognises the form')
  .refine((rule) => rule.fields.every((f) => !f.recognises || f.control === 'freeText'), 'the recognising field is free text')
  .refine((rule) => new Set(rule.fields.map((f) => f.role)).size === rule.fields.length, 'field roles are unique')
  .refine((rule) => rule.fields.every((f) => f.recognises || f.selectors.length > 0 || (f.labels?.length ?? 0) > 0 || f.valueShape), 'every field can be found somehow');

export const formRulesSchema = z
  .array(formRuleSchema)
  .min(1)
  .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids must be unique')
  .refine(
    (rules) => rules.every((r) => isValidRegExp(r.hosts) && r.paths.every((p) => isValidRegExp(p))),
    'every host and path pattern must be a valid regular expression',
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
export type FieldControl = FieldRule['control'];
