import * as z from 'zod/mini';
import { askBackground } from '@/src/messaging/send';
import { okAnswerSchema } from '@/src/messaging/content-protocol';
import type { HistoryMessage } from '@/src/messaging/protocol';

/*
 * Every change to the history is a message to the background, the only writer. `askBackground` throws
 * with the background's error text; callers show it.
 */

export const importAnswerSchema = z.object({
  addedEntries: z.number(),
  addedAccounts: z.number(),
  duplicates: z.number(),
});
export type ImportAnswer = z.infer<typeof importAnswerSchema>;

export type ChangeMessage = Exclude<HistoryMessage, { type: 'history:import' }>;

export async function sendChange(message: ChangeMessage): Promise<void> {
  await askBackground(message, okAnswerSchema);
}

export function sendImport(fileText: string): Promise<ImportAnswer> {
  return askBackground({ type: 'history:import', file: fileText }, importAnswerSchema);
}
