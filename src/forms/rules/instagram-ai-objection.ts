import type { FormRule } from './schema';
import type { FormUrlRule } from './urls';
import { INSTAGRAM_HOSTS } from './hosts';
import { countryField, emailField, objectionTexts, reasonField } from './words';

/** Instagram: the same objection form, on Instagram's help centre. */
export const url: FormUrlRule = {
  id: 'instagram-ai-objection',
  platform: 'instagram',
  formId: '767264225370182',
  hosts: INSTAGRAM_HOSTS,
  paths: ['^(?:/help)?/contact/767264225370182/?$'],
};

export const rule: FormRule = {
  format: 1,
  ...url,
  kind: 'objection',
  fields: [reasonField, emailField, countryField],
  ...objectionTexts,
};
