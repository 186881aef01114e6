/**
 * What one read of the open workbook holds of a sheet (SheetRead), how the cells of a range are loaded beside their
 * values so that errors and numbers' formats are told apart (`loadCells`), and the Grid a SheetRead becomes.
 */
import type { CellValue, Grid, MergedRange, SheetVisibility } from "../../sheet/grid";
import { mergesInUsedRange } from "./merges";
import { cellsJsonBytes, jsonBytes } from "./units";
import type { Dims, Rect } from "./windows";

const VISIBILITY: Record<string, SheetVisibility> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/** What a read holds of one sheet while it is read. */
export interface SheetRead extends Dims {
  name: string;
  visibility: SheetVisibility;
  /** Rows of the used range (whose position is `top`, `left`); cells below are relative to it. */
  values: unknown[][];
  /** Number formats of cells holding numbers, by `cellKey`; absent: General. */
  formats: Map<number, string>;
  /** Cells holding an error value, by `cellKey`. */
  errors: Set<number>;
  /** Response bytes reading it took. */
  bytes: number;
  /** Merged ranges on the sheet; null when not read. */
  merges: MergedRange[] | null;
  /** Only A1 was read (BlockReadOptions.onlyA1): the Grid holds its first row alone. */
  onlyA1?: boolean;
}

/** A cell's key within its sheet's used range (Excel has 16 384 columns). */
function cellKey(row: number, column: number): number {
  return row * 16_384 + column;
}

export function emptyRead(sheet: Excel.Worksheet): SheetRead {
  return {
    name: sheet.name,
    visibility: VISIBILITY[sheet.visibility] ?? "visible",
    top: 0,
    left: 0,
    rows: 0,
    columns: 0,
    values: [],
    formats: new Map(),
    errors: new Set(),
    bytes: 0,
    merges: null,
  };
}

/** Sets where a sheet's used range is, and clears what was read of it. */
export function place(read: SheetRead, dims: Dims): void {
  Object.assign(read, dims, { values: new Array(dims.rows), formats: new Map(), errors: new Set(), bytes: 0 });
}

/** What one sync loads about the cells of a range besides their values, and how it lands in a SheetRead. */
export interface CellsLoad {
  /** Records the errors and number formats of the cells of `rect` of `read`, whose values are in place. */
  into(read: SheetRead, rect: Rect): void;
  /** Response bytes this load took. */
  bytes(): number;
}

const SEARCHED: Excel.SpecialCellType[] = ["Constants" as Excel.SpecialCellType, "Formulas" as Excel.SpecialCellType];

/**
 * Queues what tells errors and numbers' formats apart for the cells of `range` (whose `values` the caller loads).
 * ExcelApi 1.9: the areas of numbers (with their formats) and of errors within `search`, which covers `range` and
 * no other cell of the used range. Before: every cell's value type and number format.
 */
export function loadCells(range: Excel.Range, search: Excel.Range, lean: boolean): CellsLoad {
  if (!lean) {
    range.load(["numberFormat", "valueTypes"]);
    return {
      into(read, { top, left, rows, columns }) {
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < columns; c++) {
            const key = cellKey(top + r, left + c);
            if (range.valueTypes[r][c] === "Error") read.errors.add(key);
            const format = formatOf(range.numberFormat[r][c]);
            if (typeof read.values[top + r][left + c] === "number" && format) read.formats.set(key, format);
          }
        }
      },
      bytes: () => cellsJsonBytes(range.numberFormat) + cellsJsonBytes(range.valueTypes) + 3, // [a,b]
    };
  }
  const areasOf = (valueType: string, properties: string) =>
    SEARCHED.map((cellType) => {
      const found = search.getSpecialCellsOrNullObject(cellType, valueType as Excel.SpecialCellValueType);
      // eslint-disable-next-line office-addins/no-empty-load -- `properties` names them (the rule sees a variable)
      found.load(properties);
      return found;
    });
  const numbers = areasOf("Numbers", "areas/items/rowIndex,areas/items/columnIndex,areas/items/numberFormat");
  const errors = areasOf(
    "Errors",
    "areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount",
  );
  const areas = (found: Excel.RangeAreas[]) => found.flatMap((f) => (f.isNullObject ? [] : f.areas.items));
  return {
    into(read, rect) {
      // Only the cells asked for: Excel may widen a search of a single cell to the whole used range.
      const visit = (area: Excel.Range, height: number, width: number, cell: (r: number, c: number) => void) => {
        for (let r = 0; r < height; r++) {
          const row = area.rowIndex - read.top + r;
          if (row < rect.top || row >= rect.top + rect.rows) continue;
          for (let c = 0; c < width; c++) {
            const column = area.columnIndex - read.left + c;
            if (column >= rect.left && column < rect.left + rect.columns) cell(row, column);
          }
        }
      };
      for (const area of areas(errors)) {
        visit(area, area.rowCount, area.columnCount, (row, column) => read.errors.add(cellKey(row, column)));
      }
      for (const area of areas(numbers)) {
        const formats = area.numberFormat;
        visit(area, formats.length, formats[0]?.length ?? 0, (row, column) => {
          const format = formatOf(formats[row - (area.rowIndex - read.top)][column - (area.columnIndex - read.left)]);
          if (format) read.formats.set(cellKey(row, column), format);
        });
      }
    },
    bytes: () => jsonBytes([...areas(numbers), ...areas(errors)].map((area) => area.toJSON())),
  };
}

export function toGrid(read: SheetRead): Grid {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  read.values.forEach((row, r) => {
    const formatRow = row.map((value, c) =>
      typeof value === "number" ? (read.formats.get(cellKey(r, c)) ?? null) : null,
    );
    formats.push(formatRow);
    values.push(row.map((value, c) => cellValue(value, read.errors.has(cellKey(r, c)), formatRow[c])));
  });
  const grid: Grid = { sheet: read.name, top: read.top, left: read.left, values, formats, visibility: read.visibility };
  if (read.merges) grid.merges = mergesInUsedRange(read.merges, read);
  return grid;
}

function formatOf(format: unknown): string | null {
  return typeof format === "string" && format !== "" && format !== "General" ? format : null;
}

/**
 * One Office.js cell as a Grid value. `isError`: the cell holds an error value, which Office.js gives as its text;
 * `format` its number format (null: General). Dates come as serial numbers with a date format.
 */
export function cellValue(value: unknown, isError: boolean, format: string | null): CellValue {
  if (isError) return { error: String(value) };
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return isDateFormat(format) ? dateFromSerial(value) : value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * ExcelJS's rule (utils.isDateFmt), so both hosts agree on which numbers are dates: a format is a date format when,
 * outside quotes and brackets, it has one of the letters y m d h M s b.
 */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** An Excel serial number (1900 date system) as a Date, as ExcelJS converts it. */
export function dateFromSerial(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 24 * 3600 * 1000));
}
