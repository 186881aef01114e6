/**
 * One worksheet part read forward, tag by tag, into the cells a Grid keeps: no tree of the sheet, no object per cell
 * beyond its value. Elements the cell data may hold that carry nothing a Grid needs (extension lists, phonetic runs,
 * run properties, unknown elements, however deeply nested) are stepped over. Node-free.
 *
 * How a cell reads (ECMA-376 Part 1 §18.3.1.4 c, §18.18.11 ST_CellType): `t="s"` an index into the shared strings,
 * `str` and `inlineStr` text, `b` a boolean, `e` an error value, `d` an ISO 8601 date, anything else a number, which
 * a date format on the cell's style (`s`) turns into a date. A formula (`<f>`, also a shared one that only names its
 * group) gives its cached result `<v>`, and no result when the file has none.
 */
import type { CellValue } from "../../sheet/grid";
import type { CellStyles } from "./cellStyles";
import { serialDate } from "./cellStyles";
import { type CellRange, parseRange } from "./sheetXml";
import { Tag, attributeAt, forEachAttribute, isElement, text, unescapeXstring, walkElements } from "./xmlBytes";

export interface ScannedSheet {
  /**
   * Per row, the cells holding something by column (both 0-based): a value, or null for a formula whose result the
   * file does not carry. A cell with nothing is left out.
   */
  cells: CellValue[][];
  /** Per row, the number formats of the cells holding numbers or dates, where they are not General. */
  formats: (string | null)[][];
  /** Formulas without a result (0-based), in the order of the file. */
  uncomputed: { row: number; col: number }[];
  /** Rows marked hidden (0-based). */
  hiddenRows: number[];
  /** Merged ranges as the file writes them (1-based rows and columns). */
  merges: CellRange[];
  /** The last row and column (1-based) with a cell that is not an empty element, for clipping merged ranges. */
  used: { rows: number; cols: number };
}

export interface SheetContext {
  strings: (string | null)[];
  styles: CellStyles;
  date1904: boolean;
}

/** Thrown for a cell that names a shared string the file does not have. */
export class MissingSharedString extends Error {}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/** What is open inside `<sheetData>`; anything else there is stepped over with its content. */
const enum Open {
  SheetData,
  Row,
  Cell,
  Value,
  Formula,
  InlineString,
  Run,
  Text,
}

function child(data: Uint8Array, start: number, parent: Open): Open | -1 {
  switch (parent) {
    case Open.SheetData:
      return isElement(data, start, "row") ? Open.Row : -1;
    case Open.Row:
      return isElement(data, start, "c") ? Open.Cell : -1;
    case Open.Cell:
      if (isElement(data, start, "v")) return Open.Value;
      if (isElement(data, start, "f")) return Open.Formula;
      return isElement(data, start, "is") ? Open.InlineString : -1;
    case Open.InlineString:
      if (isElement(data, start, "t")) return Open.Text;
      return isElement(data, start, "r") ? Open.Run : -1;
    case Open.Run:
      return isElement(data, start, "t") ? Open.Text : -1;
    default:
      return -1;
  }
}

