import type { FormRule } from './schema';

/** Where each form is: the only part of the rules the content script carries (it runs on every page). */
export type FormUrlRule = Pick<FormRule, 'id' | 'platform' | 'formId' | 'domain' | 'paths'>;

const facebook = (id: string, formId: string): FormUrlRule => ({
  id,
  platform: 'facebook',
  formId,
  domain: 'facebook.com',
  paths: [`^/help/contact/${formId}/?$`],
});

export const formUrls: FormUrlRule[] = [
  facebook('facebook-ai-objection', '712876720715583'),
  {
    id: 'instagram-ai-objection',
    platform: 'instagram',
    formId: '767264225370182',
    domain: 'instagram.com',
    paths: ['^(?:/help)?/contact/767264225370182/?$'],
  },
  facebook('facebook-ai-objection-general', '6359191084165019'),
  facebook('facebook-third-party-ai', '510058597920541'),
];

export function formUrl(id: string): FormUrlRule {
  const found = formUrls.find((u) => u.id === id);
  if (!found) throw new Error(`No URL rule ${id}`);
  return found;
}
