import { askBackground } from '@/src/messaging/send';
import type { ImportAnswer } from '@/src/messaging/answers';
import type { BackgroundPayload } from '@/src/messaging/protocol';

/*
 * Every change to the history is a message to the background, the only writer. `askBackground` throws
 * with the background's error text; callers show it.
 */

type ChangeType = 'history:label' | 'history:email-received' | 'history:delete-entry' | 'history:delete-account';
export type ChangeMessage = { [K in ChangeType]: { type: K } & BackgroundPayload<K> }[ChangeType];

export async function sendChange({ type, ...payload }: ChangeMessage): Promise<void> {
  await askBackground(type, payload);
}

/** The background checks the file and says what adding it would change (the page checks no record itself). */
export function previewImportFile(fileText: string): Promise<ImportAnswer> {
  return askBackground('history:import-preview', { file: fileText });
}

export function sendImport(fileText: string): Promise<ImportAnswer> {
  return askBackground('history:import', { file: fileText });
}
