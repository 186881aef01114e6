/**
 * The xlsx host's read verb on bytes: an .xlsx workbook (through ExcelJS) → one Grid per worksheet. Node-free (no fs,
 * no Buffer), so the CLI (read.ts adds the file system) and the task pane's file worker read workbooks the same way.
 *
 * Before ExcelJS sees the bytes, the file is sniffed (empty, OLE compound file, zip, another format) and every part
 * is inflated within limits (packageParts.ts), then rewritten into the shape ExcelJS reads (normalize.ts), so every
 * unusable input ends as an UnusableInputError saying why (problems.ts); ExcelJS's own errors never escape.
 */
import ExcelJS from "exceljs";
import type { CellValue, Grid, MergedRange, SheetVisibility } from "../../sheet/grid";
import { normalizedPackage } from "./normalize";
import { readParts } from "./packageParts";
import type { NotWorkbookHint } from "../../sheet/hostProblems";
import { UnusableInputError } from "./problems";
import { type ZipEntry, zipEntries } from "./zip";

export { UnusableInputError } from "./problems";
export type { UnusableInputKind } from "./problems";

export interface WorkbookRead {
  /** One Grid per worksheet, in workbook order, hidden and very hidden sheets included. */
  grids: Grid[];
  /** Swedish names of parts ExcelJS would drop if this workbook were rewritten; empty when there are none. */
  unsupportedParts: string[];
  /** When the workbook was last saved, from its document properties; null when it does not say. */
  modified: Date | null;
}

/** `name` is only used in messages (the file name or path as the user knows it). */
export async function readWorkbookBuffer(data: ArrayBuffer | Uint8Array, name: string): Promise<WorkbookRead> {
  const { workbook, entries } = await loadWorkbook(data, name);
  const modified = workbook.modified instanceof Date && !isNaN(workbook.modified.getTime()) ? workbook.modified : null;
  return { grids: workbook.worksheets.map(sheetGrid), unsupportedParts: unsupportedParts(entries), modified };
}

/**
 * The workbook loaded into ExcelJS from its normalised package, for reading and for writing a copy of it
 * (write.ts). Throws UnusableInputError for every input that cannot be used.
 */
export async function loadWorkbook(
  data: ArrayBuffer | Uint8Array,
  name: string,
): Promise<{ workbook: ExcelJS.Workbook; entries: string[] }> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const entries = checkContainer(bytes, name);
  const normalized = normalizedPackage(readParts(bytes, entries, name), name);
  if (!normalized) throw notWorkbook(name);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS hands the bytes to JSZip, which takes a Uint8Array in Node and in the browser alike.
    await workbook.xlsx.load(normalized as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES });
  } catch {
    throw new UnusableInputError({ code: "corrupt", file: name });
  }
  return { workbook, entries: entries.map((entry) => entry.name) };
}

/**
 * Worksheet XML that a Grid does not need. ExcelJS expands every data validation range into one entry per cell, so a
 * user's whole-column dropdowns (B1:E1048576) would take seconds and hundreds of MB; skipping them keeps reading fast.
 */
const IGNORED_NODES = ["dataValidations", "conditionalFormatting", "extLst"];

// ---------------------------------------------------------------------------------------------------------------
// Failure classification

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function notWorkbook(name: string, hint?: NotWorkbookHint): UnusableInputError {
  return new UnusableInputError(hint ? { code: "notWorkbook", file: name, hint } : { code: "notWorkbook", file: name });
}

/** Rejects anything that is not an intact zip, or is another zip-based format; returns the zip's entries. */
function checkContainer(buffer: Uint8Array, name: string): ZipEntry[] {
  if (buffer.length === 0) throw notWorkbook(name, "empty");
  if (OLE_MAGIC.every((byte, i) => buffer[i] === byte)) throw oleError(buffer, name);
  if (buffer[0] !== 0x50 || buffer[1] !== 0x4b) {
    throw notWorkbook(name, looksLikeText(buffer) ? "text" : undefined);
  }
  const entries = zipEntries(buffer);
  if (entries === null) {
    throw new UnusableInputError({ code: "corrupt", file: name });
  }
  // A workbook may live under another name (normalize.ts follows the relationships); these are other formats.
  const lower = new Set(entries.map((entry) => entry.name.toLowerCase()));
  if (!lower.has("xl/workbook.xml")) {
    if (lower.has("xl/workbook.bin")) throw notWorkbook(name, "xlsb");
    if (lower.has("word/document.xml")) throw notWorkbook(name, "word");
    if (lower.has("ppt/presentation.xml")) throw notWorkbook(name, "powerpoint");
    if (lower.has("content.xml") && lower.has("mimetype")) throw notWorkbook(name, "openDocument");
  }
  return entries;
}

