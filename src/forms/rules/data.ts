import type { FormRule } from './schema';
import { rule as facebookAiObjection } from './facebook-ai-objection';
import { rule as instagramAiObjection } from './instagram-ai-objection';
import { rule as facebookAiObjectionGeneral } from './facebook-ai-objection-general';
import { rule as facebookThirdPartyAi } from './facebook-third-party-ai';
import { rule as facebookThirdPartyAiOlder } from './facebook-third-party-ai-older';

/*
 * Every form rule, one file per form (see docs/rules.md). The background validates them against the schema
 * before it sends one to a page; the unit tests validate them too.
 */
export const formRules: FormRule[] = [
  facebookAiObjection,
  instagramAiObjection,
  facebookAiObjectionGeneral,
  facebookThirdPartyAi,
  facebookThirdPartyAiOlder,
];
