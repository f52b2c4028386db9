import * as z from 'zod/mini';
import { accountKeySchema, parseAccountKey } from './account-key';
import { DATA_VERSION } from '../storage/version';
import { platformSchema, type Platform } from '../domain/platform';
import { statusSchema, type Status } from '../domain/status';
import { daySchema, isoTimeSchema as isoTime } from '../domain/time';

export type { Platform, Status };

const statusChangeSchema = () => z.object({ status: statusSchema, at: isoTime });

// The schemas below are built on their first use (`z.lazy`), not when the module is loaded: the popup and
// the history page load this module for its types and helpers and never parse an entry, and building a
// schema is most of what loading zod code costs (README, "Schemas are built on first use").

export const entrySchema = z.lazy(() =>
  z
    .object({
      id: z.string().check(z.minLength(8), z.maxLength(64)),
      accountKey: accountKeySchema,
      platform: platformSchema,
      formId: z.string().check(z.regex(/^\d{1,30}$/)),
      url: z.string().check(z.maxLength(2000)),
      lang: z.string().check(z.maxLength(20)),
      email: z.string().check(z.maxLength(254)),
      reasonIds: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50)),
      text: z.string().check(z.maxLength(20000)),
      submittedAt: isoTime,
      status: statusSchema,
      /** Every status the entry had, with its time, oldest first. */
      statusLog: z.array(statusChangeSchema()).check(z.minLength(1), z.maxLength(100)),
      /** The day the user got Meta's confirmation e-mail (YYYY-MM-DD), as the user marked it. */
      emailReceivedOn: z.optional(daySchema),
    })
    .check(
      z.refine((entry) => parseAccountKey(entry.accountKey)?.platform === entry.platform, {
        message: 'the account key names another platform',
        path: ['accountKey'],
      }),
    ),
);
export type Entry = z.infer<typeof entrySchema>;

export const accountSchema = z.lazy(() =>
  z
    .object({
      key: accountKeySchema,
      platform: platformSchema,
      /** Meta's numeric account id, or null for "unknown account" (not logged in). */
      accountId: z.nullable(z.string().check(z.regex(/^\d{1,30}$/))),
      label: z.optional(z.string().check(z.maxLength(80))),
    })
    .check(
      z.refine(
        (account) => {
          const parts = parseAccountKey(account.key);
          return parts?.platform === account.platform && parts.accountId === account.accountId;
        },
        { message: 'the account key does not match the platform and id', path: ['key'] },
      ),
    ),
);
export type Account = z.infer<typeof accountSchema>;

/**
 * The history in memory. Accounts are in a Map: a key such as `__proto__` or `constructor` is then just a
 * key, never a property of Object.prototype (and keys are validated anyway, see account-key.ts).
 */
export interface HistoryDoc {
  accounts: Map<string, Account>;
  entries: Entry[];
}

/** The stored document of the current version, checked record by record in `readHistory`. */
export const storedHistorySchema = z.lazy(() =>
  z.object({
    version: z.literal(DATA_VERSION),
    accounts: z.array(z.unknown()),
    entries: z.array(z.unknown()),
  }),
);

/** The export file: complete and re-importable. Its version is the stored data's version. */
export const EXPORT_FORMAT = 'objector-history';
export const exportFileSchema = z.lazy(() =>
  z.object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(DATA_VERSION),
    exportedAt: isoTime,
    accounts: z.array(accountSchema),
    entries: z.array(entrySchema),
  }),
);
export type ExportFile = z.infer<typeof exportFileSchema>;

export const emptyHistory = (): HistoryDoc => ({ accounts: new Map(), entries: [] });
