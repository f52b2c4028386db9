import type { FormRule } from './schema';
import type { FormUrlRule } from './urls';
import { FACEBOOK_HOSTS } from './hosts';
import { thirdPartyFields } from './third-party';
import { objectionTexts } from './words';

/** Facebook: information about you from third parties used for generative AI (2025). */
export const url: FormUrlRule = {
  id: 'facebook-third-party-ai',
  platform: 'facebook',
  formId: '510058597920541',
  hosts: FACEBOOK_HOSTS,
  paths: ['^/help/contact/510058597920541/?$'],
};

export const rule: FormRule = {
  format: 1,
  ...url,
  kind: 'third-party',
  fields: thirdPartyFields,
  ...objectionTexts,
};
