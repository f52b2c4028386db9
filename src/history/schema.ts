import { z } from 'zod';
import { platformSchema, type Platform } from '../domain/platform';
import { statusSchema } from '../domain/status';
import { daySchema, isoTimeSchema as isoTime } from '../domain/time';

export const statusChangeSchema = z.object({ status: statusSchema, at: isoTime });

export const entrySchema = z.object({
  id: z.string().min(8).max(64),
  accountKey: z.string().min(1).max(300),
  platform: platformSchema,
  formId: z.string().regex(/^\d+$/),
  url: z.string().max(2000),
  lang: z.string().max(20),
  email: z.string().max(254),
  reasonIds: z.array(z.string().max(100)).max(50),
  text: z.string().max(20000),
  submittedAt: isoTime,
  status: statusSchema,
  /** Every status the entry had, with its time, oldest first. */
  statusLog: z.array(statusChangeSchema).min(1),
  /** The day the user got Meta's confirmation e-mail (YYYY-MM-DD), as the user marked it. */
  emailReceivedOn: z.optional(daySchema),
});
export type Entry = z.infer<typeof entrySchema>;

export const accountSchema = z.object({
  key: z.string().min(1).max(300),
  platform: platformSchema,
  /** Meta's numeric account id, or null for "unknown account" (not logged in). */
  accountId: z.string().regex(/^\d+$/).nullable(),
  label: z.string().max(80).optional(),
});
export type Account = z.infer<typeof accountSchema>;

export interface HistoryDoc {
  accounts: Record<string, Account>;
  entries: Entry[];
}

/** The stored document, checked record by record in `readHistory` so one bad entry does not hide the rest. */
export const storedHistorySchema = z.object({
  accounts: z.record(z.string(), z.unknown()),
  entries: z.array(z.unknown()),
});

/** The export file: complete and re-importable. */
export const EXPORT_FORMAT = 'objector-history';
export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: isoTime,
  accounts: z.array(accountSchema),
  entries: z.array(entrySchema),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

/** Key of an account: platform and id, or platform and e-mail for a submission without login. */
export function accountKeyOf(platform: Platform, accountId: string | null, email: string): string {
  return accountId ? `${platform}:${accountId}` : `${platform}:unknown:${email.trim().toLowerCase()}`;
}
