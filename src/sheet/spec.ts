/**
 * SheetSpec: what a host writes. Plain data (no classes, no host types), so the core produces it and tests inspect
 * it without any host, and both hosts (Office.js and ExcelJS) render the same spec the same way.
 *
 * Coordinates are 0-based sheet coordinates, as in Grid. Ranges in `range`/`source` strings are A1 references.
 * The `range` of a rule (ListValidation, InputMessage, ConditionalFill) may hold several areas, comma-separated
 * ("F5:F9,F12:F20", AREA_SEPARATOR in areas.ts), as OOXML's sqref holds them (space-separated there) and Office.js's
 * Worksheet.getRanges takes them: one rule over every area, at most MAX_RANGE_LENGTH characters.
 */

import type { ChartSpec } from "./charts";

/** One cell to write. */
/** The text number format: what is written or typed into a cell with it stays exactly that text. */
export const TEXT_FORMAT = "@";

/**
 * The font a file is written in: a named font on every style, since a font with only bold or italic set and no name
 * makes LibreOffice fall back to a serif. Calibri is Excel's default body font (LibreOffice renders it with the
 * metric-compatible Carlito).
 */
export const DEFAULT_FONT = "Calibri";

export interface SpecCell {
  /**
   * The value. A string is always written as text, never interpreted ("=SUM(A1)", "001", "50%" stay text).
   * With `formula`, this is the cached result to store with it (null: none; Excel computes it on open).
   * null without a formula leaves the cell empty (its formatting and `locked` still apply).
   */
  value: string | number | boolean | null;
  /** US-invariant formula without the leading "=" (a leading "=" is tolerated), e.g. "SUM(B2:B9)". */
  formula?: string;
  /** US-invariant number format code, e.g. `#,##0 "tkr"`, "0%", "yyyy-mm-dd", "@". */
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  /** Font size in points (Excel's default is 11). */
  fontSize?: number;
  /** Font colour as "RRGGBB". The font's name is the sheet's (SheetSpec.font, default DEFAULT_FONT). */
  fontColor?: string;
  /** Solid background colour as "RRGGBB". */
  fill?: string;
  /** Wraps text and aligns it to the top, so long uppdrag texts read as paragraphs. */
  wrap?: boolean;
  /** Aligned to the top of its row without wrapping: a row whose other cells wrap then reads across. */
  alignTop?: boolean;
  /** Cell protection; only has an effect when the sheet is protected. Excel's default is locked. */
  locked?: boolean;
}

/**
 * The input message Excel shows beside a cell while it is selected (data validation's prompt). Excel caps the title
 * at 32 characters and the text at 255 (PROMPT_TITLE_MAX, PROMPT_TEXT_MAX); the core keeps within them.
 */
export interface InputPrompt {
  title: string;
  text: string;
}

/** Excel holds at most this many characters in a cell; a file with more is one it must repair. */
export const CELL_TEXT_MAX = 32_767;

/** `text` cut to fit a cell, ending in "…" so that whoever reads it sees it was cut; never half a surrogate pair. */
export function fitCell(text: string): string {
  if (text.length <= CELL_TEXT_MAX) return text;
  let end = CELL_TEXT_MAX - 1;
  if (/[\ud800-\udbff]/.test(text[end - 1])) end--;
  return `${text.slice(0, end)}…`;
}

/** The cells with every text fitted to its cell (fitCell). */
export function fitCells(cells: SpecCell[]): SpecCell[] {
  return cells.map((cell) =>
    typeof cell.value === "string" && cell.value.length > CELL_TEXT_MAX
      ? { ...cell, value: fitCell(cell.value) }
      : cell,
  );
}

export const PROMPT_TITLE_MAX = 32;
export const PROMPT_TEXT_MAX = 255;

/** A dropdown list on every cell of `range`, taking its entries from a range (usually on a hidden lists sheet). */
export interface ListValidation {
  /** The cells that get the dropdown, e.g. "B2:B500", or several areas: "F5:F9,F12:F20". */
  range: string;
  /** The list's source, a sheet-qualified absolute reference without "=", e.g. "'Listor'!$A$2:$A$5". */
  source: string;
  /** Shown while a cell of the range is selected: what to choose and what it means. */
  prompt?: InputPrompt;
}

