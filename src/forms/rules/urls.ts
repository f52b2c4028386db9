import type { FormRule } from './schema';

/** Where each form is: the only part of the rules the content script carries (it runs on every page). */
export type FormUrlRule = Pick<FormRule, 'id' | 'platform' | 'formId' | 'hosts' | 'paths'>;

/**
 * The hosts where Meta serves its help forms (https only, see match.ts): www, web, m, mbasic, touch and the
 * locale hosts (`nl-nl`, `fr-fr`, …) of facebook.com; www and help of instagram.com. Not developers.,
 * business. or any other subdomain: script there is not the help form's and gets nothing from Objector.
 */
export const FACEBOOK_HOSTS = '^(?:www|web|m|mbasic|touch|[a-z]{2}-[a-z]{2})\\.facebook\\.com$';
export const INSTAGRAM_HOSTS = '^(?:www|help)\\.instagram\\.com$';

const facebook = (id: string, formId: string): FormUrlRule => ({
  id,
  platform: 'facebook',
  formId,
  hosts: FACEBOOK_HOSTS,
  paths: [`^/help/contact/${formId}/?$`],
});

export const formUrls: FormUrlRule[] = [
  facebook('facebook-ai-objection', '712876720715583'),
  {
    id: 'instagram-ai-objection',
    platform: 'instagram',
    formId: '767264225370182',
    hosts: INSTAGRAM_HOSTS,
    paths: ['^(?:/help)?/contact/767264225370182/?$'],
  },
  facebook('facebook-ai-objection-general', '6359191084165019'),
  facebook('facebook-third-party-ai', '510058597920541'),
  facebook('facebook-third-party-ai-older', '1266025207620918'),
];

export function formUrl(id: string): FormUrlRule {
  const found = formUrls.find((u) => u.id === id);
  if (!found) throw new Error(`No URL rule ${id}`);
  return found;
}
