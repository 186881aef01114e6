/**
 * The xlsx host's write verb on bytes: a WorkbookSpec → an .xlsx workbook through ExcelJS, in memory. Node-free, so
 * the CLI (write.ts adds the file system) and the task pane's file worker (one workbook per nämnd) write the same.
 * Strings are written as strings (ExcelJS never interprets them), so text that looks like a formula, a number, a date
 * or a percentage stays text.
 */
import ExcelJS from "exceljs";
import { isValidSheetName } from "../../sheet/sheetName";
import type { SheetSpec, SpecCell, WorkbookSpec } from "../../sheet/spec";

/** Builds the workbook in memory; no I/O. */
export function buildWorkbook(spec: WorkbookSpec): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Måltavlan";
  addSheets(workbook, spec.sheets);
  return workbook;
}

/** Adds `specs` as new worksheets of `workbook`, sharing one style cache. */
export function addSheets(workbook: ExcelJS.Workbook, specs: SheetSpec[]): void {
  const styles: StyleCache = new Map();
  for (const sheetSpec of specs) addSheet(workbook, sheetSpec, styles);
}

/** The .xlsx file's bytes. */
export async function workbookBytes(spec: WorkbookSpec): Promise<Uint8Array> {
  return new Uint8Array(await buildWorkbook(spec).xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, styles: StyleCache): void {
  const frozen = spec.frozenRows ?? 0;
  const sheet = workbook.addWorksheet(checkedSheetName(workbook, spec.name), {
    state: spec.visibility ?? "visible",
    views: frozen > 0 ? [{ state: "frozen", xSplit: 0, ySplit: frozen }] : [],
  });

  for (const block of spec.blocks) {
    block.rows.forEach((cells, r) => {
      cells.forEach((cellSpec, c) => writeCell(sheet.getCell(block.top + r + 1, block.left + c + 1), cellSpec, styles));
    });
  }

  for (const { col, width, hidden } of spec.columnWidths ?? []) {
    const column = sheet.getColumn(col + 1);
    column.width = width;
    if (hidden) column.hidden = true;
  }

  for (const { range, source } of spec.validations ?? []) {
    // ExcelJS 4.4 accepts a range address here (written as one sqref) though its typings only expose per-cell
    // `cell.dataValidation`.
    (sheet as unknown as SheetWithValidations).dataValidations.add(range, {
      type: "list",
      allowBlank: true,
      formulae: [source.replace(/^=/, "")],
      showErrorMessage: true,
    });
  }

  for (const { row, height } of spec.rowHeights ?? []) sheet.getRow(row + 1).height = height;

  for (const range of spec.merges ?? []) sheet.mergeCells(range);

  for (const { range, when, fill, fontColor } of spec.conditionalFills ?? []) {
    const [operator, formula] =
      "equals" in when
        ? (["equal", `"${when.equals.replace(/"/g, '""')}"`] as const)
        : (["greaterThan", String(when.greaterThan)] as const);
    sheet.addConditionalFormatting({
      ref: range,
      rules: [
        {
          type: "cellIs",
          operator,
          priority: 1,
          formulae: [formula],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${fill}` } },
            ...(fontColor ? { font: { color: { argb: `FF${fontColor}` } } } : {}),
          },
        },
      ],
    });
  }

  if (spec.print) {
    sheet.pageSetup = {
      ...sheet.pageSetup,
      orientation: spec.print.orientation,
      paperSize: 9, // A4
      printTitlesRow: spec.print.titleRows,
      ...(spec.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    };
  }

  if (spec.protect) {
    // ExcelJS's protect() is declared async, but sets `sheetProtection` synchronously inside its Promise executor.
    void sheet.protect(spec.protect.password ?? "", {});
  }
}

interface SheetWithValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

function writeCell(cell: ExcelJS.Cell, spec: SpecCell, styles: StyleCache): void {
  if (spec.formula !== undefined) {
    const formula = spec.formula.replace(/^=/, "");
    cell.value = spec.value === null ? { formula } : { formula, result: spec.value as number | string | boolean };
  } else {
    cell.value = spec.value;
  }
  const style = styleOf(spec, styles);
  if (style) cell.style = style;
}

/**
 * One style object per distinct look: ExcelJS writes a style once for every object it is given, so sharing them
 * keeps a sheet of a hundred thousand cells from carrying a hundred thousand styles.
 */
type StyleCache = Map<string, Partial<ExcelJS.Style>>;

function styleOf(spec: SpecCell, styles: StyleCache): Partial<ExcelJS.Style> | null {
  const { numberFormat, bold, italic, fontSize, fontColor, fill, wrap, locked } = spec;
  const key = JSON.stringify([numberFormat, bold, italic, fontSize, fontColor, fill, wrap, locked]);
  if (key === "[null,null,null,null,null,null,null,null]") return null;
  let style = styles.get(key);
  if (!style) {
    style = {};
    if (numberFormat !== undefined) style.numFmt = numberFormat;
    if (bold || italic || fontSize || fontColor) {
      style.font = { bold, italic, size: fontSize, ...(fontColor ? { color: { argb: `FF${fontColor}` } } : {}) };
    }
    if (fill !== undefined)
      style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${fill.toUpperCase()}` } };
    if (wrap) style.alignment = { wrapText: true, vertical: "top" };
    if (locked !== undefined) style.protection = { locked };
    styles.set(key, style);
  }
  return style;
}

/** The core validates sheet names; this guard only stops ExcelJS from silently truncating or renaming one. */
function checkedSheetName(workbook: ExcelJS.Workbook, name: string): string {
  const valid =
    isValidSheetName(name) && !workbook.worksheets.some((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  if (!valid) throw new Error(`Ogiltigt eller upprepat bladnamn: "${name}"`);
  return name;
}
