/**
 * Worksheet and other XML parts at the level of bytes and tags, for what must be settled before ExcelJS parses them:
 * how deep elements nest, elements inside the cell data that ExcelJS cannot read (it then reads the whole sheet as
 * empty, without a word), and merged ranges past the cells a sheet uses (clipRange, which the reader shares).
 * Node-free.
 */

import { Tag, indexOfAscii, tagName, unescapeXml, walkTags } from "./xmlBytes";

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
    const clippedRange = clipRange(range, used);
    if (!clippedRange) return "";
    const { bottom, right } = clippedRange;
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

/** A range (1-based) clipped to the rows and columns a sheet uses; null when only its top-left cell is left. */
export function clipRange(range: CellRange, used: { rows: number; cols: number }): CellRange | null {
  const bottom = Math.min(range.bottom, Math.max(range.top, used.rows));
  const right = Math.min(range.right, Math.max(range.left, used.cols));
  if (bottom === range.top && right === range.left) return null;
  return { top: range.top, left: range.left, bottom, right };
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B2:D4" (or one cell, `$` allowed) as a range of 1-based rows and columns; null when it is none. */
export function parseRange(ref: string): CellRange | null {
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
