/**
 * The engine runs at most once per frame. Its marker lives in the extension's isolated world (shared by the
 * loader and the injected engine), which the page's own scripts cannot see or set.
 */
const ENGINE_MARKER = '__objectorEngine';

export function claimEngine(scope: object): boolean {
  const marked = scope as Record<string, unknown>;
  if (marked[ENGINE_MARKER]) return false;
  marked[ENGINE_MARKER] = true;
  return true;
}
