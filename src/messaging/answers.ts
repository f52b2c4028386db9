import * as z from 'zod/mini';
import { platformSchema } from '../domain/platform';
import { statusSchema } from '../domain/status';
import { formRuleSchema } from '../forms/rules/schema';

/*
 * The answer schemas of the message table (protocol.ts), apart from the requests: senders validate answers,
 * and the content script, a sender that runs on every Facebook and Instagram page, carries only this module
 * (zod/mini). Every module-level schema here ends up in the content script: keep it to answers. Each is built
 * on its first use (`z.lazy`): a page or the worker parses a few of these answers, and building a schema is
 * most of what loading zod code costs (README, "Schemas are built on first use").
 */

const okAnswerSchema = z.lazy(() => z.object({ ok: z.literal(true) }));

export const composeAnswerSchema = z.lazy(() =>
  z.object({
    text: z.string(),
    lang: z.string(),
    reasonIds: z.array(z.string()),
    email: z.string(),
    country: z.string(),
    droppedReasons: z.number(),
    ownWordsDropped: z.boolean(),
  }),
);
export type ComposeAnswer = z.infer<typeof composeAnswerSchema>;

export const accountStatusAnswerSchema = z.lazy(() =>
  z.object({
    /** An ISO time from the history (validated there); the content script only shows it as a date. */
    confirmedAt: z.nullable(z.string()),
    account: z.nullable(z.string()),
  }),
);
export type AccountStatusAnswer = z.infer<typeof accountStatusAnswerSchema>;

/**
 * What the tab's last Send on this form left for the reloaded page: the stored submission still waiting for
 * Meta's answer, or the problem code of a Send that could not be stored.
 */
export const pendingAnswerSchema = z.lazy(() =>
  z.object({
    id: z.nullable(z.string()),
    saveFailed: z.nullable(z.string().check(z.maxLength(100))),
    /** The asking page's tab: its Send, handed off, names it, so that a reload of that tab finds it (outbox.ts). */
    tabId: z.number(),
  }),
);
export type PendingAnswer = z.infer<typeof pendingAnswerSchema>;

const importCounts = () => ({ addedEntries: z.number(), addedAccounts: z.number(), duplicates: z.number() });
export const importAnswerSchema = z.lazy(() => z.object(importCounts()));
export type ImportAnswer = z.infer<typeof importAnswerSchema>;
/** The preview also names the check the background keeps, so that "Add" need not send the file again. */
export const importPreviewAnswerSchema = z.lazy(() => z.object({ ...importCounts(), checkId: z.string() }));
export type ImportPreviewAnswer = z.infer<typeof importPreviewAnswerSchema>;
/** "Add" by `checkId` when the background no longer has that check (it was restarted): send the file. */
export const importAnswerOrNeedFileSchema = z.lazy(() =>
  z.union([importAnswerSchema, z.object({ needFile: z.literal(true) })]),
);

/** The answer of the background to each message type (the keys are the table's, checked in protocol.ts). */
export const backgroundAnswers = {
  rule: formRuleSchema,
  compose: composeAnswerSchema,
  submitted: okAnswerSchema,
  /** The entry's status as now stored: the acknowledgement the engine waits for before it says "saved as …". */
  status: z.lazy(() => z.object({ ok: z.literal(true), status: statusSchema })),
  pending: pendingAnswerSchema,
  'account-status': accountStatusAnswerSchema,
  'history:label': okAnswerSchema,
  'history:email-received': okAnswerSchema,
  'history:delete-entry': okAnswerSchema,
  'history:delete-account': okAnswerSchema,
  'history:import-preview': importPreviewAnswerSchema,
  'history:import': importAnswerOrNeedFileSchema,
  'load-engine': okAnswerSchema,
  'page-opened': z.lazy(() => z.object({ ok: z.literal(true), reminded: z.boolean() })),
};

export const probeAnswerSchema = z.lazy(() =>
  z.object({
    onForm: z.boolean(),
    ruleId: z.nullable(z.string()),
    platform: z.nullable(platformSchema),
  }),
);
export type ProbeAnswer = z.infer<typeof probeAnswerSchema>;

export const fillAnswerSchema = z.lazy(() => z.object({ ok: z.boolean(), message: z.string() }));
export type FillAnswer = z.infer<typeof fillAnswerSchema>;

/**
 * Messages from the popup to the content script of a tab, request and answer per type (in two objects, so
 * that the content script, their receiver, carries only the requests).
 */
export const tabRequests = {
  /** Is the tab on a recognised form? */
  probe: z.lazy(() => z.object({})),
  /** The same Autofill as the in-page button. */
  autofill: z.lazy(() => z.object({})),
};
export const tabAnswers = { probe: probeAnswerSchema, autofill: fillAnswerSchema };

/** Every answer that is not a success carries a message the UI can show. */
export const errorAnswerSchema = z.lazy(() => z.object({ error: z.string() }));
export type ErrorAnswer = z.infer<typeof errorAnswerSchema>;
