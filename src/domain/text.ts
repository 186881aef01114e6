/** Text helpers shared by readers and the resolver: how names are compared, keyed and suggested. */

/**
 * The characters cleanText drops and those normalizeName evens out, one each. nameHash (nameIndex.ts) reads text by
 * the same sets.
 */
export const INVISIBLE_CHAR = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
export const DASH_CHAR = /[\u2010-\u2015\u2212]/;
export const QUOTE_CHAR = /["'“”‘’«»]/;
/** What normalizeName drops from the end of a name. */
export const TRAILING_CHAR = /[\s.,;:!?]/;

/** Every kind of space a pasted document brings (no-break, narrow, thin, ideographic…: all of \s) as one space. */
const SPACES = /\s+/g;
const INVISIBLE = new RegExp(INVISIBLE_CHAR.source, "g");

/** Anything cleanText would change: most cells need nothing, and a test is cheaper than three replacements. */
const UNCLEAN = new RegExp(`${INVISIBLE_CHAR.source}|[^\\S ]| {2}|^ | $`);

/** Trimmed, single plain spaces, invisible characters removed. */
export function cleanText(text: string): string {
  return UNCLEAN.test(text) ? text.replace(INVISIBLE, "").replace(SPACES, " ").trim() : text;
}

const LINE_BREAK = /[\r\n]/;

/** Text of several paragraphs: each line cleaned, blank lines dropped, line breaks kept. */
export function cleanParagraphs(text: string): string {
  // Most texts are one paragraph: no need to split and join them.
  if (!LINE_BREAK.test(text)) return cleanText(text);
  return text
    .split(/\r\n|\r|\n/)
    .map(cleanText)
    .filter((line) => line !== "")
    .join("\n");
}

/** Whether normalizeName has anything to even out beyond case and spacing. */
const DRIFT = new RegExp(`&|${DASH_CHAR.source}|${QUOTE_CHAR.source}|${TRAILING_CHAR.source}$`);
const DASHES = new RegExp(DASH_CHAR.source, "g");
const QUOTES = new RegExp(QUOTE_CHAR.source, "g");
const TRAILING = new RegExp(`${TRAILING_CHAR.source}+$`);

/**
 * The form names are compared in: case, spacing, "&" vs "och", dashes and trailing punctuation do not count,
 * since real workbooks let names drift ("Näringsliv & tillväxt" vs "Näringsliv och tillväxt").
 */
export function normalizeName(text: string): string {
  // toLowerCase, not toLocaleLowerCase("sv"): Swedish has no case rules of its own, and the locale call is slow.
  let normal = cleanText(text).toLowerCase();
  if (!DRIFT.test(normal)) return normal;
  // Each kind of drift is replaced only where it occurs: a title with a dash need not be scanned five times.
  if (normal.includes("&")) normal = normal.replace(/\s*&\s*/g, " och ");
  if (DASH_CHAR.test(normal)) normal = normal.replace(DASHES, "-");
  if (QUOTE_CHAR.test(normal)) normal = normal.replace(QUOTES, "");
  // A leading "&" or quote may leave a space in front.
  normal = normal.replace(TRAILING, "").trimStart();
  return normal.includes("  ") ? normal.replace(/ +/g, " ") : normal;
}

/** Lower case ASCII slug for derived keys: "Förbättra kvinnors…" → "forbattra-kvinnors…". */
export function slug(text: string): string {
  return cleanText(text)
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Levenshtein distance (in UTF-16 code units), for suggesting the nearest name on a miss. Past `max`, the answer is
 * only that it is more: some number above `max`, found without filling the rest of the table.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const distance = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (code === b.charCodeAt(j - 1) ? 0 : 1),
      );
      current[j] = distance;
      if (distance < rowMin) rowMin = distance;
    }
    // A row's least value never falls in the rows below it.
    if (rowMin > max) return max + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** The candidate closest to `wanted` (the first of equals), if it is close enough to be a plausible typo or drift. */
export function nearest(wanted: string, candidates: Iterable<string>): string | null {
  const target = normalizeName(wanted);
  const within = Math.max(2, Math.floor(target.length / 3));
  let best: string | null = null;
  let bestDistance = within + 1;
  for (const candidate of candidates) {
    // Only a candidate closer than the best so far can take its place.
    const distance = editDistance(target, normalizeName(candidate), bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Words as one pattern's alternatives, the longest first so that "summa nämnder" wins over "summa". */
export function regExpAlternatives(words: string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
}
