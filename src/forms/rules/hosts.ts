import type { Platform } from '../../domain/platform';

/*
 * The one list of places where Meta serves the objection forms, shared by the content script (engine), the
 * background's sender checks and the manifest tests: https only; Facebook's www, web, m, mbasic, touch and
 * locale hosts (fr-fr, nl-nl, …); Instagram's www and help. Any other host of facebook.com
 * (developers., business., …) gets nothing.
 */

export type FormPlatform = Platform;

const HOSTS: ReadonlyArray<[FormPlatform, RegExp]> = [
  ['facebook', /^(?:www|web|m|mbasic|touch|[a-z]{2}-[a-z]{2})\.facebook\.com$/],
  ['instagram', /^(?:www|help)\.instagram\.com$/],
];

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
  for (const [platform, host] of HOSTS) if (host.test(parsed.hostname)) return platform;
  return null;
}

export function isFormHostUrl(url: string | undefined): boolean {
  return formPlatformOf(url) !== null;
}
