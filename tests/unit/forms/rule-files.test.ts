import { describe, expect, it } from 'vitest';
import { formRules } from '@/src/forms/rules/data';
import { formUrls } from '@/src/forms/rules/urls';
import { formRuleSchema, RULE_FORMAT, type FormRule } from '@/src/forms/rules/schema';
import type { FormUrlRule } from '@/src/forms/rules/urls';

/** Every module of the rules folder that holds a form: one file per form, each listed once. */
const ruleFiles = Object.entries(
  import.meta.glob<{ rule?: FormRule; url?: FormUrlRule }>('../../../src/forms/rules/*.ts', { eager: true }),
).filter(([, mod]) => mod.rule !== undefined);

describe('forms as data: one file per form', () => {
  it('each form file holds one rule of the current format, named after the file', () => {
    expect(ruleFiles.length).toBe(formRules.length);
    for (const [path, mod] of ruleFiles) {
      const file = path.split('/').pop()!.replace(/\.ts$/, '');
      expect(mod.rule!.id, path).toBe(file);
      expect(mod.rule!.format).toBe(RULE_FORMAT);
      expect(formRuleSchema.safeParse(mod.rule).success, path).toBe(true);
    }
  });

  it('the background and the content script list every form file, each once', () => {
    const ids = ruleFiles.map(([, mod]) => mod.rule!.id).sort();
    expect(formRules.map((r) => r.id).sort()).toEqual(ids);
    expect(formUrls.map((u) => u.id).sort()).toEqual(ids);
  });

  it("each file's URL part is exactly the URL part of its rule (the content script's copy cannot drift)", () => {
    for (const [, mod] of ruleFiles) {
      const { id, platform, formId, hosts, paths } = mod.rule!;
      expect(mod.url).toEqual({ id, platform, formId, hosts, paths });
    }
  });
});
