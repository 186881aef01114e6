/**
 * XML read forward from its UTF-8 bytes, tag by tag, without building a tree or decoding a whole part into one string:
 * what the workbook reader (sheetScan.ts and the small parts) and the package checks (sheetXml.ts) stand on.
 * Element names are compared by their local name (the prefix is the writer's choice, as XML namespaces allow).
 * Node-free, like readBytes.ts.
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;
const COLON = 0x3a;
const AMP = 0x26;
const CR = 0x0d;

export const enum Tag {
  Open,
  Close,
  Empty,
}

/** Where `ascii` next ends from `from`, or the end of `data`. */
function skipPast(data: Uint8Array, ascii: string, from: number): number {
  const at = indexOfAscii(data, ascii, from);
  return at < 0 ? data.length : at + ascii.length;
}

export function indexOfAscii(data: Uint8Array, ascii: string, from = 0): number {
  const first = ascii.charCodeAt(0);
  for (let i = data.indexOf(first, from); i >= 0; i = data.indexOf(first, i + 1)) {
    let j = 1;
    while (j < ascii.length && data[i + j] === ascii.charCodeAt(j)) j++;
    if (j === ascii.length) return i;
  }
  return -1;
}

/**
 * Calls `visit` with each start, end and empty tag (from its `<` to its `>`), from `from` on; comments, CDATA,
 * declarations and processing instructions are skipped, and a `>` inside a quoted attribute value does not end a tag.
 * `visit` returns true to stop. Returns where it stopped (after the tag that stopped it), the end of `data`, or -1
 * when `data` ends inside a tag.
 */
export function walkTags(
  data: Uint8Array,
  visit: (start: number, end: number, tag: Tag) => boolean | void,
  from = 0,
): number {
  for (let i = data.indexOf(LT, from); i >= 0 && i < data.length; i = data.indexOf(LT, i)) {
    const next = data[i + 1];
    if (next === SLASH) {
      const end = data.indexOf(GT, i);
      if (end < 0) return -1;
      if (visit(i, end, Tag.Close)) return end + 1;
      i = end;
    } else if (next === QUESTION) {
      i = skipPast(data, "?>", i);
    } else if (next === BANG) {
      const third = data[i + 2];
      i = third === 0x2d ? skipPast(data, "-->", i) : third === 0x5b ? skipPast(data, "]]>", i) : data.indexOf(GT, i);
      if (i < 0) return data.length;
    } else {
      let quote = 0;
      let end = i + 1;
      for (; end < data.length; end++) {
        const byte = data[end];
        if (quote) {
          if (byte === quote) quote = 0;
        } else if (byte === 0x22 || byte === 0x27) quote = byte;
        else if (byte === GT) break;
      }
      if (end >= data.length) return -1;
      if (visit(i, end, data[end - 1] === SLASH ? Tag.Empty : Tag.Open)) return end + 1;
      i = end;
    }
  }
  return data.length;
}

/** Thrown for XML that is not well-formed: the part is damaged. */
export class MalformedXml extends Error {}

/**
 * walkTags over a part that must be well-formed as far as elements go: each end tag closes the element last opened,
 * and none is left open or cut off (unless `visit` stops early). Throws MalformedXml otherwise.
 */
export function walkElements(data: Uint8Array, visit: (start: number, end: number, tag: Tag) => boolean | void): void {
  const open: number[] = []; // where the name of each open element starts
  let stopped = false;
  const at = walkTags(data, (start, end, tag) => {
    if (tag === Tag.Open) open.push(start + 1);
    else if (tag === Tag.Close) {
      const from = open.pop();
      if (from === undefined || !sameName(data, from, start + 2)) throw new MalformedXml();
    }
    stopped = visit(start, end, tag) === true;
    return stopped;
  });
  if (!stopped && (at < 0 || open.length > 0)) throw new MalformedXml();
}

function sameName(data: Uint8Array, a: number, b: number): boolean {
  const end = nameEnd(data, a);
  if (nameEnd(data, b) - b !== end - a) return false;
  for (let i = 0; i < end - a; i++) if (data[a + i] !== data[b + i]) return false;
  return true;
}

/** Where the element name of the tag at `start` ends (at white space, `/` or `>`). */
function nameEnd(data: Uint8Array, from: number): number {
  let i = from;
  for (let byte = data[i]; byte > 0x20 && byte !== SLASH && byte !== GT; byte = data[++i]);
  return i;
}

/** The element name of the tag at `start`, as written (prefix included). */
export function tagName(data: Uint8Array, start: number): string {
  const from = data[start + 1] === SLASH ? start + 2 : start + 1;
  return ascii(data, from, nameEnd(data, from));
}

