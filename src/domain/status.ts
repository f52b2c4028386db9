import * as z from 'zod/mini';

/*
 * Where a submission stands: the one definition of the status words (an interface: the history, its export
 * and the UI's translations all use them). `npm test` fails on a copy of the list elsewhere.
 */
export const STATUSES = ['submitted', 'confirmed', 'failed'] as const;
export const statusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof statusSchema>;

/** Meta's answer to a submission, as the page shows it: the statuses that can follow "submitted". */
export const outcomeSchema = z.enum(['confirmed', 'failed']);
export type Outcome = z.infer<typeof outcomeSchema>;
