import ExcelJS from "exceljs";
import { Grid } from "../../src/sheet/grid";
import { readWorkbookBuffer } from "../../src/hosts/xlsx/read";

export type Cell = string | number | null;

/**
 * Sheets of plain values (null: an empty cell) written as a real .xlsx by ExcelJS and read back by Måltavlan's reader:
 * the grids a plan read gets. `merges` and a number format for every cell (`numFmt`), per sheet.
 */
export async function gridsOfSheets(
  sheets: Record<string, Cell[][]>,
  { merges = {}, numFmt = {} }: { merges?: Record<string, string[]>; numFmt?: Record<string, string> } = {},
): Promise<Grid[]> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
      }),
    );
    for (const range of merges[name] ?? []) sheet.mergeCells(range);
    if (numFmt[name]) sheet.eachRow((row) => row.eachCell((cell) => (cell.numFmt = numFmt[name])));
  }
  const buffer = new Uint8Array(await workbook.xlsx.writeBuffer());
  return (await readWorkbookBuffer(buffer, "plan.xlsx")).grids;
}
