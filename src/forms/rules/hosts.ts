import type { Platform } from '../../domain/platform';

/**
 * The hosts where Meta serves its help forms (https only, see match.ts): www, web, m, mbasic, touch and the
 * locale hosts (`nl-nl`, `fr-fr`, …) of facebook.com; www and help of instagram.com. Not developers.,
 * business. or any other subdomain: script there is not the help centre's and gets nothing from Objector.
 * The one list: the engine matches URLs with it, the background checks each message's sender with it.
 */
export const FACEBOOK_HOSTS = '^(?:www|web|m|mbasic|touch|[a-z]{2}-[a-z]{2})\\.facebook\\.com$';
export const INSTAGRAM_HOSTS = '^(?:www|help)\\.instagram\\.com$';

export type FormPlatform = Platform;

// Compiled on first use, not when the module loads: the loader imports this module for the two strings only.
let hosts: ReadonlyArray<[FormPlatform, RegExp]> | undefined;

/** The platform whose form may be on `url`, or null for any other address (also any http:// address). */
export function formPlatformOf(url: string | undefined): FormPlatform | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username || parsed.password) return null;
  hosts ??= [
    ['facebook', new RegExp(FACEBOOK_HOSTS)],
    ['instagram', new RegExp(INSTAGRAM_HOSTS)],
  ];
  for (const [platform, host] of hosts) if (host.test(parsed.hostname)) return platform;
  return null;
}