/** An OLE compound file: Office's container for password-encrypted workbooks and for old .xls files. */
function oleError(buffer: Uint8Array, name: string): UnusableInputError {
  const has = (stream: string) => indexOf(buffer, utf16le(stream)) >= 0;
  if (has("EncryptedPackage") || has("EncryptionInfo"))
    return new UnusableInputError({ code: "encrypted", file: name });
  if (has("Workbook") || has("Book")) return new UnusableInputError({ code: "legacyFormat", file: name });
  return new UnusableInputError({ code: "encryptedOrLegacy", file: name });
}

/** UTF-16 with a byte-order mark (Excel's "Unicode text"), or UTF-8/ASCII without control bytes in the first 512. */
/** Where `pattern` first occurs in `bytes`, or -1. */
function indexOf(bytes: Uint8Array, pattern: Uint8Array): number {
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

/** The stream names in an OLE directory are UTF-16LE. */
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[i * 2] = text.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

function looksLikeText(buffer: Uint8Array): boolean {
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) return true;
  // Leave out the last 3 bytes of a cut-off head: they may be part of a multi-byte character.
  const head = buffer.length > 512 ? buffer.subarray(0, 509) : buffer;
  return (
    !head.some((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x20)) &&
    !new TextDecoder().decode(head).includes("\uFFFD")
  );
}

