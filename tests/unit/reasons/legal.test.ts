import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORM_LANGUAGES, REASON_IDS, type FormLanguage } from '@/src/reasons/catalogue';
import { loadCatalogue } from '@/src/reasons/catalogue-all';

/**
 * What a data-protection lawyer checks in every language, written the way each language's official text of the
 * GDPR cites and words it. Each row is one language; a wording change that drops one of these is a legal
 * regression, not a style choice.
 */
interface LegalWording {
  /** How the language cites art. 21(1), art. 6(1)(f) and art. 17(1)(c). */
  art21: string;
  art6f: string;
  art17c: string;
  /** Art. 21(1), second sentence: the controller must demonstrate "compelling legitimate grounds". */
  compellingGrounds: string;
  /** Meta also trains on people's interactions with its AI features. */
  interactions: RegExp;
  /** "Private life" is not an art. 9 category; `sample` proves the pattern catches the wording it guards against. */
  privateLife: { pattern: RegExp; sample: string };
  /** `irreversible`: Meta releases models openly, and a released model cannot be recalled. */
  openModels: RegExp;
}

const LEGAL: Record<FormLanguage, LegalWording> = {
  bg: {
    art21: 'член 21, параграф 1', art6f: 'член 6, параграф 1, буква е) от ОРЗД', art17c: 'член 17, параграф 1, буква в) от ОРЗД',
    compellingGrounds: 'убедителни законови основания', interactions: /взаимодействията/u,
    privateLife: { pattern: /личн\p{L}*\s+(?:ми\s+)?живот/iu, sample: 'личния ми живот' }, openModels: /отворени/u,
  },
  cs: {
    art21: 'čl. 21 odst. 1 GDPR', art6f: 'čl. 6 odst. 1 písm. f) GDPR', art17c: 'čl. 17 odst. 1 písm. c) GDPR',
    compellingGrounds: 'závažné oprávněné důvody', interactions: /interakcí/u,
    privateLife: { pattern: /soukrom\p{L}*\s+život/iu, sample: 'soukromém životě' }, openModels: /otevřené/u,
  },
  da: {
    art21: 'artikel 21, stk. 1', art6f: 'artikel 6, stk. 1, litra f', art17c: 'artikel 17, stk. 1, litra c',
    compellingGrounds: 'vægtige legitime grunde', interactions: /interaktioner/u,
    privateLife: { pattern: /privatliv/iu, sample: 'mit privatliv' }, openModels: /åbent/u,
  },
  de: {
    art21: 'Art. 21 Abs. 1 DSGVO', art6f: 'Art. 6 Abs. 1 lit. f DSGVO', art17c: 'Art. 17 Abs. 1 lit. c DSGVO',
    compellingGrounds: 'zwingende schutzwürdige Gründe', interactions: /Interaktionen/u,
    privateLife: { pattern: /Privatleben|Privatsphäre/iu, sample: 'mein Privatleben' }, openModels: /offene Modelle/u,
  },
  el: {
    art21: 'άρθρο 21 παράγραφος 1', art6f: 'άρθρο 6 παράγραφος 1 στοιχείο στ)', art17c: 'άρθρο 17 παράγραφος 1 στοιχείο γ)',
    compellingGrounds: 'επιτακτικούς και νόμιμους λόγους', interactions: /αλληλεπιδράσε/u,
    privateLife: { pattern: /ιδιωτικ\p{L}*\s+(?:μου\s+)?ζω/iu, sample: 'την ιδιωτική μου ζωή' }, openModels: /ανοιχτά/u,
  },
  en: {
    art21: 'Article 21(1) GDPR', art6f: 'Article 6(1)(f) GDPR', art17c: 'Article 17(1)(c) GDPR',
    compellingGrounds: 'compelling legitimate grounds', interactions: /interactions with Meta's AI features/u,
    privateLife: { pattern: /private\s+life/iu, sample: 'my private life' }, openModels: /releases some of its models openly/u,
  },
  es: {
    art21: 'artículo 21, apartado 1, del RGPD', art6f: 'artículo 6, apartado 1, letra f), del RGPD', art17c: 'artículo 17, apartado 1, letra c), del RGPD',
    compellingGrounds: 'motivos legítimos imperiosos', interactions: /interacciones/u,
    privateLife: { pattern: /vida\s+privada/iu, sample: 'mi vida privada' }, openModels: /en abierto/u,
  },
  et: {
    art21: 'artikli 21 lõike 1', art6f: 'artikli 6 lõike 1 punkt f', art17c: 'artikli 17 lõike 1 punkt c',
    compellingGrounds: 'mõjuv õiguspärane põhjus', interactions: /suhtlust Meta tehisintellekti funktsioonidega/u,
    privateLife: { pattern: /eraelu/iu, sample: 'minu eraelu kohta' }, openModels: /avatud mudelitena/u,
  },
  fi: {
    art21: '21 artiklan 1 kohdan', art6f: '6 artiklan 1 kohdan f alakohta', art17c: '17 artiklan 1 kohdan c alakohta',
    compellingGrounds: 'huomattavan tärkeä ja perusteltu syy', interactions: /vuorovaikutustani/u,
    privateLife: { pattern: /yksityiselämä/iu, sample: 'yksityiselämästäni' }, openModels: /avoimesti/u,
  },
  fr: {
    art21: 'article 21, paragraphe 1, du RGPD', art6f: 'article 6, paragraphe 1, point f), du RGPD', art17c: 'article 17, paragraphe 1, point c), du RGPD',
    compellingGrounds: 'motifs légitimes et impérieux', interactions: /interactions/u,
    privateLife: { pattern: /vie\s+privée/iu, sample: 'ma vie privée' }, openModels: /en accès libre/u,
  },
  ga: {
    art21: 'Airteagal 21(1)', art6f: "pointe (f) d'Airteagal 6(1)", art17c: "pointe (c) d'Airteagal 17(1)",
    compellingGrounds: 'forais dhlisteanacha thathantacha', interactions: /idirghníomhaíochtaí/u,
    privateLife: { pattern: /s(?:h)?aol\s+príobháideach/iu, sample: 'mo shaol príobháideach' }, openModels: /go hoscailte/u,
  },
  hr: {
    art21: 'članka 21. stavka 1.', art6f: 'članak 6. stavak 1. točka (f) OUZP-a', art17c: 'članak 17. stavak 1. točka (c) OUZP-a',
    compellingGrounds: 'uvjerljivi legitimni razlozi', interactions: /interakcije/u,
    privateLife: { pattern: /privatn\p{L}*\s+život/iu, sample: 'privatnom životu' }, openModels: /otvorene/u,
  },
  hu: {
    art21: 'GDPR 21. cikkének (1) bekezdése', art6f: 'GDPR 6. cikke (1) bekezdésének f) pontja', art17c: 'GDPR 17. cikke (1) bekezdésének c) pontja',
    compellingGrounds: 'kényszerítő erejű jogos okok', interactions: /interakcióimat/u,
    privateLife: { pattern: /magánélet/iu, sample: 'a magánéletemmel' }, openModels: /nyílt modell/u,
  },
  is: {
    art21: '1. mgr. 21. gr.', art6f: 'f-lið 1. mgr. 6. gr.', art17c: 'c-lið 1. mgr. 17. gr.',
    compellingGrounds: 'mikilvægar lögmætar ástæður', interactions: /samskipti mín við gervigreindareiginleika/u,
    privateLife: { pattern: /einkalíf/iu, sample: 'eða einkalíf' }, openModels: /opin líkön/u,
  },
  it: {
    art21: 'articolo 21, paragrafo 1, del GDPR', art6f: 'articolo 6, paragrafo 1, lettera f), del GDPR', art17c: 'articolo 17, paragrafo 1, lettera c), del GDPR',
    compellingGrounds: 'motivi legittimi cogenti', interactions: /interazioni/u,
    privateLife: { pattern: /vita\s+privata/iu, sample: 'sulla mia vita privata' }, openModels: /in forma aperta/u,
  },
  lt: {
    art21: '21 straipsnio 1 dalį', art6f: '6 straipsnio 1 dalies f punktas', art17c: '17 straipsnio 1 dalies c punktas',
    compellingGrounds: 'įtikinamų teisėtų priežasčių', interactions: /sąveiką/u,
    privateLife: { pattern: /privat\p{L}*\s+gyvenim/iu, sample: 'privatų gyvenimą' }, openModels: /atvirus modelius/u,
  },
  lv: {
    art21: '21. panta 1. punktu', art6f: '6. panta 1. punkta f) apakšpunkts', art17c: '17. panta 1. punkta c) apakšpunkts',
    compellingGrounds: 'pārliecinoši leģitīmi iemesli', interactions: /mijiedarbību/u,
    privateLife: { pattern: /privāt\p{L}*\s+dzīv/iu, sample: 'privāto dzīvi' }, openModels: /atvērtos modeļus/u,
  },
  mt: {
    art21: "l-Artikolu 21(1) tal-GDPR", art6f: "l-Artikolu 6(1)(f) tal-GDPR", art17c: "l-Artikolu 17(1)(c) tal-GDPR",
    compellingGrounds: 'raġunijiet leġittimi konvinċenti', interactions: /interazzjonijiet/u,
    privateLife: { pattern: /ħajja\s+privata/iu, sample: 'il-ħajja privata tiegħi' }, openModels: /b'mod miftuħ/u,
  },
  nb: {
    art21: 'artikkel 21 nr. 1', art6f: 'artikkel 6 nr. 1 bokstav f', art17c: 'artikkel 17 nr. 1 bokstav c',
    compellingGrounds: 'tvingende berettigede grunner', interactions: /interaksjoner/u,
    privateLife: { pattern: /privatliv/iu, sample: 'privatlivet mitt' }, openModels: /åpent/u,
  },
  nl: {
    art21: 'artikel 21, lid 1, AVG', art6f: 'artikel 6, lid 1, onder f), AVG', art17c: 'artikel 17, lid 1, onder c), AVG',
    compellingGrounds: 'dwingende gerechtvaardigde gronden', interactions: /interacties/u,
    privateLife: { pattern: /privéleven|persoonlijke levenssfeer/iu, sample: 'mijn privéleven' }, openModels: /vrij beschikbaar/u,
  },
  pl: {
    art21: 'art. 21 ust. 1 RODO', art6f: 'art. 6 ust. 1 lit. f RODO', art17c: 'art. 17 ust. 1 lit. c RODO',
    compellingGrounds: 'ważnych prawnie uzasadnionych podstaw', interactions: /interakcji/u,
    privateLife: { pattern: /życi\p{L}*\s+prywatn/iu, sample: 'życiu prywatnym' }, openModels: /modele otwarte/u,
  },
  pt: {
    art21: 'artigo 21.º, n.º 1, do RGPD', art6f: 'artigo 6.º, n.º 1, alínea f), do RGPD', art17c: 'artigo 17.º, n.º 1, alínea c), do RGPD',
    compellingGrounds: 'razões imperiosas e legítimas', interactions: /interações/u,
    privateLife: { pattern: /vida\s+privada/iu, sample: 'a minha vida privada' }, openModels: /de forma aberta/u,
  },
  ro: {
    art21: 'articolului 21 alineatul (1) din RGPD', art6f: 'articolul 6 alineatul (1) litera (f) din RGPD', art17c: 'articolul 17 alineatul (1) litera (c) din RGPD',
    compellingGrounds: 'motive legitime și imperioase', interactions: /interacțiunilor/u,
    privateLife: { pattern: /vi\p{L}*\s+(?:mea\s+)?privat/iu, sample: 'viața mea privată' }, openModels: /în mod deschis/u,
  },
  sk: {
    art21: 'čl. 21 ods. 1 GDPR', art6f: 'čl. 6 ods. 1 písm. f) GDPR', art17c: 'čl. 17 ods. 1 písm. c) GDPR',
    compellingGrounds: 'nevyhnutné oprávnené dôvody', interactions: /interakcií/u,
    privateLife: { pattern: /súkromn\p{L}*\s+život/iu, sample: 'súkromnom živote' }, openModels: /otvorené/u,
  },
  sl: {
    art21: 'člena 21(1)', art6f: 'točka (f) člena 6(1) GDPR', art17c: 'točka (c) člena 17(1) GDPR',
    compellingGrounds: 'nujne legitimne razloge', interactions: /interakcijami/u,
    privateLife: { pattern: /zasebn\p{L}*\s+življenj/iu, sample: 'zasebnem življenju' }, openModels: /odprte modele/u,
  },
  sv: {
    art21: 'artikel 21.1 i dataskyddsförordningen', art6f: 'artikel 6.1 f i dataskyddsförordningen', art17c: 'artikel 17.1 c i dataskyddsförordningen',
    compellingGrounds: 'tvingande berättigade skäl', interactions: /interaktion med Metas AI-funktioner/u,
    privateLife: { pattern: /privatliv/iu, sample: 'mitt privatliv' }, openModels: /öppet/u,
  },
};

