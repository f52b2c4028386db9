import type { FormRule } from './schema';
import type { FormUrlRule } from './urls';
import { FACEBOOK_HOSTS } from './hosts';
import { countryField, emailField, objectionTexts, reasonField } from './words';

/** Facebook: the general / later AI objection form, linked from Meta's apps as "ai_objection_text". */
export const url: FormUrlRule = {
  id: 'facebook-ai-objection-general',
  platform: 'facebook',
  formId: '6359191084165019',
  hosts: FACEBOOK_HOSTS,
  paths: ['^/help/contact/6359191084165019/?$'],
};

export const rule: FormRule = {
  format: 1,
  ...url,
  kind: 'objection',
  fields: [reasonField, emailField, countryField],
  ...objectionTexts,
};
