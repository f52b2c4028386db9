import type { Status } from '@/src/domain/status';
import { statusWord } from './texts';

/** The status as a word (never colour alone); the colour and dot are only an aid. */
export function StatusBadge({ status }: { status: Status }) {
  return <span class={`badge badge-${status}`}>{statusWord(status)}</span>;
}
