import { DASH_CHAR, INVISIBLE_CHAR, QUOTE_CHAR, TRAILING_CHAR, normalizeName } from "./text";

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
  private hashes: Int32Array;
  private slots: Int32Array;
  private readonly values: T[] = [];
  /** Values whose name's hash was already taken by another name, by normalised name. */
  private readonly collided = new Map<string, T>();
  /** The last name hashed: a name is mostly looked up, then set. */
  private lastName = "";
  private lastHash = nameHash("");

  /**
   * `nameOf` gives back the name a value was set under, to tell apart two names with one hash. `expected`: about how
   * many names will be set, so that the table is made large enough at once.
   */
  constructor(
    private readonly nameOf: (value: T) => string,
    expected = 0,
  ) {
    let size = 64;
    while (size < 2 * expected) size *= 2;
    this.hashes = new Int32Array(size);
    this.slots = new Int32Array(size);
  }

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
    // Most characters are kept as they stand (but for case) and follow one that is: fed here, without the checks
    // below and in feed.
    const kept = code < 0x100 && !spaceBefore ? KEPT_LATIN_1[code] : 0;
    if (kept !== 0) {
      fed.hash = fed.tentative = Math.imul(fed.tentative ^ kept, FNV_PRIME);
      fed.lastWasSpace = false;
      fed.empty = false;
      started = true;
      continue;
    }
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
  if (code < 0x100 && TRAILING_LATIN_1[code] === 1) {
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
const UNKNOWN = 7; // beyond Latin-1, lower case may take more than the character itself: normalizeName decides

/** The kind of a character, by the sets normalizeName itself uses (text.ts). */
function kindOf(code: number): number {
  const char = String.fromCharCode(code);
  if (INVISIBLE_CHAR.test(char)) return INVISIBLE;
  if (/\s/.test(char)) return WHITE_SPACE;
  if (QUOTE_CHAR.test(char)) return QUOTE;
  if (DASH_CHAR.test(char)) return DASH;
  if (char === "&") return AMPERSAND;
  if (code >= 0x100) return UNKNOWN;
  const lower = char.toLowerCase();
  return lower === char ? PLAIN : lower === String.fromCharCode(code + 0x20) ? UPPER : UNKNOWN;
}

const LATIN_1 = Int8Array.from({ length: 0x100 }, (_, code) => kindOf(code));
const TRAILING_LATIN_1 = Int8Array.from({ length: 0x100 }, (_, code) =>
  TRAILING_CHAR.test(String.fromCharCode(code)) ? 1 : 0,
);

/**
 * For a Latin-1 character that normalizeName keeps as it stands but for case (letters, digits, most punctuation), what
 * is fed for it; else 0.
 */
const KEPT_LATIN_1 = Int16Array.from({ length: 0x100 }, (_, code) =>
  TRAILING_LATIN_1[code] === 0 && (LATIN_1[code] === PLAIN || LATIN_1[code] === UPPER)
    ? code + (LATIN_1[code] === UPPER ? 0x20 : 0)
    : 0,
);

/** Characters beyond Latin-1, each classified once when first met. */
const wideKinds = new Map<number, number>();

function wideKind(code: number): number {
  let kind = wideKinds.get(code);
  if (kind === undefined) {
    kind = kindOf(code);
    wideKinds.set(code, kind);
  }
  return kind;
}
