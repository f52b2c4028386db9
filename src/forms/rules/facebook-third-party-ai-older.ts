import type { FormRule } from './schema';
import type { FormUrlRule } from './urls';
import { FACEBOOK_HOSTS } from './hosts';
import { thirdPartyFields } from './third-party';
import { objectionTexts } from './words';

/** Facebook: the older third-party-information form that guides still link to (same kind as 510058597920541). */
export const url: FormUrlRule = {
  id: 'facebook-third-party-ai-older',
  platform: 'facebook',
  formId: '1266025207620918',
  hosts: FACEBOOK_HOSTS,
  paths: ['^/help/contact/1266025207620918/?$'],
};

export const rule: FormRule = {
  format: 1,
  ...url,
  kind: 'third-party',
  fields: thirdPartyFields,
  ...objectionTexts,
};
