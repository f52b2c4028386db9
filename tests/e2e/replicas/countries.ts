/** EU/EEA countries (the 27 EU members plus Iceland, Liechtenstein and Norway) with their names per language. */
export type CountryLanguage = 'en' | 'de' | 'nl';

const COUNTRIES: ReadonlyArray<readonly [code: string, en: string, de: string, nl: string]> = [
  ['AT', 'Austria', 'Österreich', 'Oostenrijk'],
  ['BE', 'Belgium', 'Belgien', 'België'],
  ['BG', 'Bulgaria', 'Bulgarien', 'Bulgarije'],
  ['HR', 'Croatia', 'Kroatien', 'Kroatië'],
  ['CY', 'Cyprus', 'Zypern', 'Cyprus'],
  ['CZ', 'Czechia', 'Tschechien', 'Tsjechië'],
  ['DK', 'Denmark', 'Dänemark', 'Denemarken'],
  ['EE', 'Estonia', 'Estland', 'Estland'],
  ['FI', 'Finland', 'Finnland', 'Finland'],
  ['FR', 'France', 'Frankreich', 'Frankrijk'],
  ['DE', 'Germany', 'Deutschland', 'Duitsland'],
  ['GR', 'Greece', 'Griechenland', 'Griekenland'],
  ['HU', 'Hungary', 'Ungarn', 'Hongarije'],
  ['IS', 'Iceland', 'Island', 'IJsland'],
  ['IE', 'Ireland', 'Irland', 'Ierland'],
  ['IT', 'Italy', 'Italien', 'Italië'],
  ['LV', 'Latvia', 'Lettland', 'Letland'],
  ['LI', 'Liechtenstein', 'Liechtenstein', 'Liechtenstein'],
  ['LT', 'Lithuania', 'Litauen', 'Litouwen'],
  ['LU', 'Luxembourg', 'Luxemburg', 'Luxemburg'],
  ['MT', 'Malta', 'Malta', 'Malta'],
  ['NL', 'Netherlands', 'Niederlande', 'Nederland'],
  ['NO', 'Norway', 'Norwegen', 'Noorwegen'],
  ['PL', 'Poland', 'Polen', 'Polen'],
  ['PT', 'Portugal', 'Portugal', 'Portugal'],
  ['RO', 'Romania', 'Rumänien', 'Roemenië'],
  ['SK', 'Slovakia', 'Slowakei', 'Slowakije'],
  ['SI', 'Slovenia', 'Slowenien', 'Slovenië'],
  ['ES', 'Spain', 'Spanien', 'Spanje'],
  ['SE', 'Sweden', 'Schweden', 'Zweden'],
];

export interface Country {
  code: string;
  name: string;
}

/** All EU/EEA countries, named and sorted in the given language (so the order differs per language). */
export function countries(language: CountryLanguage): Country[] {
  const index = language === 'en' ? 1 : language === 'de' ? 2 : 3;
  return COUNTRIES.map((c) => ({ code: c[0], name: c[index] ?? c[1] })).sort((a, b) =>
    a.name.localeCompare(b.name, language),
  );
}

export const EU_EEA_CODES: readonly string[] = COUNTRIES.map((c) => c[0]);