export function scanSheet(data: Uint8Array, context: SheetContext): ScannedSheet {
  const sheet: ScannedSheet = {
    cells: [],
    formats: [],
    uncomputed: [],
    hiddenRows: [],
    merges: [],
    used: { rows: 0, cols: 0 },
  };
  const open: Open[] = [];
  let skipping = 0; // depth inside an element stepped over
  let row = -1;
  let col = -1;
  // The cell being read.
  let type: string | null = null;
  let style = 0;
  let valueFrom = -1; // where the cell's <v> text is; -1 when it has none
  let valueTo = -1;
  let inline: string | null = null;
  let formula = false;
  let textFrom = 0;

  // A cell's attributes, read in one pass without a string for its reference or style (a sheet has millions).
  let refCol = -1;
  const cellAttribute = (nameFrom: number, nameTo: number, valueFrom: number, valueTo: number) => {
    if (nameTo - nameFrom !== 1) return;
    const name = data[nameFrom];
    if (name === 0x72) refCol = columnOf(data, valueFrom, valueTo);
    else if (name === 0x74) type = cellType(data, valueFrom, valueTo);
    else if (name === 0x73) style = digits(data, valueFrom, valueTo);
  };

  const startCell = (start: number, end: number, empty: boolean) => {
    refCol = -1;
    type = null;
    style = 0;
    forEachAttribute(data, start, end, cellAttribute);
    col = refCol >= 0 ? refCol : col + 1;
    valueFrom = -1;
    valueTo = -1;
    inline = null;
    formula = false;
    if (!empty) {
      sheet.used.rows = Math.max(sheet.used.rows, row + 1);
      sheet.used.cols = Math.max(sheet.used.cols, col + 1);
    }
  };

  const endCell = () => {
    if (row < 0 || row >= MAX_ROWS || col >= MAX_COLS) return;
    let cell: CellValue;
    if (formula) {
      // A formula's text result may be empty (`<v></v>`): it is still a result. Any other empty one is none.
      const result = valueFrom >= 0 && (valueTo > valueFrom || type === "str");
      cell = result ? typed() : null;
      if (!result) sheet.uncomputed.push({ row, col });
    } else if (valueTo > valueFrom) {
      cell = typed();
      if (cell === null) return;
    } else if (inline !== null) {
      cell = inline;
    } else {
      return;
    }
    (sheet.cells[row] ??= [])[col] = cell;
    const format = typeof cell === "number" || cell instanceof Date ? context.styles.format(style) : null;
    if (format !== null) (sheet.formats[row] ??= [])[col] = format;
  };

  /** The cell's <v> as its type says. */
  const typed = (): CellValue => {
    if (type === null || type === "n") {
      const whole = wholeNumber(data, valueFrom, valueTo);
      if (!Number.isNaN(whole)) return context.styles.isDate(style) ? serialDate(whole, context.date1904) : whole;
    }
    const raw = text(data, valueFrom, valueTo);
    switch (type) {
      case "s": {
        const index = Number(raw.trim());
        const shared = context.strings[index];
        if (!Number.isInteger(index) || shared === undefined) throw new MissingSharedString();
        return shared;
      }
      case "str":
      case "inlineStr":
        return raw;
      case "b":
        return !(raw.trim() === "0" || raw.trim() === "false");
      case "e":
        return { error: raw };
      case "d": {
        const date = new Date(raw.trim());
        return Number.isNaN(date.getTime()) ? raw : date;
      }
      default: {
        const number = Number.parseFloat(raw);
        // Not a number after all: the text is kept rather than lost.
        if (Number.isNaN(number)) return raw;
        return context.styles.isDate(style) ? serialDate(number, context.date1904) : number;
      }
    }
  };

  const opened = (kind: Open, start: number, end: number, empty: boolean) => {
    switch (kind) {
      case Open.Row: {
        const r = Number(attributeAt(data, start, end, "r"));
        row = Number.isInteger(r) && r >= 1 && r <= MAX_ROWS ? r - 1 : row + 1;
        col = -1;
        const hidden = attributeAt(data, start, end, "hidden");
        if (hidden === "1" || hidden === "true") sheet.hiddenRows.push(row);
        break;
      }
      case Open.Cell:
        startCell(start, end, empty);
        break;
      case Open.Formula:
        if (attributeAt(data, start, end, "t") !== null) formula = true;
        textFrom = end + 1;
        break;
      case Open.Value:
      case Open.Text:
        textFrom = end + 1;
        break;
    }
  };

  const closed = (kind: Open, start: number) => {
    switch (kind) {
      case Open.Cell:
        endCell();
        break;
      case Open.Value:
        valueFrom = textFrom;
        valueTo = Math.max(start, textFrom);
        break;
      case Open.Formula:
        if (start > textFrom) formula = true;
        break;
      case Open.Text:
        if (start > textFrom) inline = (inline ?? "") + unescapeXstring(text(data, textFrom, start));
        break;
    }
  };

  walkElements(data, (start, end, tag) => {
    if (open.length === 0) {
      if (tag === Tag.Close) return;
      if (tag === Tag.Open && isElement(data, start, "sheetData")) open.push(Open.SheetData);
      else if (isElement(data, start, "mergeCell")) {
        const range = parseRange(attributeAt(data, start, end, "ref") ?? "");
        if (range) sheet.merges.push(range);
      }
      return;
    }
    if (skipping > 0) {
      skipping += tag === Tag.Open ? 1 : tag === Tag.Close ? -1 : 0;
      return;
    }
    if (tag === Tag.Close) {
      closed(open.pop()!, start);
      return;
    }
    const kind = child(data, start, open[open.length - 1]);
    if (kind === -1) {
      if (tag === Tag.Open) skipping = 1;
      return;
    }
    opened(kind, start, end, tag === Tag.Empty);
    if (tag === Tag.Open) open.push(kind);
    else {
      textFrom = end + 1;
      closed(kind, end + 1);
    }
  });
  return sheet;
}

/** The column (0-based) of a cell reference such as "B12" or "$B$12" in `data`; -1 when it names none. */
function columnOf(data: Uint8Array, from: number, to: number): number {
  let col = 0;
  let i = data[from] === 0x24 ? from + 1 : from;
  const letters = i;
  for (; i < to; i++) {
    const code = data[i] | 0x20; // lower case
    if (code < 0x61 || code > 0x7a) break;
    col = col * 26 + (code - 0x60);
  }
  return i === letters || i - letters > 3 || col > MAX_COLS ? -1 : col - 1;
}

/**
 * A whole number of at most 15 digits, as most cells hold, read without a string; NaN for anything else (which
 * parseFloat then reads).
 */
function wholeNumber(data: Uint8Array, from: number, to: number): number {
  const negative = data[from] === 0x2d;
  const first = negative ? from + 1 : from;
  if (to <= first || to - first > 15) return NaN;
  let n = 0;
  for (let i = first; i < to; i++) {
    const digit = data[i] - 0x30;
    if (digit < 0 || digit > 9) return NaN;
    n = n * 10 + digit;
  }
  return negative ? -n : n;
}

/** A whole number written in ASCII digits (a style index); 0 for anything else. */
function digits(data: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = data[i] - 0x30;
    if (digit < 0 || digit > 9 || n > 1e9) return 0;
    n = n * 10 + digit;
  }
  return n;
}

const CELL_TYPES = ["s", "str", "inlineStr", "b", "e", "n", "d"];

/** A cell's `t`, as one of the shared strings of CELL_TYPES when it is one. */
function cellType(data: Uint8Array, from: number, to: number): string {
  for (const known of CELL_TYPES) {
    if (known.length !== to - from) continue;
    let i = 0;
    while (i < known.length && data[from + i] === known.charCodeAt(i)) i++;
    if (i === known.length) return known;
  }
  return text(data, from, to);
}
