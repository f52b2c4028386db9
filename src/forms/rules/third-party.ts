import type { FieldRule } from './schema';
import { countryField, emailField, nameLabels, promptLabels } from './words';

/*
 * The fields of Meta's forms about information from third parties used for generative AI (name, country,
 * e-mail, the prompts that showed the data, a screenshot). Objector fills only e-mail and country there;
 * the prompts are the free text that makes the form recognisable.
 */
export const thirdPartyFields: FieldRule[] = [
  {
    role: 'prompts',
    fill: null,
    control: 'freeText',
    recognises: true,
    selectors: ['textarea', '[contenteditable=true]', '[contenteditable=""]', '[role=textbox]'],
    labels: promptLabels,
  },
  emailField,
  countryField,
  { role: 'name', fill: null, control: 'line', selectors: ['input[autocomplete~=name]', 'input[name*="name" i]'], labels: nameLabels },
  { role: 'screenshot', fill: null, control: 'file', selectors: ['input[type=file]'] },
];
