import type { FormRule } from './schema';
import { url as facebookAiObjection } from './facebook-ai-objection';
import { url as instagramAiObjection } from './instagram-ai-objection';
import { url as facebookAiObjectionGeneral } from './facebook-ai-objection-general';
import { url as facebookThirdPartyAi } from './facebook-third-party-ai';
import { url as facebookThirdPartyAiOlder } from './facebook-third-party-ai-older';

export { FACEBOOK_HOSTS, INSTAGRAM_HOSTS } from './hosts';

/** Where each form is: the only part of the rules the content script carries (it runs on every page). */
export type FormUrlRule = Pick<FormRule, 'id' | 'platform' | 'formId' | 'hosts' | 'paths'>;

// Only each rule file's `url` is imported here: the bundler leaves the rest of the rules out of the content
// script (the background sends the full rule of a form the content script recognised by URL).
export const formUrls: FormUrlRule[] = [
  facebookAiObjection,
  instagramAiObjection,
  facebookAiObjectionGeneral,
  facebookThirdPartyAi,
  facebookThirdPartyAiOlder,
];

export function formUrl(id: string): FormUrlRule {
  const found = formUrls.find((u) => u.id === id);
  if (!found) throw new Error(`No URL rule ${id}`);
  return found;
}
