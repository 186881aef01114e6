/**
 * Worksheet and other XML parts at the level of bytes and tags, for what must be settled before ExcelJS parses them:
 * how deep elements nest, elements inside the cell data that ExcelJS cannot read (it then reads the whole sheet as
 * empty, without a word), and merged ranges past the cells a sheet uses. Node-free, like readBytes.ts.
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUESTION = 0x3f;
const BANG = 0x21;

const enum Tag {
  Open,
  Close,
  Empty,
}

/** Where `ascii` next ends from `from`, or the end of `data`. */
function skipPast(data: Uint8Array, ascii: string, from: number): number {
  const at = indexOfAscii(data, ascii, from);
  return at < 0 ? data.length : at + ascii.length;
}

function indexOfAscii(data: Uint8Array, ascii: string, from = 0): number {
  const first = ascii.charCodeAt(0);
  for (let i = data.indexOf(first, from); i >= 0; i = data.indexOf(first, i + 1)) {
    let j = 1;
    while (j < ascii.length && data[i + j] === ascii.charCodeAt(j)) j++;
    if (j === ascii.length) return i;
  }
  return -1;
}

/**
 * Calls `visit` with each start, end and empty tag (from its `<` to its `>`); comments, CDATA, declarations and
 * processing instructions are skipped, and a `>` inside a quoted attribute value does not end a tag. `visit` returns
 * true to stop.
 */
