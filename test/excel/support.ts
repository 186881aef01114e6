/**
 * Helpers for the Excel host's tests: a workbook "opened in Excel" (an ExcelJS workbook or Grids copied into the
 * stand-in, as Excel would hold them: dates as serial numbers, formulas with their cached results), and what the
 * two hosts wrote, side by side.
 */
import ExcelJS from "exceljs";
import { isErrorValue, type Grid } from "../../src/sheet/grid";
import { type CellModel, type ModelValue, type SheetModel, StandIn, type Visibility } from "../../src/hosts/standin";

const VISIBILITY: Record<string, Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

/** A Date as Excel's serial number (1900 date system), as ExcelJS writes it. */
export function serialFromDate(date: Date): number {
  return 25569 + date.getTime() / (24 * 3600 * 1000);
}

function modelValue(value: unknown): { value: ModelValue; formula?: string } {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return { value };
  if (value instanceof Date) return { value: serialFromDate(value) };
  const object = value as Record<string, unknown>;
  if ("formula" in object || "sharedFormula" in object) {
    const result = "result" in object ? modelValue(object.result).value : null;
    return { value: result, formula: `=${String(object.formula ?? object.sharedFormula)}` };
  }
  if (typeof object.error === "string") return { value: { error: object.error } };
  if (Array.isArray(object.richText)) {
    return { value: (object.richText as { text: string }[]).map((run) => run.text).join("") };
  }
  if ("hyperlink" in object) return modelValue(object.text);
  return { value: String(value) };
}

/** The stand-in holding what Excel would show for an ExcelJS workbook (no initial "Blad1"). */
export function standInFromExcelJs(workbook: ExcelJS.Workbook, apiVersion?: number): StandIn {
  const standIn = new StandIn({ sheets: [], apiVersion });
  for (const worksheet of workbook.worksheets) {
    const sheet = standIn.workbook.addSheet(worksheet.name, VISIBILITY[worksheet.state] ?? "Visible");
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const { value, formula } = modelValue(cell.value);
        const target = sheet.at(rowNumber - 1, colNumber - 1);
        target.value = value;
        if (formula) target.formula = formula;
        if (cell.numFmt) target.numberFormat = cell.numFmt;
      });
    });
    sheet.merges.push(...((worksheet.model as { merges?: string[] }).merges ?? []));
  }
  return standIn;
}

/** Grids (as a host read them) put into a stand-in sheet by sheet, dates as serial numbers. */
export function standInFromGrids(grids: Grid[], apiVersion?: number): StandIn {
  const standIn = new StandIn({ sheets: [], apiVersion });
  for (const grid of grids) {
    const sheet = standIn.workbook.addSheet(grid.sheet, VISIBILITY[grid.visibility ?? "visible"]);
    putGrid(sheet, grid);
  }
  return standIn;
}

export function putGrid(sheet: SheetModel, grid: Grid): void {
  grid.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null) return;
      const cell = sheet.at(grid.top + r, grid.left + c);
      cell.value = value instanceof Date ? serialFromDate(value) : isErrorValue(value) ? { error: value.error } : value;
      const format = grid.formats?.[r]?.[c];
      if (format) cell.numberFormat = format;
    }),
  );
}

/** What a cell shows as data and formatting, the same shape from either host, for comparison. */
export interface CellView {
  value: string | number | boolean | null;
  formula: string | null;
  numberFormat: string;
  locked: boolean;
  bold: boolean;
  italic: boolean;
  size: number | null;
  color: string | null;
  fill: string | null;
  wrap: boolean;
  /** Aligned to the top of its row (wrapped cells are, and every cell of a report sheet). */
  top: boolean;
}

/** Excel's default font size: ExcelJS reports it for any styled cell, Office.js leaves it unset. */
const DEFAULT_FONT_SIZE = 11;

function argbColor(argb: string | undefined): string | null {
  return argb ? `#${argb.slice(-6).toUpperCase()}` : null;
}

export function excelJsCellView(cell: ExcelJS.Cell): CellView {
  const raw = cell.value as unknown;
  let value: CellView["value"] = null;
  let formula: string | null = null;
  if (raw !== null && typeof raw === "object" && !(raw instanceof Date) && "formula" in raw) {
    formula = `=${(raw as { formula: string }).formula}`;
  } else if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") {
    value = raw === "" ? null : raw;
  } else if (raw !== null && raw !== undefined) {
    throw new Error(`unexpected ExcelJS value ${JSON.stringify(raw)} in ${cell.address}`);
  }
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return {
    value,
    formula,
    numberFormat: cell.numFmt || "General",
    locked: cell.protection?.locked !== false,
    bold: cell.font?.bold === true,
    italic: cell.font?.italic === true,
    size: cell.font?.size === DEFAULT_FONT_SIZE ? null : (cell.font?.size ?? null),
    color: argbColor(cell.font?.color?.argb),
    fill: fill?.type === "pattern" ? argbColor(fill.fgColor?.argb) : null,
    wrap: cell.alignment?.wrapText === true,
    top: cell.alignment?.vertical === "top",
  };
}

export function standInCellView(cell: CellModel | undefined): CellView {
  const value = cell?.value ?? null;
  if (value !== null && typeof value === "object") throw new Error(`unexpected error value ${value.error}`);
  return {
    value: cell?.formula ? null : value,
    formula: cell?.formula ?? null,
    numberFormat: cell?.numberFormat ?? "General",
    locked: cell?.locked ?? true,
    bold: cell?.bold === true,
    italic: cell?.italic === true,
    size: cell?.size === DEFAULT_FONT_SIZE ? null : (cell?.size ?? null),
    color: cell?.color ?? null,
    fill: cell?.fill ?? null,
    wrap: cell?.wrap === true,
    top: cell?.verticalAlignment === "Top",
  };
}
