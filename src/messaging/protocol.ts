import { z } from 'zod';

/*
 * Every message to the background worker and between the extension's pages, as zod schemas. The background
 * validates each message: a malformed one gets an error answer and changes nothing. The content script
 * validates what it receives with the small `zod/mini` schemas of `content-protocol.ts`.
 */

const platform = z.enum(['facebook', 'instagram']);
const status = z.enum(['submitted', 'confirmed', 'failed']);
const shortText = z.string().max(500);
const isoTime = z.string().max(40);

export const submissionSchema = z.object({
  /** Made by the content script when the user presses Send; duplicate reports carry the same id. */
  id: z.string().min(8).max(64),
  ruleId: shortText,
  platform,
  formId: z.string().regex(/^\d+$/),
  url: z.string().max(2000),
  lang: z.string().max(20),
  email: z.string().max(254),
  reasonIds: z.array(shortText).max(50),
  text: z.string().max(20000),
  at: isoTime,
});
export type SubmissionReport = z.infer<typeof submissionSchema>;

/** Content script → background. */
export const contentMessageSchema = z.discriminatedUnion('type', [
  /** The full rule of the form whose URL the content script recognised. */
  z.object({ type: z.literal('rule'), id: shortText }),
  z.object({
    type: z.literal('compose'),
    lang: z.string().max(20).optional(),
    maxLength: z.number().int().positive().optional(),
  }),
  z.object({ type: z.literal('submitted'), submission: submissionSchema }),
  z.object({ type: z.literal('status'), id: submissionSchema.shape.id, status, at: isoTime }),
  /** After a page load on a form: is a submission of this tab still waiting for Meta's answer? */
  z.object({ type: z.literal('pending'), formId: submissionSchema.shape.formId }),
  z.object({ type: z.literal('account-status'), platform }),
  /**
   * Sent once when a Facebook or Instagram page loads: the background answers after setting the reminder
   * badge of the sender's tab. The site is taken from the sender's URL, not from the message.
   */
  z.object({ type: z.literal('page-opened') }),
]);
export type ContentMessage = z.infer<typeof contentMessageSchema>;

/** History page / popup → background: the background is the only writer of the history. */
export const historyMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('history:label'), accountKey: shortText, label: z.string().max(80) }),
  z.object({
    type: z.literal('history:email-received'),
    entryId: submissionSchema.shape.id,
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  }),
  z.object({ type: z.literal('history:delete-entry'), entryId: submissionSchema.shape.id }),
  z.object({ type: z.literal('history:delete-account'), accountKey: shortText }),
  /** The import is validated again by the background with the full schema. */
  z.object({ type: z.literal('history:import'), file: z.string().max(20_000_000) }),
]);
export type HistoryMessage = z.infer<typeof historyMessageSchema>;

export { status as statusSchema, platform as platformSchema };

export type {
  AccountStatusAnswer,
  ComposeAnswer,
  FillAnswer,
  ProbeAnswer,
  TabMessage,
} from './content-protocol';
