import * as z from 'zod/mini';

/*
 * What can go wrong with the history, as codes with parameters. The background answers with them and the
 * pages translate them (src/ui/history/texts.ts); no message is ever taken apart again. Built on first use
 * (`z.lazy`): most pages that load this module never meet a problem.
 */
export const problemSchema = z.lazy(() =>
  z.discriminatedUnion('code', [
    /** The import file is not JSON at all. */
    z.object({ code: z.literal('import-not-json') }),
    /** JSON, but not an Objector history file. */
    z.object({ code: z.literal('import-foreign') }),
    /** Written by a newer Objector than this one. */
    z.object({ code: z.literal('import-newer-version'), version: z.number() }),
    /** A value in the file is wrong; `path` says where (e.g. `entries.3.submittedAt`). */
    z.object({ code: z.literal('import-invalid'), path: z.string() }),
    /** An entry names an account that the file does not contain. */
    z.object({ code: z.literal('import-orphan-entry'), entryId: z.string() }),
    z.object({ code: z.literal('import-too-large') }),
    /** The browser refused to store the change because its storage is full. */
    z.object({ code: z.literal('storage-full') }),
    /** The browser refused to store the change for another reason (its own words in `detail`). */
    z.object({ code: z.literal('storage-failed'), detail: z.string() }),
    /** The stored history was written by a newer Objector: nothing is changed, to lose none of it. */
    z.object({ code: z.literal('storage-newer-version'), version: z.number() }),
    z.object({ code: z.literal('no-such-entry') }),
    z.object({ code: z.literal('no-such-account') }),
    /** The message came from somewhere that may not send it (a web page, another extension). */
    z.object({ code: z.literal('sender-refused') }),
    z.object({ code: z.literal('invalid-message') }),
  ]),
);
export type Problem = z.infer<typeof problemSchema>;

/** A problem thrown inside the background's operations; `handleMessage` turns it into an error answer. */
export class HistoryProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
    this.name = 'HistoryProblem';
  }
}

/** The problem behind a failed storage write: Chrome says "QUOTA_BYTES quota exceeded", Firefox "QuotaExceededError". */
export function storageProblem(error: unknown): Problem {
  if (error instanceof HistoryProblem) return error.problem;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return /quota/i.test(detail) ? { code: 'storage-full' } : { code: 'storage-failed', detail: detail.slice(0, 300) };
}
