/**
 * Marking findings' cells in the user's sheets and taking the marks away (src/hosts/excel/marks.ts), on the strict
 * stand-in: the cells themselves never change, and only Måltavlan's marks are removed.
 */
import * as path from "path";
import { MARK_FORMULA, clearMarks, markCells } from "../../src/hosts/excel/marks";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { EXAMPLES } from "../support/workbooks";
import type { StandIn } from "../../src/hosts/standin";
import { standInFromGrids } from "./support";

async function example(): Promise<StandIn> {
  return standInFromGrids((await readWorkbookFile(path.join(EXAMPLES, "ostersund-2024-mall.xlsx"))).grids);
}

test("marks are conditional formats on the cells, in 2 syncs; the cells' values and formats stay as they were", async () => {
  const standIn = await example();
  const uppdrag = standIn.workbook.sheet("Uppdrag");
  const before = JSON.stringify([...uppdrag.cells]);
  const syncs = standIn.syncCount;
  const result = await standIn.run((context) =>
    markCells(context, [
      { sheet: "Uppdrag", cell: "E3" },
      { sheet: "Uppdrag", cell: "E3" },
      { sheet: "Ramjusteringar", cell: "D2" },
    ]),
  );
  expect(standIn.syncCount - syncs).toBe(2);
  expect(result).toEqual({ marked: 2, skippedSheets: [] });
  expect(uppdrag.conditionalFormats).toEqual([
    { range: "E3", type: "Custom", formula: MARK_FORMULA, fill: "#FFC7CE", fontColor: "#9C0006" },
  ]);
  expect(JSON.stringify([...uppdrag.cells])).toBe(before);
});

test("clearing removes Måltavlan's marks only: the user's own conditional formats stay", async () => {
  const standIn = await example();
  const uppdrag = standIn.workbook.sheet("Uppdrag");
  const users = { range: "A1:G10", type: "Custom" as const, formula: '=$F1="Nämnd"', fill: "#DDEBF7" };
  const cellValue = { range: "G2:G10", type: "CellValue" as const, rule: { formula1: "2024", operator: "EqualTo" } };
  uppdrag.conditionalFormats.push(users, cellValue);
  await standIn.run((context) =>
    markCells(context, [
      { sheet: "Uppdrag", cell: "E3" },
      { sheet: "Mål", cell: "B2" },
    ]),
  );
  const syncs = standIn.syncCount;
  const removed = await standIn.run((context) => clearMarks(context, ["Uppdrag", "Mål", "Nämnder"]));
  expect(standIn.syncCount - syncs).toBe(4);
  expect(removed).toBe(2);
  expect(uppdrag.conditionalFormats).toEqual([users, cellValue]);
  expect(standIn.workbook.sheet("Mål").conditionalFormats).toEqual([]);
});

test("protected sheets are skipped and named, since a mark there needs the sheet's password", async () => {
  const standIn = await example();
  standIn.workbook.sheet("Uppdrag").protection.protected = true;
  const result = await standIn.run((context) =>
    markCells(context, [
      { sheet: "Uppdrag", cell: "E3" },
      { sheet: "Mål", cell: "B2" },
    ]),
  );
  expect(result).toEqual({ marked: 1, skippedSheets: ["Uppdrag"] });
  expect(standIn.workbook.sheet("Uppdrag").conditionalFormats).toEqual([]);
});
