import type { FormRule } from './schema';
import { formUrl, type FormUrlRule } from './urls';
import { thirdPartyFields } from './third-party';
import { objectionTexts } from './words';

/** Facebook: the older third-party-information form that guides still link to (same kind as 510058597920541). */
export const url: FormUrlRule = formUrl('facebook-third-party-ai-older');

export const rule: FormRule = {
  format: 1,
  ...url,
  kind: 'third-party',
  fields: thirdPartyFields,
  ...objectionTexts,
};
