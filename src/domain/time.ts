import * as z from 'zod/mini';

/**
 * A moment as ISO 8601 with an offset ("2025-06-02T09:30:00.000Z", what `Date#toISOString` gives): the time
 * of a submission and of each status change, in messages, in storage and in exports alike. Built on first
 * use (`z.lazy`): its pattern is one of the costlier schemas to build, and most pages never parse a time.
 */
export const isoTimeSchema = z.lazy(() => z.iso.datetime({ offset: true }));

/** A calendar day, YYYY-MM-DD (what `<input type=date>` gives): the day Meta's confirmation e-mail came. */
export const daySchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
