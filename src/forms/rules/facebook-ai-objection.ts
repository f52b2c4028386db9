import type { FormRule } from './schema';
import { formUrl, type FormUrlRule } from './urls';
import { countryField, emailField, objectionTexts, reasonField } from './words';

/** Facebook: "Object to Your Information Being Used for AI at Meta" (2024–2025, also on locale hosts). */
export const url: FormUrlRule = formUrl('facebook-ai-objection');

export const rule: FormRule = {
  format: 1,
  ...url,
  kind: 'objection',
  fields: [reasonField, emailField, countryField],
  ...objectionTexts,
};