/** An input message on cells that take any value (no list): e.g. how to type an amount. */
export interface InputMessage {
  /** One area or several, as ListValidation's. */
  range: string;
  prompt: InputPrompt;
}

/** A rectangular block of cells; `rows[0][0]` is written at (top, left). Rows may be ragged. */
export interface SpecBlock {
  top: number;
  left: number;
  rows: SpecCell[][];
}

export interface ColumnWidth {
  /** 0-based column. */
  col: number;
  /** Width in characters (ExcelJS's unit); the Excel host converts to points. */
  width: number;
  hidden?: boolean;
}

export interface SheetProtection {
  /** Optional password; never logged or put on a command line. */
  password?: string;
}

/**
 * Colours a cell by its value: one that equals a status ("Uppfyllt"), or a count above a threshold, so a status
 * reads at a glance.
 */
export interface ConditionalFill {
  /** One area or several, as ListValidation's. */
  range: string;
  when: { equals: string } | { greaterThan: number };
  fill: string;
  fontColor?: string;
}

/** Page margins in inches (ExcelJS's unit; the Excel host converts to points). */
export interface PrintMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
  header: number;
  footer: number;
}

/**
 * A page footer's three parts as plain text. "{page}" and "{pages}" stand for the page number and the number of
 * pages; everything else is printed as written (hosts escape Excel's "&" codes: see footerCode in print.ts).
 */
export interface PrintFooter {
  left?: string;
  center?: string;
  right?: string;
}

export interface PrintSetup {
  orientation: "landscape" | "portrait";
  paper: "A4";
  /** Rows repeated at the top of every printed page, e.g. "1:3". */
  titleRows?: string;
  /**
   * Scale each page to the sheet's width. Excel ignores manual page breaks while it fits to pages, so a sheet with
   * `rowBreaks` takes a fixed `scale` instead.
   */
  fitToWidth?: boolean;
  /** Fixed print scale in percent (10–400). */
  scale?: number;
  margins?: PrintMargins;
  /** 0-based rows that start a new printed page (a manual page break above each). */
  rowBreaks?: number[];
  footer?: PrintFooter;
}

export type SpecSheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetSpec {
  /** Sheet name: at most 31 characters, none of : \ / ? * [ ], unique ignoring case within the workbook. */
  name: string;
  /** Default "visible". */
  visibility?: SpecSheetVisibility;
  /** Blocks of rows starting at a 0-based top-left; one block per region keeps payloads small. */
  blocks: SpecBlock[];
  columnWidths?: ColumnWidth[];
  /** Number of header rows kept visible when scrolling (0 or absent: none). */
  frozenRows?: number;
  validations?: ListValidation[];
  /** Input messages on cells without a list (a list's own prompt goes with its ListValidation). */
  inputMessages?: InputMessage[];
  /** Rows neither shown nor printed (0-based): what is there only for Måltavlan to read back, such as a marker. */
  hiddenRows?: number[];
  /** Row heights in points (0-based rows), for rows whose wrapped text needs more than one line. */
  rowHeights?: { row: number; height: number }[];
  /** Merged ranges, e.g. "B1:H1". The value sits in the top-left cell. */
  merges?: string[];
  conditionalFills?: ConditionalFill[];
  print?: PrintSetup;
  /**
   * The font every cell is written in. Absent: a file gets DEFAULT_FONT, and the Excel host leaves the workbook's
   * own font (its Normal style, the theme font) in place, which Office.js keeps when it sets bold or a size.
   */
  font?: string;
  /** Present: the sheet is protected; cells with `locked: false` stay editable. */
  protect?: SheetProtection;
  /** Native charts over the workbook's cells, each anchored on this sheet. */
  charts?: ChartSpec[];
  /**
   * A filter button on each column header of this range (its first row), e.g. "A3:I64": Excel's AutoFilter, which
   * the Excel host can set only from ExcelApi 1.9.
   */
  autoFilter?: string;
}

/** Sheets in the order they appear in the workbook. */
export interface WorkbookSpec {
  sheets: SheetSpec[];
}