function walkTags(data: Uint8Array, visit: (start: number, end: number, tag: Tag) => boolean | void): void {
  for (let i = data.indexOf(LT); i >= 0 && i < data.length; i = data.indexOf(LT, i)) {
    const next = data[i + 1];
    if (next === SLASH) {
      const end = data.indexOf(GT, i);
      if (end < 0 || visit(i, end, Tag.Close)) return;
      i = end;
    } else if (next === QUESTION) {
      i = skipPast(data, "?>", i);
    } else if (next === BANG) {
      const third = data[i + 2];
      i = third === 0x2d ? skipPast(data, "-->", i) : third === 0x5b ? skipPast(data, "]]>", i) : data.indexOf(GT, i);
      if (i < 0) return;
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
      if (end >= data.length || visit(i, end, data[end - 1] === SLASH ? Tag.Empty : Tag.Open)) return;
      i = end;
    }
  }
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

/** The element name of the tag at `start` (after `<` or `</`). */
function tagName(data: Uint8Array, start: number): string {
  let i = data[start + 1] === SLASH ? start + 2 : start + 1;
  let name = "";
  for (let byte = data[i]; byte > 0x20 && byte !== SLASH && byte !== GT; byte = data[++i]) {
    name += String.fromCharCode(byte);
  }
  return name;
}

/**
 * What ExcelJS reads inside `<sheetData>`, by parent: rows of cells, a cell's value, formula and inline string, and
 * an inline string's text and runs (anything inside a run's properties). Anything else there (an extension list, a
 * phonetic run, an unknown element) makes it lose the row, the cell or the whole sheet.
 */
const READ_INSIDE: Record<string, Set<string> | "any"> = {
  sheetData: new Set(["row"]),
  row: new Set(["c"]),
  c: new Set(["v", "f", "is"]),
  is: new Set(["t", "r"]),
  r: new Set(["rPr", "t"]),
  rPr: "any",
  v: new Set(),
  f: new Set(),
  t: new Set(),
};

/**
 * The worksheet without the elements inside its cell data that ExcelJS cannot read (with everything inside them,
 * however deep); the same bytes when there are none. Nothing a Grid holds is in them.
 */
export function withoutStrayElements(data: Uint8Array): Uint8Array {
  const stray: [number, number][] = [];
  const open: string[] = []; // elements open inside sheetData, sheetData first
  let strayFrom = -1;
  let strayDepth = 0;
  walkTags(data, (start, end, tag) => {
    if (strayFrom >= 0) {
      strayDepth += tag === Tag.Open ? 1 : tag === Tag.Close ? -1 : 0;
      if (strayDepth === 0) {
        stray.push([strayFrom, end + 1]);
        strayFrom = -1;
      }
      return;
    }
    if (open.length === 0) {
      if (tag === Tag.Open && tagName(data, start) === "sheetData") open.push("sheetData");
      return;
    }
    if (tag === Tag.Close) {
      open.pop();
      return open.length === 0; // the rest of the sheet is not cell data
    }
    const name = tagName(data, start);
    const parent = open[open.length - 1];
    const allowed = READ_INSIDE[parent] ?? "any";
    if (allowed === "any" || allowed.has(name)) {
      if (tag === Tag.Open) open.push(allowed === "any" ? parent : name);
    } else if (tag === Tag.Empty) {
      stray.push([start, end + 1]);
    } else {
      strayFrom = start;
      strayDepth = 1;
    }
  });
  if (strayFrom >= 0) stray.push([strayFrom, data.length]);
  if (stray.length === 0) return data;
  const kept = stray.reduce((size, [from, to]) => size - (to - from), data.length);
  const out = new Uint8Array(kept);
  let at = 0;
  let from = 0;
  for (const [start, end] of stray) {
    out.set(data.subarray(from, start), at);
    at += start - from;
    from = end;
  }
  out.set(data.subarray(from), at);
  return out;
}

export function attribute(element: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(element);
  return match ? unescapeXml(match[1] ?? match[2]) : null;
}

export function unescapeXml(value: string): string {
  return value.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (entity, name: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    if (named[name.toLowerCase()]) return named[name.toLowerCase()];
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Merged ranges

const MERGE_CELL = /<(?:[\w.-]+:)?mergeCell\b(?:[^>"']|"[^"]*"|'[^']*')*?\/>/g;

/**
 * The sheet with each merged range clipped to the rows and columns that hold cells, and the cells they still cover;
 * null when the sheet has no merged range. A range is the value of its top-left cell spread over the rows it covers,
 * and rows past the last one are not there to receive it. A range that shrinks to one cell is dropped.
 */
export function clipMerges(data: Uint8Array): { xml: string; cells: number } | null {
  if (indexOfAscii(data, "mergeCell") < 0) return null;
  const xml = new TextDecoder().decode(data);
  const used = usedExtent(xml);
  let cells = 0;
  const clipped = xml.replace(MERGE_CELL, (element) => {
    const range = parseRange(attribute(element, "ref") ?? "");
    if (!range) return element;
    const bottom = Math.min(range.bottom, Math.max(range.top, used.rows));
    const right = Math.min(range.right, Math.max(range.left, used.cols));
    if (bottom === range.top && right === range.left) return "";
    cells += (bottom - range.top + 1) * (right - range.left + 1);
    const ref = `${columnName(range.left)}${range.top}:${columnName(right)}${bottom}`;
    return element.replace(/(\sref\s*=\s*)(["'])[^"']*\2/, `$1"${ref}"`);
  });
  return { xml: clipped, cells };
}

const ROW_OR_CELL = /<(?:[\w.-]+:)?(row|c)\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

/**
 * The last row and column (1-based) with a cell that has content (not self-closing), as ExcelJS places them: by
 * their `r` attribute, or else after the row or cell before.
 */
function usedExtent(xml: string): { rows: number; cols: number } {
  const start = xml.search(/<(?:[\w.-]+:)?sheetData\b/);
  const end = xml.search(/<\/(?:[\w.-]+:)?sheetData>/);
  let row = 0;
  let col = 0;
  let rows = 0;
  let cols = 0;
  for (const match of xml.slice(Math.max(start, 0), end < 0 ? xml.length : end).matchAll(ROW_OR_CELL)) {
    const [, tag, attributes, selfClosing] = match;
    const ref = attribute(attributes, "r");
    if (tag === "row") {
      row = ref && /^\d+$/.test(ref) ? Number(ref) : row + 1;
      col = 0;
      continue;
    }
    const cell = ref ? /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref) : null;
    col = cell ? columnNumber(cell[1]) : col + 1;
    if (cell) row = Number(cell[2]);
    if (selfClosing) continue;
    rows = Math.max(rows, row);
    cols = Math.max(cols, col);
  }
  return { rows, cols };
}

function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const match = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref.trim());
  if (!match) return null;
  const [a, b] = [columnNumber(match[1]), columnNumber(match[3] ?? match[1])];
  const [r1, r2] = [Number(match[2]), Number(match[4] ?? match[2])];
  return { top: Math.min(r1, r2), left: Math.min(a, b), bottom: Math.max(r1, r2), right: Math.max(a, b) };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters.toUpperCase()) n = n * 26 + letter.charCodeAt(0) - 64;
  return n;
}

function columnName(n: number): string {
  let name = "";
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26))
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}
