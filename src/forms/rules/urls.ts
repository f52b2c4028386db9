import type { FormRule } from './schema';
import { FACEBOOK_HOSTS, INSTAGRAM_HOSTS } from './hosts';

export { FACEBOOK_HOSTS, INSTAGRAM_HOSTS } from './hosts';

/** Where each form is: the only part of the rules the loader carries (it runs on every page). */
export type FormUrlRule = Pick<FormRule, 'id' | 'platform' | 'formId' | 'hosts' | 'paths'>;

/*
 * The URL part of every form rule, here and not in the rule files: the loader (the only content script)
 * imports this module alone, so that none of the rules' words (Send, confirmation and error phrases, labels
 * in 26 languages) reaches every Facebook and Instagram page. Each rule file spreads its own entry
 * (`formUrl(id)`); tests/unit/forms/rule-files.test.ts checks that they cannot drift apart.
 */
export const formUrls: FormUrlRule[] = [
  {
    id: 'facebook-ai-objection',
    platform: 'facebook',
    formId: '712876720715583',
    hosts: FACEBOOK_HOSTS,
    paths: ['^/help/contact/712876720715583/?$'],
  },
  {
    id: 'instagram-ai-objection',
    platform: 'instagram',
    formId: '767264225370182',
    hosts: INSTAGRAM_HOSTS,
    paths: ['^(?:/help)?/contact/767264225370182/?$'],
  },
  {
    id: 'facebook-ai-objection-general',
    platform: 'facebook',
    formId: '6359191084165019',
    hosts: FACEBOOK_HOSTS,
    paths: ['^/help/contact/6359191084165019/?$'],
  },
  {
    id: 'facebook-third-party-ai',
    platform: 'facebook',
    formId: '510058597920541',
    hosts: FACEBOOK_HOSTS,
    paths: ['^/help/contact/510058597920541/?$'],
  },
  {
    id: 'facebook-third-party-ai-older',
    platform: 'facebook',
    formId: '1266025207620918',
    hosts: FACEBOOK_HOSTS,
    paths: ['^/help/contact/1266025207620918/?$'],
  },
];

export function formUrl(id: string): FormUrlRule {
  const found = formUrls.find((u) => u.id === id);
  if (!found) throw new Error(`No URL rule ${id}`);
  return found;
}
