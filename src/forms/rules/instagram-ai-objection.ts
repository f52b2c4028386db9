import type { FormRule } from './schema';
import { formUrl, type FormUrlRule } from './urls';
import { countryField, emailField, objectionTexts, reasonField } from './words';

/** Instagram: the same objection form, on Instagram's help centre. */
export const url: FormUrlRule = formUrl('instagram-ai-objection');

export const rule: FormRule = {
  format: 1,
  ...url,
  kind: 'objection',
  fields: [reasonField, emailField, countryField],
  ...objectionTexts,
};
