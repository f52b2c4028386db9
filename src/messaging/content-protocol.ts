import * as z from 'zod/mini';

/*
 * What the content script receives, validated with `zod/mini` (the content script runs on every Facebook
 * and Instagram page and must stay small): messages from the popup, and the background's answers.
 * Kept to the few schema kinds it needs (objects of strings, numbers, booleans), so that little of zod ends
 * up in the bundle; values are checked where they are used (see entrypoints/content.ts).
 */

/** Popup → content script of the active tab. */
export const tabMessageSchema = z.object({ type: z.string() });
export type TabMessage = z.infer<typeof tabMessageSchema>;

export const composeAnswerSchema = z.object({
  text: z.string(),
  lang: z.string(),
  reasonIds: z.array(z.string()),
  email: z.string(),
  country: z.string(),
  droppedReasons: z.number(),
  ownWordsDropped: z.boolean(),
});
export type ComposeAnswer = z.infer<typeof composeAnswerSchema>;

/** The background's answer to a change that worked (shared with the extension's pages). */
export const okAnswerSchema = z.object({ ok: z.boolean() });
export const pendingAnswerSchema = z.object({ id: z.nullable(z.string()) });
export const accountStatusAnswerSchema = z.object({
  confirmedAt: z.nullable(z.string()),
  account: z.nullable(z.string()),
});
export type AccountStatusAnswer = z.infer<typeof accountStatusAnswerSchema>;

export const probeAnswerSchema = z.object({
  onForm: z.boolean(),
  ruleId: z.nullable(z.string()),
  platform: z.nullable(z.string()),
});
export type ProbeAnswer = z.infer<typeof probeAnswerSchema>;

export const fillAnswerSchema = z.object({ ok: z.boolean(), message: z.string() });
export type FillAnswer = z.infer<typeof fillAnswerSchema>;

/** Every answer that is not a success carries a message the UI can show. */
export const errorAnswerSchema = z.object({ error: z.string() });

/** A form rule sent by the background (validated there against the full schema; see forms/rules/schema.ts). */
const phrases = z.array(z.string());
export const ruleAnswerSchema = z.object({
  format: z.number(),
  id: z.string(),
  platform: z.string(),
  formId: z.string(),
  kind: z.string(),
  hosts: z.string(),
  paths: phrases,
  fields: z.array(
    z.object({
      role: z.string(),
      fill: z.nullable(z.string()),
      control: z.string(),
      recognises: z.optional(z.boolean()),
      selectors: phrases,
      labels: z.optional(phrases),
      valueShape: z.optional(z.string()),
    }),
  ),
  preQuestionYes: z.optional(phrases),
  submitWords: phrases,
  confirmationPhrases: phrases,
  errorPhrases: phrases,
});