const catalogue = loadCatalogue();
// vitest runs from the project root
const CATALOGUE_DIR = resolve(process.cwd(), 'src/reasons/catalogue');

describe('catalogue files', () => {
  it('there is exactly one catalogue file per form language, and each is loaded', () => {
    const files = readdirSync(CATALOGUE_DIR).filter((name) => name.endsWith('.json'));
    expect(files.map((name) => name.replace(/\.json$/, '')).sort()).toEqual([...FORM_LANGUAGES].sort());
    expect(Object.keys(catalogue).sort()).toEqual([...FORM_LANGUAGES].sort());
  });

  it.each(FORM_LANGUAGES)('%s: has every reason the English catalogue has, and no other', (lang) => {
    expect(Object.keys(catalogue[lang].reasons).sort()).toEqual(Object.keys(catalogue.en.reasons).sort());
    expect(Object.keys(catalogue.en.reasons).sort()).toEqual([...REASON_IDS].sort());
  });

  it('the legal table covers every form language', () => {
    expect(Object.keys(LEGAL).sort()).toEqual([...FORM_LANGUAGES].sort());
  });
});

describe.each(FORM_LANGUAGES)('%s: legal wording', (lang) => {
  const c = catalogue[lang];
  const law = LEGAL[lang];

  it('the opening objects under art. 21(1) to processing based on art. 6(1)(f)', () => {
    expect(c.opening).toContain(law.art21);
    expect(c.opening).toContain(law.art6f);
  });

  it('the opening puts the burden on Meta: it must demonstrate compelling legitimate grounds', () => {
    expect(c.opening).toContain(law.compellingGrounds);
  });

  it('the opening covers interactions with Meta’s AI features', () => {
    expect(c.opening).toMatch(law.interactions);
  });

  it('the closing asks for erasure of what was already collected (art. 17(1)(c))', () => {
    expect(c.closing).toContain(law.art17c);
  });

  it('special categories: cites art. 9 and C-252/21, and does not call private life an art. 9 category', () => {
    const text = c.reasons['special-categories']!.text;
    expect(text).toMatch(/\b9\b/);
    expect(text).toContain('C-252/21');
    expect(law.privateLife.sample).toMatch(law.privateLife.pattern);
    expect(text).not.toMatch(law.privateLife.pattern);
  });

  it('irreversible: says Meta releases models openly', () => {
    expect(c.reasons.irreversible!.text).toMatch(law.openModels);
  });
});

describe('the English wording the issue rejected is gone', () => {
  it('the user is not asked to outweigh Meta', () => {
    expect(catalogue.en.opening).not.toMatch(/my particular situation outweighs/i);
  });

  it('Polish says AI, not SI', () => {
    const texts = [catalogue.pl.opening, catalogue.pl.closing, ...REASON_IDS.flatMap((id) => [catalogue.pl.reasons[id]!.title, catalogue.pl.reasons[id]!.text])];
    for (const text of texts) expect(text).not.toMatch(/\bSI\b/);
    expect(catalogue.pl.reasons['no-consent']!.text).toContain('w jakim je udostępniono');
  });
});
