import { editDistance } from "../text";

/**
 * Whether two uppdrag titles are near: an edit distance of at most a fifth of the longer title (at least 2). A typo,
 * a changed word ending or a few added words ("… i kommunen") are near; two different uppdrag are not. Checked over
 * every pair of a nämnd's carried and planned uppdrag, so each title's letters and bigrams are counted once and a
 * pair whose lengths, letters or bigrams already rule it out is never measured: strings within distance k differ in
 * their letter counts by at most 2k in all, and share at least (longer length − 1 − 2k) bigrams, since one edit
 * touches at most two of either.
 */
export interface NearTitle {
  text: string;
  /** The title's bigrams as numbers, sorted. */
  bigrams: Int32Array;
  /** How many of its characters fall in each of 32 buckets (the code mod 32). */
  letters: Uint16Array;
}

export function nearTitle(text: string): NearTitle {
  const bigrams = new Int32Array(Math.max(0, text.length - 1));
  for (let i = 0; i + 1 < text.length; i++) bigrams[i] = (text.charCodeAt(i) << 16) | text.charCodeAt(i + 1);
  const letters = new Uint16Array(32);
  for (let i = 0; i < text.length; i++) letters[text.charCodeAt(i) & 31]++;
  return { text, bigrams: bigrams.sort(), letters };
}

/** The most edits two titles of these lengths may differ by and still be near. */
function allowed(a: number, b: number): number {
  return Math.max(2, Math.floor(Math.max(a, b) / 5));
}

export function isNear(a: NearTitle, b: NearTitle): boolean {
  const max = allowed(a.text.length, b.text.length);
  if (Math.abs(a.text.length - b.text.length) > max) return false;
  // An edit changes at most two counts by one each.
  let differ = 0;
  for (let i = 0; i < 32; i++) differ += Math.abs(a.letters[i] - b.letters[i]);
  if (differ > 2 * max) return false;
  if (sharedBigrams(a.bigrams, b.bigrams) < Math.max(a.text.length, b.text.length) - 1 - 2 * max) return false;
  return editDistance(a.text, b.text, max) <= max;
}

/** How many bigrams two sorted lists share, each counted as often as both have it. */
function sharedBigrams(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared;
}
