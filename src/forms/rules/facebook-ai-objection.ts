import type { FormRule } from './schema';
import type { FormUrlRule } from './urls';
import { FACEBOOK_HOSTS } from './hosts';
import { countryField, emailField, objectionTexts, reasonField } from './words';

/** Facebook: "Object to Your Information Being Used for AI at Meta" (2024–2025, also on locale hosts). */
export const url: FormUrlRule = {
  id: 'facebook-ai-objection',
  platform: 'facebook',
  formId: '712876720715583',
  hosts: FACEBOOK_HOSTS,
  paths: ['^/help/contact/712876720715583/?$'],
};

export const rule: FormRule = {
  format: 1,
  ...url,
  kind: 'objection',
  fields: [reasonField, emailField, countryField],
  ...objectionTexts,
};
