import type { FormRule } from './schema';
import { formUrl, type FormUrlRule } from './urls';
import { thirdPartyFields } from './third-party';
import { objectionTexts } from './words';

/** Facebook: information about you from third parties used for generative AI (2025). */
export const url: FormUrlRule = formUrl('facebook-third-party-ai');

export const rule: FormRule = {
  format: 1,
  ...url,
  kind: 'third-party',
  fields: thirdPartyFields,
  ...objectionTexts,
};
