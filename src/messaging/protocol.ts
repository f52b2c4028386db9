import * as z from 'zod/mini';
import { platformSchema } from '../domain/platform';
import { outcomeSchema } from '../domain/status';
import { daySchema, isoTimeSchema } from '../domain/time';
import { backgroundAnswers, tabAnswers, tabRequests } from './answers';

/*
 * Every message of the extension, in two tables: a request schema and an answer schema per message type.
 * `askBackground`/`askTab` (send.ts) and the handlers (handle.ts for the background, `handleTabMessage` for
 * the content script) take their types from these tables, so a sender and its handler cannot disagree, and
 * both sides validate what crosses: the receiver the request, the sender the answer.
 *
 * On the wire a message is `{ type, ...request }`; the answer is the answer, or `{ error }`. A type that is
 * not in the table is refused. The answer schemas live in answers.ts, the part of the table that the content
 * script carries (it must stay small); this module is for the background and the extension's pages.
 */

const shortText = z.string().check(z.maxLength(500));

/** The largest import file the background accepts, in characters (the history page checks it first). */
export const MAX_IMPORT_CHARS = 20_000_000;

/** Made by the content script when the user presses Send; duplicate reports carry the same id. */
const entryId = z.string().check(z.minLength(8), z.maxLength(64));
const formId = z.string().check(z.regex(/^\d+$/));

// Every schema below is built on its first use (`z.lazy`): the worker starts on most messages, and each
// start would otherwise build the whole table to parse one request (README, "Schemas are built on first use").

export const submissionSchema = z.lazy(() =>
  z.object({
    id: entryId,
    ruleId: shortText,
    platform: platformSchema,
    formId,
    url: z.string().check(z.maxLength(2000)),
    lang: z.string().check(z.maxLength(20)),
    email: z.string().check(z.maxLength(254)),
    reasonIds: z.array(shortText).check(z.maxLength(50)),
    text: z.string().check(z.maxLength(20000)),
    at: isoTimeSchema,
  }),
);
export type SubmissionReport = z.infer<typeof submissionSchema>;

const statusRequestShape = () => ({ id: entryId, status: outcomeSchema, at: isoTimeSchema });

/**
 * A report the engine handed off in `storage.local` (src/forms/outbox.ts): the same message as it sends, read
 * back by the background (src/messaging/handoff.ts). Anything else found under such a key is set aside.
 */
export const handoffReportSchema = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('submitted'), submission: submissionSchema, tabId: z.optional(z.int().check(z.nonnegative())) }),
    z.object({ type: z.literal('status'), ...statusRequestShape() }),
  ]),
);
export type HandoffReport = z.infer<typeof handoffReportSchema>;

