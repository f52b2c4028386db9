/*
 * String-level scrubbing for problem reports. Everything that goes into a report passes through one of these,
 * even text that is already allowed by context (a label, a button): a page can put anything anywhere, so the
 * personal shapes (e-mail addresses and handles, links, long numbers) are removed from every string.
 */

/** Any token with an `@`: e-mail addresses, but also `@handles` and obfuscated variants. */
const AT_TOKEN = /[^\s"'<>()[\]{},;]*@[^\s"'<>()[\]{},;]*/g;
/** Addresses written to dodge harvesters: `name(at)host`, `name [at] host`. */
const SPELLED_AT = /\S+\s?[([{]at[)\]}]\s?\S+/gi;
/** Links with a scheme, `www.` hosts and `host.tld/path` shapes. */
const LINK = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\/\S*/gi;
/** A run of digits, possibly split by single spaces, dots, dashes, slashes or brackets (phone numbers, ids). */
const NUMBER_RUN = /\+?\d(?:[ .\-/()]?\d)*/g;
/** Digit runs this long could be an account id, a phone number or a code: never kept. */
const MAX_KEPT_DIGITS = 4;

function collapseNumbers(text: string): string {
  return text.replace(NUMBER_RUN, (run) => (run.replace(/\D/g, '').length > MAX_KEPT_DIGITS ? '#' : run));
}

function cap(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}

/**
 * Interface text (a label, a button, an error message) with every personal shape removed: e-mail-like tokens
 * become `[e-mail]`, links `[link]`, digit runs of five or more `#`. Whitespace is collapsed; long text is cut.
 */
export function scrubText(text: string, maxLength = 120): string {
  const scrubbed = collapseNumbers(
    text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(SPELLED_AT, '[e-mail]')
      .replace(AT_TOKEN, '[e-mail]')
      .replace(LINK, '[link]'),
  );
  return cap(scrubbed, maxLength);
}

const VOWELS = /[aeiouy]/gi;

/** A word that no one typed: a hash, a token, a generated id. */
function looksRandom(word: string): boolean {
  if (word.length >= 24) return true;
  const digitRuns = word.match(/\d+/g)?.length ?? 0;
  if (digitRuns >= 2 && /[a-z]/i.test(word)) return true;
  const letters = word.replace(/\d/g, '');
  if (letters.length >= 8 && (letters.match(VOWELS)?.length ?? 0) / letters.length < 0.2) return true;
  return false;
}

function generaliseWord(word: string): string {
  if (/^\d+$/.test(word)) return '#';
  if (looksRandom(word)) return '*';
  return word.replace(/\d+/g, '#');
}

/**
 * A structural value (`name`, `id`, `for`, `data-testid`, id references) reduced to its shape: digit runs
 * become `#` (`Field1234567890` → `Field#`, `u_0_5_x` → `u_#_#_x`) and random-looking words `*`, so that a
 * maintainer sees how Meta names its fields without any id that could point at a person or a session.
 */
export function generaliseValue(value: string, maxLength = 60): string {
  const trimmed = value.replace(/\s+/g, ' ').trim();
  if (/@|:\/\//.test(trimmed)) return '*';
  return cap(trimmed.replace(/[\p{L}\p{N}]+/gu, generaliseWord), maxLength);
}

/** A keyword-like value (`type`, `role`, `autocomplete`, `aria-required`…): kept when it is one, else generalised. */
export function keywordValue(value: string): string {
  const trimmed = value.trim();
  return /^[a-z][a-z0-9 _-]{0,31}$/i.test(trimmed) || /^\d{1,4}$/.test(trimmed)
    ? trimmed.toLowerCase()
    : generaliseValue(trimmed);
}

/**
 * The path of a page's URL without query or fragment, each segment generalised like a structural value
 * except the numeric ids of known forms and the number right after `contact` (always a help form's id).
 */
export function scrubPath(path: string, keptIds: ReadonlySet<string>): string {
  let pathname: string;
  try {
    pathname = new URL(path, 'https://invalid.invalid').pathname;
  } catch {
    pathname = path.split(/[?#]/)[0] ?? '';
  }
  const segments = pathname.split('/');
  return cap(
    segments
      .map((segment, i) => {
        let decoded = segment;
        try {
          decoded = decodeURIComponent(segment);
        } catch {
          // A malformed escape is generalised as it is.
        }
        if (keptIds.has(decoded)) return decoded;
        if (/^\d+$/.test(decoded) && segments[i - 1] === 'contact') return decoded;
        // A dotted segment is a user name (`/jane.doe`) far more often than anything structural.
        if (decoded.includes('.')) return '*';
        return generaliseValue(decoded, 40);
      })
      .join('/'),
    200,
  );
}