/** Parts ExcelJS does not model and would drop on rewrite, by (lower-case) entry name prefix. */
const UNSUPPORTED_PARTS: { name: string; matches: (entry: string) => boolean }[] = [
  { name: "diagram", matches: (e) => e.startsWith("xl/charts/") || e.startsWith("xl/chartsheets/") },
  { name: "pivottabeller", matches: (e) => e.startsWith("xl/pivottables/") || e.startsWith("xl/pivotcache/") },
  { name: "bilder", matches: (e) => e.startsWith("xl/media/") },
  { name: "makron", matches: (e) => e.endsWith("vbaproject.bin") },
  { name: "anpassad XML", matches: (e) => e.startsWith("customxml/") },
  { name: "tilläggsdelar", matches: (e) => e.startsWith("xl/webextensions/") },
  { name: "utsnitt och tidslinjer", matches: (e) => /^xl\/(slicers|slicercaches|timelines|timelinecaches)\//.test(e) },
  { name: "datakopplingar", matches: (e) => e === "xl/connections.xml" || e.startsWith("xl/querytables/") },
  { name: "datamodell", matches: (e) => e.startsWith("xl/model/") },
  { name: "externa länkar", matches: (e) => e.startsWith("xl/externallinks/") },
  { name: "inbäddade objekt och kontroller", matches: (e) => /^xl\/(embeddings|activex|ctrlprops)\//.test(e) },
];

function unsupportedParts(entries: string[]): string[] {
  const lower = entries.map((entry) => entry.toLowerCase());
  return UNSUPPORTED_PARTS.filter((part) => lower.some(part.matches)).map((part) => part.name);
}

// ---------------------------------------------------------------------------------------------------------------
// Worksheet → Grid

const VISIBILITY: Record<string, SheetVisibility> = { visible: "visible", hidden: "hidden", veryHidden: "veryHidden" };

/**
 * The used range is every cell with a value or a formula, widened to cover merged ranges whose top-left cell has
 * one (so a merged title keeps its extent); cells that are only formatted do not count, as with Office.js
 * `getUsedRange(true)`.
 */
function sheetGrid(sheet: ExcelJS.Worksheet): Grid {
  // Per row (0-based), the cells with content by column, and the formats of those holding numbers: rows come in
  // order and hold a few cells each, so arrays cost less than one map of every cell.
  const cells: CellValue[][] = [];
  const numberFormats: (string | null)[][] = [];
  const slaves = new Map<string, { row: number; col: number }[]>(); // master address → its other cells (0-based)
  const uncomputed: { row: number; col: number }[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const include = (row: number, col: number) => {
    top = Math.min(top, row);
    left = Math.min(left, col);
    bottom = Math.max(bottom, row);
    right = Math.max(right, col);
  };

  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      const type = cell.type;
      if (type === ExcelJS.ValueType.Merge) {
        const list = slaves.get(cell.master.address) ?? [];
        list.push({ row: r, col: c });
        slaves.set(cell.master.address, list);
        return;
      }
      const value = cellValue(cell.value);
      if (value === null && type !== ExcelJS.ValueType.Formula) return;
      if (type === ExcelJS.ValueType.Formula && !hasResult(cell.value)) uncomputed.push({ row: r, col: c });
      (cells[r] ??= [])[c] = value;
      // Only a number's format says what it holds (a date); the Excel host reads no other.
      const format = typeof value === "number" || value instanceof Date ? cell.numFmt : undefined;
      if (format && format !== "General") (numberFormats[r] ??= [])[c] = format;
      include(r, c);
    });
  });
  const has = (row: number, col: number) => cells[row] !== undefined && cells[row][col] !== undefined;

  const merges: MergedRange[] = [];
  for (const [address, slaveCells] of slaves) {
    const master = sheet.getCell(address);
    const range: MergedRange = {
      top: Number(master.row) - 1,
      left: Number(master.col) - 1,
      bottom: Number(master.row) - 1,
      right: Number(master.col) - 1,
    };
    for (const { row, col } of slaveCells) {
      range.top = Math.min(range.top, row);
      range.left = Math.min(range.left, col);
      range.bottom = Math.max(range.bottom, row);
      range.right = Math.max(range.right, col);
    }
    if (has(range.top, range.left)) {
      include(range.top, range.left);
      include(range.bottom, range.right);
    }
    merges.push(range);
  }

  const grid: Grid = {
    sheet: sheet.name,
    top: bottom < 0 ? 0 : top,
    left: bottom < 0 ? 0 : left,
    values: [],
    formats: [],
    visibility: VISIBILITY[sheet.state] ?? "visible",
    merges: [],
    hiddenRows: [],
    uncomputed,
  };
  if (bottom < 0) return grid;

  // The used range as a rectangle, unless that would be mostly air: one stray value at XFD1048576 beside a table at
  // A1 must not make 17 billion empty cells. Then each row ends at its last value (the core reads a missing cell as
  // empty). 5 million cells is what Excel itself hands an add-in in one read.
  const rectangle = (bottom - top + 1) * (right - left + 1) <= MAX_RECTANGLE_CELLS;
  for (let r = top; r <= bottom; r++) {
    const rowCells = cells[r] ?? [];
    const rowFormats = numberFormats[r] ?? [];
    const end = rectangle ? right : rowCells.length - 1;
    const values: CellValue[] = [];
    const formats: (string | null)[] = [];
    for (let c = left; c <= end; c++) {
      values.push(rowCells[c] ?? null);
      formats.push(rowFormats[c] ?? null);
    }
    grid.values.push(values);
    grid.formats!.push(formats);
    if (sheet.findRow(r + 1)?.hidden) grid.hiddenRows!.push(r);
  }
  grid.merges = merges
    .filter((m) => m.top >= top && m.left >= left && m.bottom <= bottom && m.right <= right)
    .sort((a, b) => a.top - b.top || a.left - b.left);
  return grid;
}

const MAX_RECTANGLE_CELLS = 5_000_000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Plain text of a string or rich-text value; undefined for anything else. */
function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (isObject(value) && Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) => (isObject(run) && typeof run.text === "string" ? run.text : ""))
      .join("");
  }
  return undefined;
}

/** Whether a formula's value carries its result: a file saved without calculating has none (`<f>` and no `<v>`). */
function hasResult(value: unknown): boolean {
  return isObject(value) && value.result !== undefined;
}

/** An ExcelJS cell value as a Grid value; formulas give their cached result. */
function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (!isObject(value)) return null;
  if ("formula" in value || "sharedFormula" in value) return "result" in value ? cellValue(value.result) : null;
  if (typeof value.error === "string") return { error: value.error };
  if ("hyperlink" in value) return textOf(value.text) ?? cellValue(value.text);
  return textOf(value) ?? null;
}
