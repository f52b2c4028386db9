import * as z from 'zod/mini';

/*
 * The platforms whose objection forms Objector knows: the one definition of the list. Everything that names
 * a platform (form rules, messages, history, accounts, UI) takes its schema or type from here; `npm test`
 * fails on a copy of the list elsewhere (scripts/check-sources.mjs). zod/mini, so that the content script can
 * use it too.
 */
export const PLATFORMS = ['facebook', 'instagram'] as const;
export const platformSchema = z.literal(PLATFORMS);
export type Platform = z.infer<typeof platformSchema>;
