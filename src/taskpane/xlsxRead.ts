/**
 * Returned workbooks read in the pane: bytes → one Grid per worksheet through ExcelJS, without Node (no fs, no
 * Buffer), so it runs in the files worker. It follows src/hosts/xlsx/read.ts (the CLI's reader: same checks, same
 * Grids, same Swedish messages); that module reads files from disk with Node's fs and Buffer, which the browser lacks.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read -- ExcelJS objects, not Office.js */
import ExcelJS from "exceljs";
import type { CellValue, Grid, MergedRange, SheetVisibility } from "../sheet/grid";

export interface BrowserWorkbookRead {
  grids: Grid[];
  modified: Date | null;
}

/** The file cannot be used; `message` is one line of Swedish, fit to show as is. */
export class UnusableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnusableFileError";
  }
}

const corrupt = (name: string) =>
  new UnusableFileError(`Filen är skadad eller ofullständig och kan inte läsas: ${name}`);
const notWorkbook = (name: string, hint?: string) =>
  new UnusableFileError(`Filen är inte en Excel-arbetsbok (.xlsx): ${name}${hint ? ` (${hint})` : ""}`);

export async function readXlsxBytes(data: ArrayBuffer | Uint8Array, name: string): Promise<BrowserWorkbookRead> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  checkContainer(bytes, name);
  const workbook = new ExcelJS.Workbook();
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    await workbook.xlsx.load(buffer, { ignoreNodes: ["dataValidations", "conditionalFormatting", "extLst"] } as never);
  } catch {
    throw corrupt(name);
  }
  const modified = workbook.modified instanceof Date && !isNaN(workbook.modified.getTime()) ? workbook.modified : null;
  return { grids: workbook.worksheets.map(sheetGrid), modified };
}

// ---------------------------------------------------------------------------------------------------------------
// The container

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function indexOf(bytes: Uint8Array, pattern: Uint8Array): number {
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[i * 2] = text.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

function checkContainer(bytes: Uint8Array, name: string): void {
  if (bytes.length === 0) throw notWorkbook(name, "filen är tom");
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    const has = (stream: string) => indexOf(bytes, utf16le(stream)) >= 0;
    if (has("EncryptedPackage") || has("EncryptionInfo")) {
      throw new UnusableFileError(`Arbetsboken är lösenordsskyddad (krypterad) och kan inte läsas: ${name}`);
    }
    throw new UnusableFileError(
      `Arbetsboken är i det gamla .xls-formatet eller krypterad och kan inte läsas; spara den som .xlsx i Excel: ${name}`,
    );
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notWorkbook(name);
  const entries = zipEntryNames(bytes);
  if (entries === null) throw corrupt(name);
  const lower = new Set(entries.map((entry) => entry.toLowerCase()));
  if (!lower.has("xl/workbook.xml")) {
    if (lower.has("xl/workbook.bin")) throw notWorkbook(name, "det är en binär arbetsbok, .xlsb; spara den som .xlsx");
    if (lower.has("word/document.xml")) throw notWorkbook(name, "det är ett Word-dokument");
    throw notWorkbook(name);
  }
}

/** Entry names from the zip's central directory, or null when it is missing or inconsistent. */
function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let pos = bytes.length - 22; pos >= 0 && pos >= bytes.length - 22 - 0xffff; pos--) {
    if (view.getUint32(pos, true) === 0x06054b50) {
      eocd = pos;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === 0x07064b50) {
    const zip64 = Number(view.getBigUint64(eocd - 20 + 8, true));
    if (zip64 + 56 > bytes.length || view.getUint32(zip64, true) !== 0x06064b50) return null;
    count = Number(view.getBigUint64(zip64 + 32, true));
    offset = Number(view.getBigUint64(zip64 + 48, true));
  }
  const decoder = new TextDecoder("utf-8");
  const names: string[] = [];
  let pos = offset;
  for (let i = 0; i < count; i++) {
    if (pos + 46 > bytes.length || view.getUint32(pos, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(pos + 28, true);
    const next = pos + 46 + nameLength + view.getUint16(pos + 30, true) + view.getUint16(pos + 32, true);
    if (next > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(pos + 46, pos + 46 + nameLength)));
    pos = next;
  }
  return names;
}

// ---------------------------------------------------------------------------------------------------------------
// Worksheet → Grid (as src/hosts/xlsx/read.ts)

const VISIBILITY: Record<string, SheetVisibility> = { visible: "visible", hidden: "hidden", veryHidden: "veryHidden" };

function sheetGrid(sheet: ExcelJS.Worksheet): Grid {
  const values = new Map<number, CellValue>();
  const key = (row: number, col: number) => row * 16384 + col;
  const slaves = new Map<string, { row: number; col: number }[]>();
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
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const r = rowNumber - 1;
      const c = colNumber - 1;
      if (cell.type === ExcelJS.ValueType.Merge) {
        const list = slaves.get(cell.master.address) ?? [];
        list.push({ row: r, col: c });
        slaves.set(cell.master.address, list);
        return;
      }
      const value = cellValue(cell.value);
      if (value === null && cell.type !== ExcelJS.ValueType.Formula) return;
      values.set(key(r, c), value);
      include(r, c);
    });
  });
  const merges: MergedRange[] = [];
  for (const [address, cells] of slaves) {
    const master = sheet.getCell(address);
    const range: MergedRange = {
      top: Number(master.row) - 1,
      left: Number(master.col) - 1,
      bottom: Number(master.row) - 1,
      right: Number(master.col) - 1,
    };
    for (const { row, col } of cells) {
      range.top = Math.min(range.top, row);
      range.left = Math.min(range.left, col);
      range.bottom = Math.max(range.bottom, row);
      range.right = Math.max(range.right, col);
    }
    if (values.has(key(range.top, range.left))) {
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
  };
  if (bottom < 0) return grid;
  for (let r = top; r <= bottom; r++) {
    const rowValues: CellValue[] = [];
    const rowFormats: (string | null)[] = [];
    const row = sheet.findRow(r + 1);
    for (let c = left; c <= right; c++) {
      rowValues.push(values.get(key(r, c)) ?? null);
      const format = row?.findCell(c + 1)?.numFmt;
      rowFormats.push(format && format !== "General" ? format : null);
    }
    grid.values.push(rowValues);
    grid.formats!.push(rowFormats);
    if (row?.hidden) grid.hiddenRows!.push(r);
  }
  grid.merges = merges
    .filter((m) => m.top >= top && m.left >= left && m.bottom <= bottom && m.right <= right)
    .sort((a, b) => a.top - b.top || a.left - b.left);
  return grid;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (isObject(value) && Array.isArray(value.richText)) {
    return value.richText
      .map((run: unknown) => (isObject(run) && typeof run.text === "string" ? run.text : ""))
      .join("");
  }
  return undefined;
}

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
