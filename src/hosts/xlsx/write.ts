/**
 * The xlsx host's write verb: a WorkbookSpec → an .xlsx file through ExcelJS.
 * Strings are written as strings (ExcelJS never interprets them), so text that looks like a formula, a number,
 * a date or a percentage stays text.
 */
import { randomBytes } from "node:crypto";
import { rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import ExcelJS from "exceljs";
import type { SheetSpec, SpecCell, WorkbookSpec } from "../../sheet/spec";

/** Builds the workbook in memory; no I/O. */
export function buildWorkbook(spec: WorkbookSpec): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Måltavlan";
  for (const sheetSpec of spec.sheets) addSheet(workbook, sheetSpec);
  return workbook;
}

export async function workbookBuffer(spec: WorkbookSpec): Promise<Buffer> {
  return Buffer.from(await buildWorkbook(spec).xlsx.writeBuffer());
}

/**
 * Writes atomically: to a temporary file beside `path`, then renamed over it, so a failed write never leaves a
 * half-written file. Whether overwriting is allowed is the caller's decision.
 */
export async function writeWorkbookFile(spec: WorkbookSpec, path: string): Promise<void> {
  const data = await workbookBuffer(spec);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temp, data, { flag: "wx" });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): void {
  const frozen = spec.frozenRows ?? 0;
  const sheet = workbook.addWorksheet(checkedSheetName(workbook, spec.name), {
    state: spec.visibility ?? "visible",
    views: frozen > 0 ? [{ state: "frozen", xSplit: 0, ySplit: frozen }] : [],
  });

  for (const block of spec.blocks) {
    block.rows.forEach((cells, r) => {
      cells.forEach((cellSpec, c) => writeCell(sheet.getCell(block.top + r + 1, block.left + c + 1), cellSpec));
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

  if (spec.protect) {
    // ExcelJS's protect() is declared async, but sets `sheetProtection` synchronously inside its Promise executor.
    void sheet.protect(spec.protect.password ?? "", {});
  }
}

interface SheetWithValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

function writeCell(cell: ExcelJS.Cell, spec: SpecCell): void {
  if (spec.formula !== undefined) {
    const formula = spec.formula.replace(/^=/, "");
    cell.value = spec.value === null ? { formula } : { formula, result: spec.value as number | string | boolean };
  } else {
    cell.value = spec.value;
  }
  if (spec.numberFormat !== undefined) cell.numFmt = spec.numberFormat;
  if (spec.bold) cell.font = { bold: true };
  if (spec.fill !== undefined) {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${spec.fill.toUpperCase()}` } };
  }
  if (spec.wrap) cell.alignment = { wrapText: true };
  if (spec.locked !== undefined) cell.protection = { locked: spec.locked };
}

/** The core validates sheet names; this guard only stops ExcelJS from silently truncating or renaming one. */
function checkedSheetName(workbook: ExcelJS.Workbook, name: string): string {
  const valid =
    name.length > 0 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    !workbook.worksheets.some((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  if (!valid) throw new Error(`Ogiltigt eller upprepat bladnamn: "${name}"`);
  return name;
}
