import { askBackground } from '@/src/messaging/send';
import type { ImportAnswer, ImportPreviewAnswer } from '@/src/messaging/answers';
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
export function previewImportFile(fileText: string): Promise<ImportPreviewAnswer> {
  return askBackground('history:import-preview', { file: fileText });
}

/**
 * Adds the previewed file: by the background's check of it (no second copy of a large file sent), or, when
 * the background no longer has that check (its worker was restarted meanwhile), by sending the file again.
 */
export async function sendImport(fileText: string, checkId: string): Promise<ImportAnswer> {
  const answer = await askBackground('history:import', { checkId });
  if (!('needFile' in answer)) return answer;
  const again = await askBackground('history:import', { file: fileText });
  if ('needFile' in again) throw new Error('The extension did not take the file');
  return again;
}
