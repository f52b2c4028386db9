import * as z from 'zod/mini';
import { platformSchema } from '../../domain/platform';

/**
 * The shape of Objector's knowledge about Meta's objection forms (rule format 1, see docs/rules.md). Rules
 * are data, one file per form in this folder: adding a language or a form variant is a data edit, validated
 * against `formRulesSchema()` by the unit tests and by the background before it sends a rule out. The content
 * script parses the one rule it receives with `formRuleSchema`, which fixes the types (every literal union)
 * but leaves the checks of the data (patterns, non-empty lists, one recognising field) to the background:
 * zod/mini, and only the schema kinds the content script already has, because it runs on every Facebook and
 * Instagram page and must stay small.
 */

/** The rule format this engine reads. A rule of another format is refused, never half understood. */
export const RULE_FORMAT = 1;

/** What Objector writes into a field, or `null` when the field is the user's to fill. */
export const fieldFillSchema = z.nullable(z.literal(['email', 'reason', 'country']));

/** What kind of element a field is (the engine knows which HTML elements and roles each kind takes). */
export const fieldControlSchema = z.literal(['line', 'freeText', 'choice', 'file']);

const fieldRuleObject = () =>
  z.object({
    /** What the field is for; the key the fill report speaks of. */
    role: z.literal(['email', 'reason', 'country', 'name', 'prompts', 'screenshot']),
    fill: fieldFillSchema,
    control: fieldControlSchema,
    /**
     * The field that makes the page this form (with the URL): its free text. Exactly one per rule, and a
     * `freeText` one. Every other field is optional for recognition.
     */
    recognises: z.optional(z.boolean()),
    /**
     * Step 1, structure: CSS selectors, most specific first (types, roles, autocomplete, inputmode, name/id
     * substrings). Never Meta's generated class names.
     */
    selectors: z.array(z.string()),
    /** Step 2, the field's accessible name: words in any language, matched (normalised) inside its names. */
    labels: z.optional(z.array(z.string())),
    /** Step 3, the shape of a prefilled value. */
    valueShape: z.optional(z.literal(['email'])),
  });

/** Words or phrases, matched after normalisation (see `normalizeText`): write them plainly. */
const phrases = z.array(z.string());

const formRuleObject = () =>
  z.object({
    format: z.literal(RULE_FORMAT),
    id: z.string(),
    platform: platformSchema,
    /** Meta's numeric id of the contact form, as it appears in the URL. */
    formId: z.string(),
    /** An objection form is filled with the user's reasons; a third-party form only with e-mail and country. */
    kind: z.literal(['objection', 'third-party']),
    /** Hosts: an anchored regular expression source, matched against the lower-case host name (https only). */
    hosts: z.string(),
    /** Path patterns (anchored regular expression sources), tested against `location.pathname`. */
    paths: phrases,
    fields: z.array(fieldRuleObject()),
    /** Words on the button that answers "Is your request about AI at Meta?" with yes, when the flow asks. */
    preQuestionYes: z.optional(phrases),
    /** Words on the Send button, per language; a `type=submit` button counts in any language. */
    submitWords: phrases,
    /** Phrases of Meta's confirmation: only these make a submission Confirmed. */
    confirmationPhrases: phrases,
    /** Phrases of Meta's error messages. */
    errorPhrases: phrases,
  });

/**
 * The rule as the engine parses it. Built on its first use (`z.lazy`), like the answers in
 * src/messaging/answers.ts: a page that loads this module only for its types builds none of it.
 */
export const formRuleSchema = z.lazy(formRuleObject);

/**
 * Every rule, with the checks of its data (patterns, non-empty lists, unique ids, one recognising free-text
 * field): what the background validates before sending a rule out, and the unit tests. Built on first use,
 * so that the content script, which never calls it, carries none of it.
 */
export function formRulesSchema() {
  return (checkedRulesSchema ??= buildCheckedRulesSchema());
}

let checkedRulesSchema: ReturnType<typeof buildCheckedRulesSchema> | undefined;

function buildCheckedRulesSchema() {
  const text = z.string().check(z.minLength(1));
  const somePhrases = z.array(text).check(z.minLength(1));
  const checkedField = z.extend(fieldRuleObject(), { selectors: z.array(text), labels: z.optional(somePhrases) });
  const checkedRule = z.extend(formRuleObject(), {
    id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
    formId: z.string().check(z.regex(/^\d+$/)),
    hosts: z.string().check(z.regex(/^\^.*\$$/)),
    paths: somePhrases,
    fields: z.array(checkedField).check(
      z.minLength(1),
      z.refine((fields) => fields.filter((f) => f.recognises).length === 1, 'exactly one field recognises the form'),
      z.refine((fields) => fields.every((f) => !f.recognises || f.control === 'freeText'), 'the recognising field is free text'),
      z.refine((fields) => new Set(fields.map((f) => f.role)).size === fields.length, 'field roles are unique'),
      z.refine(
        (fields) => fields.every((f) => f.recognises || f.selectors.length > 0 || (f.labels?.length ?? 0) > 0 || f.valueShape),
        'every field can be found somehow',
      ),
    ),
    preQuestionYes: z.optional(somePhrases),
    submitWords: somePhrases,
    confirmationPhrases: somePhrases,
    errorPhrases: somePhrases,
  });
  return z.array(checkedRule).check(
    z.minLength(1),
    z.refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids must be unique'),
    z.refine(
      (rules) => rules.every((r) => isValidRegExp(r.hosts) && r.paths.every((p) => isValidRegExp(p))),
      'every host and path pattern must be a valid regular expression',
    ),
    // The loader tests a path pattern only when the form's id is in the URL (src/loader/loader.ts).
    z.refine((rules) => rules.every((r) => r.paths.every((p) => p.includes(r.formId))), 'every path pattern contains its form id'),
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

export type FieldRule = z.infer<ReturnType<typeof fieldRuleObject>>;
export type FormRule = z.infer<typeof formRuleSchema>;
export type FieldRole = FieldRule['role'];
export type FieldControl = FieldRule['control'];