/** Messages to the background: from the content script, and from the extension's pages (popup, history). */
export const backgroundMessages = {
  /** The full rule of the form whose URL the content script recognised. */
  rule: { request: z.lazy(() => z.object({ id: shortText })), answer: backgroundAnswers.rule },
  compose: {
    request: z.lazy(() =>
      z.object({
        lang: z.optional(z.string().check(z.maxLength(20))),
        maxLength: z.optional(z.int().check(z.positive())),
      }),
    ),
    answer: backgroundAnswers.compose,
  },
  /** The user pressed Send. */
  submitted: { request: z.lazy(() => z.object({ submission: submissionSchema })), answer: backgroundAnswers.submitted },
  /** Meta's answer to a submission. */
  status: { request: z.lazy(() => z.object(statusRequestShape())), answer: backgroundAnswers.status },
  /** After a page load on a form: is a submission of this tab still waiting for Meta's answer? */
  pending: { request: z.lazy(() => z.object({ formId })), answer: backgroundAnswers.pending },
  /** Has the logged-in account already objected (and been confirmed)? */
  'account-status': { request: z.lazy(() => z.object({ platform: platformSchema })), answer: backgroundAnswers['account-status'] },
  // The history page and the popup: the background is the only writer of the history.
  'history:label': { request: z.lazy(() => z.object({ accountKey: shortText, label: z.string().check(z.maxLength(80)) })), answer: backgroundAnswers['history:label'] },
  'history:email-received': { request: z.lazy(() => z.object({ entryId, date: z.nullable(daySchema) })), answer: backgroundAnswers['history:email-received'] },
  'history:delete-entry': { request: z.lazy(() => z.object({ entryId })), answer: backgroundAnswers['history:delete-entry'] },
  'history:delete-account': { request: z.lazy(() => z.object({ accountKey: shortText })), answer: backgroundAnswers['history:delete-account'] },
  /**
   * The import preview: the background checks the file completely (the page does not) and says what adding
   * it would change. It keeps the checked file, so that adding the same text does not check it again.
   */
  'history:import-preview': { request: z.lazy(() => z.object({ file: z.string().check(z.maxLength(MAX_IMPORT_CHARS)) })), answer: backgroundAnswers['history:import-preview'] },
  /**
   * Adds the file's records that the history lacks. By `checkId`, the file the preview checked (the page does
   * not send megabytes twice; `{ needFile: true }` when the background no longer has it); a file sent is
   * checked here unless it is the text the last preview checked.
   */
  'history:import': {
    request: z.lazy(() =>
      z.union([z.object({ checkId: z.string().check(z.maxLength(64)) }), z.object({ file: z.string().check(z.maxLength(MAX_IMPORT_CHARS)) })]),
    ),
    answer: backgroundAnswers['history:import'],
  },
  /**
   * The loader (the only content script) saw an objection form's URL: inject the engine into its frame. Sent
   * by the loader with the raw `chrome` API, without this module (see src/loader/loader.ts).
   */
  'load-engine': { request: z.lazy(() => z.object({})), answer: backgroundAnswers['load-engine'] },
  /**
   * Sent once when a Facebook or Instagram page loads: the background answers after setting the reminder
   * badge of the sender's tab. The site is taken from the sender's URL (set by the browser), not from the
   * message, so the request carries nothing.
   */
  'page-opened': { request: z.lazy(() => z.object({})), answer: backgroundAnswers['page-opened'] },
};

/** Anything with zod's `safeParse` (zod or zod/mini): what senders and receivers need of a schema. */
export interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

type Schemas = Record<string, { request: z.ZodMiniType; answer: z.ZodMiniType }>;
/** Per message type: what a sender gives (`payload`), what the receiver gets (`request`), the `answer`. */
type Types<T extends Schemas> = {
  [K in keyof T]: { payload: z.input<T[K]['request']>; request: z.output<T[K]['request']>; answer: z.output<T[K]['answer']> };
};
/**
 * The same table seen as parsers of exactly its own types. The assignment is checked key by key, which
 * lets generic code (`askBackground<K>`, the handlers) use `table[type]` without a cast.
 */
export type Parsers<M extends Record<string, { request: unknown; answer: unknown }>> = {
  [K in keyof M]: { request: Parser<M[K]['request']>; answer: Parser<M[K]['answer']> };
};

export type BackgroundMessageType = keyof typeof backgroundMessages;
export type BackgroundMessages = Types<typeof backgroundMessages>;
export type BackgroundPayload<K extends BackgroundMessageType> = BackgroundMessages[K]['payload'];
export type BackgroundRequest<K extends BackgroundMessageType> = BackgroundMessages[K]['request'];
export type BackgroundAnswer<K extends BackgroundMessageType> = BackgroundMessages[K]['answer'];
/** A message to the background as it travels: its type and its payload. */
export type BackgroundMessage = { [K in BackgroundMessageType]: { type: K } & BackgroundPayload<K> }[BackgroundMessageType];
export const backgroundParsers: Parsers<BackgroundMessages> = backgroundMessages;
/** What senders parse answers with (answers.ts): the table's answers under the table's keys, no more, no less. */
export type BackgroundAnswerParsers = { [K in BackgroundMessageType]: Parser<BackgroundAnswer<K>> };
backgroundAnswers satisfies BackgroundAnswerParsers;

/** Messages from the popup to the content script of a tab (see answers.ts). */
export const tabMessages = {
  probe: { request: tabRequests.probe, answer: tabAnswers.probe },
  autofill: { request: tabRequests.autofill, answer: tabAnswers.autofill },
};
export type TabMessageType = keyof typeof tabMessages;
export type TabMessages = Types<typeof tabMessages>;
export type TabAnswerParsers = { [K in TabMessageType]: Parser<TabAnswer<K>> };
export type TabRequestParsers = { [K in TabMessageType]: Parser<TabMessages[K]['request']> };
tabAnswers satisfies TabAnswerParsers;
tabRequests satisfies TabRequestParsers;
export type TabAnswer<K extends TabMessageType> = TabMessages[K]['answer'];