/** Whether the tag at `start` is of an element whose local name is `name` (ASCII), whatever its prefix. */
export function isElement(data: Uint8Array, start: number, name: string): boolean {
  const from = data[start + 1] === SLASH ? start + 2 : start + 1;
  const end = nameEnd(data, from);
  let local = end;
  while (local > from && data[local - 1] !== COLON) local--;
  if (end - local !== name.length) return false;
  for (let i = 0; i < name.length; i++) if (data[local + i] !== name.charCodeAt(i)) return false;
  return true;
}

/**
 * Calls `visit` with where the name and the (still escaped) value of each attribute of the tag from `start` to `end`
 * are; the name as written, prefix included.
 */
export function forEachAttribute(
  data: Uint8Array,
  start: number,
  end: number,
  visit: (nameFrom: number, nameTo: number, valueFrom: number, valueTo: number) => void,
): void {
  let i = nameEnd(data, data[start + 1] === SLASH ? start + 2 : start + 1);
  while (i < end) {
    while (i < end && data[i] <= 0x20) i++;
    const from = i;
    while (i < end && data[i] > 0x20 && data[i] !== 0x3d && data[i] !== SLASH && data[i] !== GT) i++;
    const to = i;
    while (i < end && data[i] <= 0x20) i++;
    if (data[i] !== 0x3d) {
      if (i === from) i++;
      continue;
    }
    i++;
    while (i < end && data[i] <= 0x20) i++;
    const quote = data[i];
    if (quote !== 0x22 && quote !== 0x27) return;
    const valueEnd = data.indexOf(quote, i + 1);
    if (valueEnd < 0 || valueEnd > end) return;
    visit(from, to, i + 1, valueEnd);
    i = valueEnd + 1;
  }
}

/**
 * The value of the attribute `name` in the tag from `start` to `end`, entities resolved; null when it is not there.
 * `name` may be `*:local` for an attribute of that local name under any prefix (such as `r:id`).
 */
export function attributeAt(data: Uint8Array, start: number, end: number, name: string): string | null {
  const anyPrefix = name.startsWith("*:");
  const wanted = anyPrefix ? name.slice(2) : name;
  let value: string | null = null;
  forEachAttribute(data, start, end, (from, to, valueFrom, valueTo) => {
    if (value !== null) return;
    let nameFrom = from;
    if (anyPrefix) {
      while (nameFrom < to && data[nameFrom] !== COLON) nameFrom++;
      if (nameFrom++ >= to) return;
    }
    if (to - nameFrom === wanted.length && matches(data, nameFrom, wanted)) value = text(data, valueFrom, valueTo);
  });
  return value;
}

function matches(data: Uint8Array, at: number, ascii: string): boolean {
  for (let i = 0; i < ascii.length; i++) if (data[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

const decoder = new TextDecoder();

/** Bytes known to be ASCII as a string. */
function ascii(data: Uint8Array, from: number, to: number): string {
  let out = "";
  for (let i = from; i < to; i++) out += String.fromCharCode(data[i]);
  return out;
}

/**
 * Character data from `from` to `to` as the text it stands for: UTF-8 decoded, entities and character references
 * resolved, line ends normalised to `\n` (XML 1.0 §2.11).
 */
export function text(data: Uint8Array, from: number, to: number): string {
  let plain = to - from <= 64;
  let special = false;
  for (let i = from; i < to; i++) {
    const byte = data[i];
    if (byte >= 0x80) plain = false;
    else if (byte === AMP || byte === CR) special = true;
  }
  let out = plain ? ascii(data, from, to) : decoder.decode(data.subarray(from, to));
  if (special) {
    out = out.replace(/\r\n?/g, "\n");
    if (out.includes("&")) out = unescapeXml(out);
  }
  return out;
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
const ENTITY: Record<string, string> = Object.fromEntries(Object.entries(NAMED).map(([name, c]) => [c, `&${name};`]));

/** Text for XML's content or a double-quoted attribute value (all Måltavlan writes): < > & " as entities. */
export function escapeXml(value: string): string {
  return value.replace(/[<>&"]/g, (c) => ENTITY[c]);
}

export function unescapeXml(value: string): string {
  return value.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (entity, name: string) => {
    const named = NAMED[name.toLowerCase()];
    if (named) return named;
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/**
 * OOXML's escape of characters XML cannot hold (`_x000D_`, ECMA-376 Part 1 §22.9.2.19 ST_Xstring) in the text of
 * cells and shared strings, undone.
 */
export function unescapeXstring(value: string): string {
  if (!value.includes("_x")) return value;
  return value.replace(/_x([0-9A-Fa-f]{4})_/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Whether elements nest deeper than `limit`. */
export function nestedDeeperThan(data: Uint8Array, limit: number): boolean {
  let depth = 0;
  let deeper = false;
  walkTags(data, (_start, _end, tag) => {
    if (tag === Tag.Close) depth--;
    else if (tag === Tag.Open && ++depth > limit) deeper = true;
    return deeper;
  });
  return deeper;
}
