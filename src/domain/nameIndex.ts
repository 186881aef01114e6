import { normalizeName } from "./text";

/**
 * A map from names compared the way normalizeName compares them, for the plan's largest indexes (uppdrag by id and
 * title, ramjusteringar by id). It keys each name by a 32-bit hash of its normalised form, computed in one pass over
 * the text without building that form (a plan of 100 000 rows would otherwise make and keep 100 000 lower-case
 * copies of its titles and ids), in a table of plain integers (a Map of 50 000 entries costs more to fill and to
 * search than everything else the row needs). A hash two different names share is rare; the later name then goes to
 * a map of its own by its normalised form.
 */
export class NameIndex<T> {
  /** Open addressing: each slot holds a hash and the position of its value in `values`, from 1 (0: empty). */
  private hashes = new Int32Array(64);
  private slots = new Int32Array(64);
  private readonly values: T[] = [];
  /** Values whose name's hash was already taken by another name, by normalised name. */
  private readonly collided = new Map<string, T>();
  /** The last name hashed: a name is mostly looked up, then set. */
  private lastName = "";
  private lastHash = nameHash("");

  /** `nameOf` gives back the name a value was set under, to tell apart two names with one hash. */
  constructor(private readonly nameOf: (value: T) => string) {}

  get(name: string): T | undefined {
    const slot = this.slots[this.find(this.hash(name))];
    const found = slot === EMPTY ? undefined : this.values[slot - 1];
    if (found !== undefined && sameName(this.nameOf(found), name)) return found;
    return this.collided.size > 0 ? this.collided.get(normalizeName(name)) : undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  set(name: string, value: T): void {
    const hash = this.hash(name);
    const at = this.find(hash);
    const slot = this.slots[at];
    if (slot === EMPTY) {
      this.hashes[at] = hash;
      this.slots[at] = this.values.push(value);
      if (this.values.length * 2 > this.slots.length) this.grow();
    } else if (sameName(this.nameOf(this.values[slot - 1]), name)) {
      this.values[slot - 1] = value;
    } else {
      this.collided.set(normalizeName(name), value);
    }
  }

  /** The slot holding `hash`, or the empty slot where it would go. */
  private find(hash: number): number {
    const mask = this.slots.length - 1;
    let at = hash & mask;
    while (this.slots[at] !== EMPTY && this.hashes[at] !== hash) at = (at + 1) & mask;
    return at;
  }

  private grow(): void {
    const { hashes, slots } = this;
    this.hashes = new Int32Array(slots.length * 2);
    this.slots = new Int32Array(slots.length * 2);
    for (let i = 0; i < slots.length; i++) {
      if (slots[i] === EMPTY) continue;
      const at = this.find(hashes[i]);
      this.hashes[at] = hashes[i];
      this.slots[at] = slots[i];
    }
  }

  private hash(name: string): number {
    if (name !== this.lastName) {
      this.lastName = name;
      this.lastHash = nameHash(name);
    }
    return this.lastHash;
  }
}

const EMPTY = 0;

function sameName(a: string, b: string): boolean {
  return a === b || normalizeName(a) === normalizeName(b);
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** FNV-1a over a string's UTF-16 code units. */
export function stringHash(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/**
 * stringHash(normalizeName(text)), in one pass: the steps of normalizeName (drop invisible characters, one space for
 * each run of white space, lower case, "&" with its spaces as " och ", dashes as "-", quotes dropped, trailing
 * punctuation and spaces dropped, leading spaces dropped, runs of spaces as one) are applied character by character
 * as the hash is fed. A character whose lower case is not a plain shift (beyond Latin-1) takes normalizeName itself.
 */
export function nameHash(text: string): number {
  fed.hash = FNV_OFFSET;
  fed.tentative = FNV_OFFSET;
  fed.lastWasSpace = false;
  fed.empty = true;
  let started = false; // leading white space is trimmed by cleanText
  // A run of white space, not yet fed: it may be trimmed, or eaten by "&" (the one after "&" is one space too many,
  // which feed drops).
  let spaceBefore = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const kind = code < 0x100 ? LATIN_1[code] : wideKind(code);
    if (kind === INVISIBLE) continue;
    if (kind === WHITE_SPACE) {
      if (started) spaceBefore = true;
      continue;
    }
    if (kind === UNKNOWN) return stringHash(normalizeName(text));
    started = true;
    if (kind === AMPERSAND) {
      for (let k = 0; k < OCH.length; k++) feed(OCH.charCodeAt(k));
      spaceBefore = false;
      continue;
    }
    if (spaceBefore) feed(SPACE);
    spaceBefore = false;
    if (kind === QUOTE) continue;
    feed(kind === UPPER ? code + 0x20 : kind === DASH ? HYPHEN : code);
  }
  return fed.hash;
}

/**
 * nameHash's state while it runs (it never re-enters): the hash of what is kept, and `tentative`, which also holds
 * trailing spaces and punctuation, kept once something else follows them.
 */
const fed = { hash: 0, tentative: 0, lastWasSpace: false, empty: true };

function feed(code: number): void {
  const space = code === SPACE;
  if (space || code === 0x2e || code === 0x2c || code === 0x3b || code === 0x3a || code === 0x21 || code === 0x3f) {
    if (space && (fed.lastWasSpace || fed.empty)) return;
    fed.tentative = Math.imul(fed.tentative ^ code, FNV_PRIME);
  } else {
    fed.hash = Math.imul(fed.tentative ^ code, FNV_PRIME);
    fed.tentative = fed.hash;
  }
  fed.lastWasSpace = space;
  fed.empty = false;
}

const SPACE = 0x20;
const HYPHEN = 0x2d;
const OCH = " och ";

/** What a character is to normalizeName. */
const PLAIN = 0;
const UPPER = 1; // lower case is a plain shift by 0x20
const WHITE_SPACE = 2; // JavaScript's \s: one space for a run
const INVISIBLE = 3; // dropped by cleanText
const QUOTE = 4;
const DASH = 5;
const AMPERSAND = 6;
const UNKNOWN = 7;

const kinds = (text: string, kind: number) => Array.from(text, (char) => [char.charCodeAt(0), kind] as const);
const WIDE = new Map<number, number>([
  ...kinds("\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a", WHITE_SPACE),
  ...kinds("\u2028\u2029\u202f\u205f\u3000", WHITE_SPACE),
  ...kinds("\u200b\u200c\u200d\u2060\ufeff", INVISIBLE),
  ...kinds("\u201c\u201d\u2018\u2019", QUOTE),
  ...kinds("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", DASH),
]);

function wideKind(code: number): number {
  return WIDE.get(code) ?? UNKNOWN;
}

/** The kind of each character up to U+00FF. */
const LATIN_1 = Int8Array.from({ length: 0x100 }, (_, code) => {
  const char = String.fromCharCode(code);
  if (/\s/.test(char)) return WHITE_SPACE;
  if (code === 0xad) return INVISIBLE;
  if ("\"'\u00ab\u00bb".includes(char)) return QUOTE;
  if (char === "&") return AMPERSAND;
  return char.toLowerCase() === String.fromCharCode(code + 0x20) && char !== char.toLowerCase() ? UPPER : PLAIN;
});
