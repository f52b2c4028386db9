import * as z from 'zod/mini';

/** The languages Meta serves its objection forms in for the EU/EEA: the 24 EU languages, Norwegian, Icelandic. */
export const FORM_LANGUAGES = [
  'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu',
  'is', 'it', 'lt', 'lv', 'mt', 'nb', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv',
] as const;
export type FormLanguage = (typeof FORM_LANGUAGES)[number];

/**
 * Stable ids of the reasons, in the order they are offered and composed. Art. 21(1) GDPR asks for grounds
 * relating to the person's particular situation, so those lead and the general arguments follow; when Meta's
 * length limit forces a cut, the general ones are dropped first.
 */
export const REASON_IDS = [
  'old-posts', 'third-parties', 'children-family', 'minor-at-the-time', 'special-categories', 'creative-work', 'safety',
  'irreversible', 'memorisation', 'accuracy', 'transparency', 'further-use', 'no-benefit', 'no-consent',
] as const;
export type ReasonId = (typeof REASON_IDS)[number];

const reasonTextSchema = z.object({
  title: z.string().check(z.minLength(3), z.maxLength(80)),
  text: z.string().check(z.minLength(40)),
});

export const languageCatalogueSchema = z.object({
  opening: z.string().check(z.minLength(40)),
  closing: z.string().check(z.minLength(20)),
  reasons: z.record(z.enum(REASON_IDS), reasonTextSchema),
});
export type LanguageCatalogue = z.infer<typeof languageCatalogueSchema>;
export type Catalogue = Record<FormLanguage, LanguageCatalogue>;

/** Maps a page or browser language tag to a catalogue language ("nb-NO" → "nb", "no" → "nb"), or undefined. */
export function toFormLanguage(tag: string | undefined): FormLanguage | undefined {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  const aliased = primary === 'no' || primary === 'nn' ? 'nb' : primary;
  return (FORM_LANGUAGES as readonly string[]).includes(aliased) ? (aliased as FormLanguage) : undefined;
}

const loading = new Map<FormLanguage, Promise<LanguageCatalogue>>();

/**
 * The validated catalogues of `langs`, each loaded once, on demand (the popup's first screen needs one or
 * two of the 26). A language whose file is missing or broken is left out; English is always asked for by
 * the popup, as the fallback of every composition.
 */
export async function loadLanguages(langs: readonly FormLanguage[]): Promise<Partial<Catalogue>> {
  const out: Partial<Catalogue> = {};
  await Promise.all(
    [...new Set(langs)].map(async (lang) => {
      let pending = loading.get(lang);
      if (!pending) {
        // Inside the function (as in catalogue-all.ts): this module also runs where there is no Vite.
        const lazyFiles = import.meta.glob<LanguageCatalogue>('./catalogue/*.json', { import: 'default' });
        const load = lazyFiles[`./catalogue/${lang}.json`];
        if (!load) return;
        pending = load().then((data) => languageCatalogueSchema.parse(data));
        loading.set(lang, pending);
        pending.catch(() => loading.delete(lang));
      }
      try {
        out[lang] = await pending;
      } catch {
        // Left out: the composition falls back to another language.
      }
    }),
  );
  return out;
}
