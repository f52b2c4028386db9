import type { FormRule } from './schema';
import { formUrl, type FormUrlRule } from './urls';
import { countryField, emailField, objectionTexts, reasonField } from './words';

/** Facebook: the general / later AI objection form, linked from Meta's apps as "ai_objection_text". */
export const url: FormUrlRule = formUrl('facebook-ai-objection-general');

export const rule: FormRule = {
  format: 1,
  ...url,
  kind: 'objection',
  fields: [reasonField, emailField, countryField],
  ...objectionTexts,
};
