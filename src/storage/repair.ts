import { repairHistory } from '../history/persist';
import { repairSettings } from '../settings/settings';

/**
 * Background only: brings stored history and settings to the current data version and sets damaged
 * history records aside, through the one write queue. Failures are left for the next start: reading never
 * depends on it (pages read older versions through the same migrations in memory).
 */
export async function repairStoredData(): Promise<void> {
  await Promise.allSettled([repairHistory(), repairSettings()]);
}
