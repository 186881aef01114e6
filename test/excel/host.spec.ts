/**
 * The Excel host (src/hosts/excel) on the strict stand-in: the xlsx host's scenarios, parity with the xlsx host on
 * the example plans, sync counts and payloads for plans of 10, 1 000 and 20 000 uppdrag, text that must stay text,
 * the watchdog, and rollback after a failed write.
 */
import { writeWarningMessage } from "../../src/i18n/errors";
import ExcelJS from "exceljs";
import { reportSheet } from "../../src/domain/followup/reportSheet";
import * as path from "path";
import { isDeepStrictEqual } from "util";
import { collectAnswers } from "../../src/domain/followup/collect";
import { followUpSheets, supportSheets } from "../../src/domain/followup/generate";
import { COL } from "../../src/domain/followup/model";
import { LISTS_SHEET } from "../../src/domain/lists";
import { readPlan } from "../../src/domain/readPlan";
import { DEFAULT_PERIODS, type Settings } from "../../src/domain/settings";
import { STATE_SHEET, readSettings } from "../../src/domain/state";
import { READ_BUDGET_BYTES, dateFromSerial, readWorkbook, readWorkbookWithStats } from "../../src/hosts/excel/read";
import { ExcelHostError } from "../../src/hosts/excel/problems";
import { syncWithWatchdog } from "../../src/hosts/excel/sync";
import { excelProblemMessage } from "../../src/i18n/errors";
import { columnWidthPoints } from "../../src/sheet/units";
import { writeSheets, type WriteResult } from "../../src/hosts/excel/write";
import { readWorkbookBuffer } from "../../src/hosts/xlsx/read";
import { workbookBuffer } from "../../src/hosts/xlsx/write";
import { type CellValue, type Grid, isErrorValue } from "../../src/sheet/grid";
import type { SheetSpec } from "../../src/sheet/spec";
import {
  SCENARIO_SHEETS,
  TRICKY_TEXTS,
  READING_SCENARIO_VALUES,
  readingScenarioWorkbook,
} from "../support/hostScenario";
import { EXAMPLES, rowBreaksInFile } from "../support/workbooks";
import { expectEqual } from "../support/equal";
import {
  PAYLOAD_LIMIT,
  StandIn,
  StandInError,
  type SyncRecord,
  areaAddress,
  cellAt,
  coerce,
  createStandIn,
  parseArea,
} from "../../src/hosts/standin";
import { excelJsCellView, standInCellView, standInFromExcelJs, standInFromGrids } from "./support";

const MB = 1024 * 1024;
const FIVE_MB = PAYLOAD_LIMIT;
const FOUR_MB = 4_000_000;

/** What a grid holds that both hosts read (the Excel host does not read merges or hidden rows). */
function comparable(grid: Grid) {
  return { sheet: grid.sheet, top: grid.top, left: grid.left, values: grid.values, visibility: grid.visibility };
}

function sheetGrid(grids: Grid[], name: string): Grid {
  const grid = grids.find((g) => g.sheet === name);
  if (!grid) throw new Error(`no grid named ${name}`);
  return grid;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );
}

// ---------------------------------------------------------------------------------------------------------------

describe("the stand-in is strict", () => {
  test("reading a property before load() and sync() throws PropertyNotLoaded", async () => {
    const standIn = createStandIn();
    await standIn.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheets.load("items/name");
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Blad1"]);
      // Loaded: name; not loaded: visibility.
      expect(() => sheets.items[0].visibility).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      const missing = context.workbook.worksheets.getItemOrNullObject("Finns inte");
      // The point of this line is reading too early, which the lint rule rightly flags everywhere else.
      // eslint-disable-next-line office-addins/call-sync-before-read
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
    });
  });

  test("getItem of a missing sheet fails the sync with ItemNotFound; the earlier actions stay applied", async () => {
    const standIn = createStandIn();
    const error = await failure(
      standIn.run(async (context) => {
        context.workbook.worksheets.add("Ny");
        context.workbook.worksheets.getItem("Finns inte").getRange("A1").values = [["x"]];
        await context.sync();
      }),
    );
    expect(error).toBeInstanceOf(StandInError);
    expect((error as StandInError).code).toBe("ItemNotFound");
    expect(standIn.workbook.sheets.map((s) => s.name)).toEqual(["Blad1", "Ny"]);
  });

  test.each([
    ["a".repeat(32), "InvalidArgument"],
    ["Mål/Budget", "InvalidArgument"],
    ["Fråga?", "InvalidArgument"],
    ["[KS]", "InvalidArgument"],
    ["'KS", "InvalidArgument"],
    ["KS'", "InvalidArgument"],
    ["", "InvalidArgument"],
    ["blad1", "ItemAlreadyExists"],
  ])("adding a sheet named %j fails with %s", async (name, code) => {
    const standIn = createStandIn();
    const error = await failure(
      standIn.run(async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      }),
    );
    expect((error as StandInError).code).toBe(code);
  });

  test("protecting a protected sheet and unprotecting an unprotected one: AccessDenied; writes to it too", async () => {
    const standIn = createStandIn();
    const run = (batch: (sheet: Excel.Worksheet) => void) =>
      standIn.run(async (context) => {
        batch(context.workbook.worksheets.getItem("Blad1"));
        await context.sync();
      });
    expect(((await failure(run((s) => s.protection.unprotect()))) as StandInError).code).toBe("AccessDenied");
    await run((s) => s.protection.protect());
    expect(((await failure(run((s) => s.protection.protect()))) as StandInError).code).toBe("AccessDenied");
    const write = await failure(run((s) => (s.getRange("A1").values = [[1]])));
    expect((write as StandInError).code).toBe("AccessDenied");
    await run((s) => s.protection.unprotect());
    await run((s) => (s.getRange("A1").values = [[1]]));
    expect(standIn.workbook.sheet("Blad1").cell("A1")?.value).toBe(1);
  });

  test("a very hidden sheet cannot be deleted (GeneralException), nor the last visible one", async () => {
    const standIn = createStandIn();
    standIn.workbook.addSheet("Dold", "VeryHidden");
    const remove = (name: string) =>
      standIn.run(async (context) => {
        context.workbook.worksheets.getItem(name).delete();
        await context.sync();
      });
    expect(((await failure(remove("Dold"))) as StandInError).code).toBe("GeneralException");
    expect(((await failure(remove("Blad1"))) as StandInError).code).toBe("InvalidOperation");
  });

  test("a request or a response over 5 MB is refused", async () => {
    const standIn = createStandIn();
    const big = Array.from({ length: 6000 }, () => ["x".repeat(1000)]);
    const request = await failure(
      standIn.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").getRange("A1:A6000").values = big;
        await context.sync();
      }),
    );
    expect((request as StandInError).code).toBe("RequestPayloadSizeLimitExceeded");
    expect(standIn.workbook.sheet("Blad1").cell("A1")).toBeUndefined(); // nothing applied

    const sheet = standIn.workbook.sheet("Blad1");
    for (let r = 0; r < 6000; r++) sheet.put(`A${r + 1}`, "y".repeat(1000));
    const response = await failure(
      standIn.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").getRange("A1:A6000").load("values");
        await context.sync();
      }),
    );
    expect((response as StandInError).code).toBe("ResponsePayloadSizeLimitExceeded");
  });

  test("arrays must have the range's shape", async () => {
    const standIn = createStandIn();
    const error = await failure(
      standIn.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").getRange("A1:B2").values = [[1, 2], [3]];
        await context.sync();
      }),
    );
    expect((error as StandInError).code).toBe("InvalidArgument");
  });

  test("APIs above the stand-in's requirement set fail with ApiNotFound", async () => {
    const standIn = createStandIn({ apiVersion: 7 });
    const error = await failure(
      standIn.run(async (context) => {
        context.workbook.worksheets.getItem("Blad1").getRange("A1:A2").dataValidation.rule = {
          list: { inCellDropDown: true, source: "=$B$1:$B$2" },
        };
        await context.sync();
      }),
    );
    expect((error as StandInError).code).toBe("ApiNotFound");
  });

  test("negative control: strings written without the text format are coerced as Excel reads typed input", async () => {
    const standIn = createStandIn();
    const tricky = ["=SUM(A1)", "+46", "-5", "001", "50%", "2024-12-31", "@x", "#REF!", "TRUE", " 12 "];
    await standIn.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Blad1").getRangeByIndexes(0, 0, 1, tricky.length);
      range.values = [tricky];
      await context.sync();
    });
    const sheet = standIn.workbook.sheet("Blad1");
    const cells = tricky.map((_, c) => sheet.cell(0, c));
    expect(cells.map((cell) => cell?.formula ?? null)).toEqual([
      "=SUM(A1)",
      null,
      null,
      null,
      null,
      null,
      "=@x",
      null,
      null,
      null,
    ]);
    expect(cells.map((cell) => cell?.value)).toEqual([
      null,
      46,
      -5,
      1,
      0.5,
      45657,
      { error: "#NAME?" },
      { error: "#REF!" },
      true,
      12,
    ]);
    expect(cells[4]?.numberFormat).toBe("0%");
    expect(cells[5]?.numberFormat).toBe("yyyy-mm-dd");
    // Not one of them reads back as the string that was written.
    const read = await standIn.run((context) => readWorkbook(context));
    expect(sheetGrid(read, "Blad1").values[0].filter((v, i) => v === tricky[i])).toEqual([]);
    expect(coerce("plain text")).toEqual({ value: "plain text" });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe.each([
  ["ExcelApi 1.9 and later: values, then the cells holding numbers and errors", 17],
  ["ExcelApi 1.7 and 1.8: values, value types and number formats", 8],
])("readWorkbook: the xlsx host's reading scenarios (%s)", (_, apiVersion) => {
  let excelJs: ExcelJS.Workbook;
  let fromFile: Grid[];
  let grids: Grid[];
  let protectedSheets: string[];
  let syncs: number;

  beforeAll(async () => {
    excelJs = readingScenarioWorkbook();

    const buffer = Buffer.from(await excelJs.xlsx.writeBuffer());
    fromFile = (await readWorkbookBuffer(buffer, "plan.xlsx")).grids;
    const opened = new ExcelJS.Workbook();
    await opened.xlsx.load(buffer as unknown as ArrayBuffer);
    const standIn = standInFromExcelJs(opened, apiVersion);
    standIn.workbook.sheet("Tom").protection = { protected: true };
    ({ grids, protectedSheets, syncs } = await standIn.run((context) =>
      readWorkbookWithStats(context, { supports: standIn.supports }),
    ));
  });

  test("two syncs: one lists the sheets, one reads them all", () => {
    expect(syncs).toBe(2);
  });

  test("one grid per worksheet in workbook order, with visibility and protection", () => {
    expect(grids.map((g) => [g.sheet, g.visibility])).toEqual([
      ["Plan", "visible"],
      ["Dold", "hidden"],
      ["Måltavlan", "veryHidden"],
      ["Tom", "visible"],
    ]);
    expect(protectedSheets).toEqual(["Tom"]);
  });

  test("values of the used range, with errors told apart from text, and dates as Dates", () => {
    const plan = sheetGrid(grids, "Plan");
    expect(plan.top).toBe(1);
    expect(plan.left).toBe(1);
    expect(plan.values).toEqual(READING_SCENARIO_VALUES);
    expect(plan.values[2][2]).toBeInstanceOf(Date);
    expect(plan.formats?.[2]).toEqual([null, '#,##0 "tkr"', "yyyy-mm-dd", null]);
  });

  test("the same grids as the xlsx host reads from the file (hidden rows aside)", () => {
    expect(grids.map(comparable)).toEqual(fromFile.map(comparable));
    expect(grids.map((g) => g.formats)).toEqual(fromFile.map((g) => g.formats));
    // Merged ranges from ExcelApi 1.13 (this one merges the title B2:E2).
    if (apiVersion >= 13) expect(grids.map((g) => g.merges)).toEqual(fromFile.map((g) => g.merges));
    else expect(grids.every((g) => g.merges === undefined)).toBe(true);
  });

  test("hidden, very hidden and blank sheets", () => {
    expect(sheetGrid(grids, "Dold")).toMatchObject({ top: 0, left: 0, values: [["dold"]] });
    expect(sheetGrid(grids, "Måltavlan")).toMatchObject({ top: 0, left: 0, values: [["state", 1]] });
    expect(sheetGrid(grids, "Tom")).toEqual({
      sheet: "Tom",
      top: 0,
      left: 0,
      values: [],
      formats: [],
      visibility: "visible",
      ...(apiVersion >= 13 ? { merges: [] } : {}),
    });
  });

  test("with a shape that knew a sheet empty: nothing asked of it there, and its cells read where they are now", async () => {
    const standIn = createStandIn({ apiVersion });
    const sheet = standIn.workbook.sheet("Blad1");
    const before = await standIn.run((context) => readWorkbookWithStats(context, { supports: standIn.supports }));
    sheet.put("B2", "Nämnder").put("C3", 2025);
    const after = await standIn.run((context) =>
      readWorkbookWithStats(context, { supports: standIn.supports, shape: before.shape }),
    );
    expect(sheetGrid(after.grids, "Blad1")).toMatchObject({
      top: 1,
      left: 1,
      values: [
        ["Nämnder", null],
        [null, 2025],
      ],
    });
    expect(after.syncs).toBe(3); // the shape gone stale costs a sync, never a wrong read
  });

  test("a wide, long sheet away from A1, read in many small syncs: every cell lands where it belongs", async () => {
    const standIn = createStandIn({ apiVersion });
    const sheet = standIn.workbook.addSheet("Bred");
    // From C3, 70 columns (past both windows: I–BL has fewer rows, nothing is read of BM on blind) by 3 000 rows.
    const [ROWS, COLUMNS] = [3_000, 70];
    const values: CellValue[][] = [];
    const formats: (string | null)[][] = [];
    for (let r = 0; r < ROWS; r++) {
      values.push([]);
      formats.push([]);
      for (let c = 0; c < COLUMNS; c++) {
        const cell = sheet.at(2 + r, 2 + c);
        const date = [1, 20, 66].includes(c) && r % 700 === 699;
        if (date) [cell.value, cell.numberFormat] = [45_000 + r, "yyyy-mm-dd"];
        else if (c === 40 && r % 500 === 499) cell.value = { error: "#N/A" };
        else if (c % 10 === 3) [cell.value, cell.numberFormat] = [r * c, c > 50 ? "0.0" : "General"];
        else cell.value = `r${r}c${c}`;
        values[r].push(
          date ? dateFromSerial(45_000 + r) : isErrorValue(cell.value) ? { error: "#N/A" } : (cell.value as CellValue),
        );
        formats[r].push(date ? "yyyy-mm-dd" : c % 10 === 3 && c > 50 ? "0.0" : null);
      }
    }
    const budgetBytes = 200_000;
    const read = await standIn.run((context) =>
      readWorkbookWithStats(context, { supports: standIn.supports, budgetBytes }),
    );
    // Node's strict comparison of these fields first (toMatchObject took seconds on 210 000 cells): equal, they
    // match; otherwise toMatchObject decides and says where they differ.
    const bred = sheetGrid(read.grids, "Bred");
    const expected = { top: 2, left: 2, values, formats };
    const actual = { top: bred.top, left: bred.left, values: bred.values, formats: bred.formats };
    if (!isDeepStrictEqual(actual, expected)) expect(bred).toMatchObject(expected);
    expect(read.syncs).toBeGreaterThan(5);
    expect(standIn.log.filter((s) => s.error)).toEqual([]);
    expect(Math.max(...standIn.log.map((s) => s.responseBytes))).toBeLessThanOrEqual(budgetBytes);
  });

  test("a workbook too large for one response is read in row blocks, each response under 5 MB", async () => {
    const standIn = createStandIn({ apiVersion });
    const sheet = standIn.workbook.addSheet("Stor");
    for (let r = 0; r < 30_000; r++) {
      sheet
        .put(`A${r + 1}`, `Uppdrag ${r}`)
        .put(`B${r + 1}`, `${"lång text ".repeat(20)}${r}`)
        .put(`C${r + 1}`, 45_000 + r, r % 7_000 === 6_999 ? { numberFormat: "yyyy-mm-dd" } : {})
        .put(`D${r + 1}`, r % 9_000 === 8_999 ? { error: "#N/A" } : "#N/A");
    }
    const read = await standIn.run((context) => readWorkbookWithStats(context, { supports: standIn.supports }));
    const stor = sheetGrid(read.grids, "Stor");
    expect(stor.values).toHaveLength(30_000);
    expect(stor.values[29_999]).toEqual(["Uppdrag 29999", `${"lång text ".repeat(20)}29999`, 74_999, "#N/A"]);
    // Dates and errors deep in later blocks: every block tells them apart, not only the first.
    const dates = stor.values.flatMap((row, r) => (row[2] instanceof Date ? [r] : []));
    expect(dates).toEqual([6_999, 13_999, 20_999, 27_999]);
    expect(stor.formats?.[27_999]).toEqual([null, null, "yyyy-mm-dd", null]);
    const errors = stor.values.flatMap((row, r) => (typeof row[3] === "object" ? [r] : []));
    expect(errors).toEqual([8_999, 17_999, 26_999]);
    // No refused try: the sync that measures reads the sheet's first rows, the rest follows in blocks, and every
    // response keeps within the budget; one sync per 3.5 MB (the budget less the estimate's margin) at most.
    expect(standIn.log.map((s) => s.error)).toEqual(standIn.log.map(() => undefined));
    expect(Math.max(...standIn.log.map((s) => s.responseBytes))).toBeLessThanOrEqual(READ_BUDGET_BYTES);
    const bytes = standIn.log.reduce((sum, s) => sum + s.responseBytes, 0);
    expect(bytes).toBeGreaterThan(FIVE_MB); // the premise: too large for one response
    expect(read.syncs).toBe(standIn.syncCount);
    expect(read.syncs).toBeLessThanOrEqual(2 + Math.ceil(bytes / 3_500_000));
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("writeSheets: the xlsx host's writing scenarios", () => {
  let standIn: StandIn;
  let result: WriteResult;

  beforeAll(async () => {
    standIn = createStandIn();
    result = await standIn.run((context) =>
      writeSheets(context, SCENARIO_SHEETS, { replace: [], existing: [{ name: "Blad1" }], supports: standIn.supports }),
    );
  });

  test("one sync, with calculation suspended and events restored", () => {
    expect(result.syncs).toBe(1);
    expect(standIn.syncCount).toBe(1);
    expect(standIn.log[0].calculationSuspended).toBe(true);
    expect(standIn.log[0].eventsSet).toEqual([false, true]); // off while writing, then back on
    expect(standIn.workbook.enableEvents).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  test("text that looks like a formula, a number, a date or an error comes back as exactly that text", async () => {
    const grids = await standIn.run((context) => readWorkbook(context));
    const ks = sheetGrid(grids, "KS");
    expect(ks.values[7]).toEqual([null, ...TRICKY_TEXTS]);
    const sheet = standIn.workbook.sheet("KS");
    TRICKY_TEXTS.forEach((text, i) => {
      expect(sheet.cell(7, 1 + i)).toMatchObject({ value: text, numberFormat: "@" });
      expect(sheet.cell(7, 1 + i)?.formula).toBeUndefined();
    });
  });

  test("the same values as the xlsx host writes, read back by each host", async () => {
    const excelGrids = await standIn.run((context) => readWorkbook(context));
    const fileGrids = (await readWorkbookBuffer(await workbookBuffer({ sheets: SCENARIO_SHEETS }), "x.xlsx")).grids;
    // The stand-in does not calculate: the formula cells hold no result, where the file keeps the spec's value.
    const withoutFormulas = (grid: Grid) => ({
      ...comparable(grid),
      values: grid.values.map((row, r) =>
        row.map((v, c) => (grid.sheet === "KS" && r >= 4 && r <= 5 && c >= 1 && c <= 2 ? null : v)),
      ),
    });
    expect(excelGrids.filter((g) => g.sheet !== "Blad1").map(withoutFormulas)).toEqual(fileGrids.map(withoutFormulas));
  });

  test("cells, formulas and styles", () => {
    const ks = standIn.workbook.sheet("KS");
    expect(ks.cell("C5")).toMatchObject({ formula: "=SUM(C3:C4)", numberFormat: '#,##0 "tkr"' });
    expect(ks.cell("B6")).toMatchObject({ formula: "=TODAY()", numberFormat: "General" });
    expect(ks.cell("C3")).toMatchObject({ value: 1200, numberFormat: '#,##0 "tkr"' });
    expect(ks.cell("D5")).toMatchObject({ value: false, numberFormat: "General" });
    expect(ks.cell("A1")).toMatchObject({ bold: true, fill: "#DDEBF7" });
    expect(ks.cell("B2")).toMatchObject({ bold: true, wrap: true, verticalAlignment: "Top" });
    expect(ks.cell("B3")?.bold).toBeUndefined();
    expect(ks.columnWidths.get(0)).toBe(columnWidthPoints(8));
    expect(ks.columnWidths.get(1)).toBe(columnWidthPoints(40));
    expect([...ks.hiddenColumns]).toEqual([0]);
    expect(ks.frozenRows).toBe(2);
  });

  test("list validations, conditional fills and print setup", () => {
    const ks = standIn.workbook.sheet("KS");
    expect(ks.validations).toEqual([
      { range: "D3:D4", rule: { list: { inCellDropDown: true, source: "='Listor'!$A$1:$A$3" } } },
    ]);
    expect(ks.conditionalFormats).toEqual([
      { range: "D3:D4", type: "CellValue", fill: "#C6EFCE", rule: { formula1: '="Uppfyllt"', operator: "EqualTo" } },
    ]);
    expect(ks.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      printTitleRows: "$1:$2",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
  });

  test("protection with a password, unlocked input cells, visibility", () => {
    const sheets = standIn.workbook.sheets;
    expect(sheets.map((s) => [s.name, s.visibility, s.protection.protected])).toEqual([
      ["Blad1", "Visible", false],
      ["KS", "Visible", true],
      ["Listor", "VeryHidden", false],
      ["Dold", "Hidden", true],
    ]);
    const ks = standIn.workbook.sheet("KS");
    expect(ks.protection.password).toBe("hemligt");
    expect(standIn.workbook.sheet("Dold").protection.password).toBeUndefined();
    expect(ks.cell("D3")?.locked).toBe(false);
    expect(ks.cell("D4")?.locked).toBe(false);
    expect(ks.cell("C3")?.locked).toBe(true);
  });

  test("invalid or repeated sheet names are refused before anything is sent", async () => {
    for (const names of [["a".repeat(32)], ["Mål/Budget"], ["KS", "ks"], ["'KS"]]) {
      const other = createStandIn();
      const error = await failure(
        other.run((context) =>
          writeSheets(
            context,
            names.map((name) => ({ name, blocks: [] })),
            { replace: [], supports: other.supports },
          ),
        ),
      );
      expect(error).toBeInstanceOf(ExcelHostError);
      expect((error as ExcelHostError).problem).toEqual({ code: "invalidSheetName", name: names.at(-1) });
      expect(excelProblemMessage((error as ExcelHostError).problem, "sv")).toContain(
        "Ogiltigt eller upprepat bladnamn",
      );
      expect(other.syncCount).toBe(0);
    }
  });

  test("a name already in the workbook is refused after one look, before anything is written", async () => {
    const other = createStandIn({ sheets: ["Blad1", "KS"] });
    const error = await failure(
      other.run((context) => writeSheets(context, [SCENARIO_SHEETS[0]], { replace: [], supports: other.supports })),
    );
    expect((error as ExcelHostError).code).toBe("ItemAlreadyExists");
    expect(other.syncCount).toBe(1);
    expect(other.workbook.sheets.map((s) => s.name)).toEqual(["Blad1", "KS"]);
  });

  test("below ExcelApi 1.8 and 1.9: no dropdowns, no print setup, events untouched, and a warning for each", async () => {
    const old = createStandIn({ apiVersion: 7 });
    const written = await old.run((context) =>
      writeSheets(context, SCENARIO_SHEETS, { replace: [], existing: [{ name: "Blad1" }], supports: old.supports }),
    );
    expect(written.syncs).toBe(1);
    expect(written.warnings).toEqual(["noDropdowns", "noPrintSetup"]);
    const ks = old.workbook.sheet("KS");
    expect(ks.validations).toEqual([]);
    expect(ks.pageLayout).toEqual({});
    expect(ks.conditionalFormats).toHaveLength(1);
    expect(ks.protection.protected).toBe(true);
  });

  describe("input messages, page breaks, margins and footer", () => {
    const prompt = { title: "Status", text: "Välj i listan." };
    const printed: SheetSpec = {
      name: "Utskrift",
      blocks: [{ top: 0, left: 0, rows: Array.from({ length: 6 }, (_, r) => [{ value: `rad ${r + 1}` }]) }],
      validations: [{ range: "B2:B3", source: "'Listor'!$A$1:$A$3", prompt }],
      inputMessages: [{ range: "C2:C3", prompt: { title: "Prognos, tkr", text: "Samma tecken som beloppet." } }],
      print: {
        orientation: "landscape",
        paper: "A4",
        titleRows: "1:1",
        scale: 67,
        margins: { top: 0.6, bottom: 0.75, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 },
        rowBreaks: [2, 4],
        footer: { left: "Kultur & fritid", center: "Sida {page} av {pages}", right: "T1 2025" },
      },
      protect: {},
    };
    const listor = SCENARIO_SHEETS.find((s) => s.name === "Listor")!;
    const write = async (apiVersion: number) => {
      const excel = createStandIn({ apiVersion });
      const written = await excel.run((context) =>
        writeSheets(context, [printed, listor], {
          replace: [],
          existing: [{ name: "Blad1" }],
          supports: excel.supports,
        }),
      );
      return { written, sheet: excel.workbook.sheet("Utskrift") };
    };

    test("from ExcelApi 1.9: every part, in the same sync", async () => {
      const { written, sheet } = await write(9);
      expect(written.syncs).toBe(1);
      expect(written.warnings).toEqual([]);
      expect(sheet.validations).toEqual([
        {
          range: "B2:B3",
          rule: { list: { inCellDropDown: true, source: "='Listor'!$A$1:$A$3" } },
          prompt: { showPrompt: true, title: "Status", message: "Välj i listan." },
        },
        { range: "C2:C3", prompt: { showPrompt: true, title: "Prognos, tkr", message: "Samma tecken som beloppet." } },
      ]);
      expect(sheet.rowBreaks).toEqual([2, 4]);
      expect(sheet.pageLayout).toEqual({
        orientation: "Landscape",
        paperSize: "A4",
        printTitleRows: "$1:$1",
        zoom: { scale: 67 },
        margins: { top: 43.2, bottom: 54, left: 36, right: 36, header: 21.6, footer: 21.6 },
        // "&" escaped as Excel's code for a literal ampersand
        footer: { left: "Kultur && fritid", center: "Sida &P av &N", right: "T1 2025" },
      });
      expect(sheet.protection.protected).toBe(true);
    });

    test("ExcelApi 1.8: input messages, but no page breaks or footer, and a note saying so", async () => {
      const { written, sheet } = await write(8);
      expect(written.warnings).toEqual(["noPrintSetup"]);
      expect(writeWarningMessage("noPrintSetup", "sv")).toContain("sidbrytningar och sidfot");
      expect(sheet.validations.map((v) => v.prompt?.title)).toEqual(["Status", "Prognos, tkr"]);
      expect(sheet.rowBreaks).toEqual([]);
      expect(sheet.pageLayout).toEqual({});
    });

    test("ExcelApi 1.7: no dropdowns and no input messages, with a note", async () => {
      const { written, sheet } = await write(7);
      expect(written.warnings).toEqual(["noDropdowns", "noPrintSetup"]);
      expect(writeWarningMessage("noDropdowns", "sv")).toContain("hjälptexterna i cellerna");
      expect(sheet.validations).toEqual([]);
    });

    test("the autofilter: ExcelApi 1.9 sets it; below, the stand-in refuses it and the write leaves it and the footer out, saying so", async () => {
      const filtered: SheetSpec = {
        ...printed,
        validations: [],
        inputMessages: [],
        autoFilter: "A1:A6",
        protect: undefined,
      };
      const apply = (excel: StandIn) =>
        excel.run(async (context) => {
          context.workbook.worksheets.getItem("Blad1").autoFilter.apply("A1:B3");
          await context.sync();
        });
      const old = createStandIn({ apiVersion: 8 });
      expect(((await failure(apply(old))) as StandInError).code).toBe("ApiNotFound");
      expect(old.workbook.sheet("Blad1").autoFilter).toBeNull();
      const current = createStandIn({ apiVersion: 9 });
      await apply(current);
      expect(current.workbook.sheet("Blad1").autoFilter).toBe("A1:B3");

      for (const [apiVersion, warnings, autoFilter] of [
        [9, [], "A1:A6"],
        [8, ["noPrintSetup", "noAutoFilter"], null],
      ] as const) {
        const excel = createStandIn({ apiVersion });
        const written = await excel.run((context) =>
          writeSheets(context, [filtered], { replace: [], existing: [{ name: "Blad1" }], supports: excel.supports }),
        );
        const sheet = excel.workbook.sheet("Utskrift");
        expect([apiVersion, written.warnings, sheet.autoFilter]).toEqual([apiVersion, warnings, autoFilter]);
        expect(sheet.pageLayout.footer).toEqual(
          apiVersion === 9 ? expect.objectContaining({ center: "Sida &P av &N" }) : undefined,
        );
      }
      expect(writeWarningMessage("noAutoFilter", "sv")).toContain("ExcelApi 1.9");
      expect(writeWarningMessage("noAutoFilter", "en")).toContain("ExcelApi 1.9");
    });

    test("the stand-in refuses a prompt longer than Excel takes", async () => {
      const excel = createStandIn({ apiVersion: 9 });
      const long = {
        ...printed,
        validations: [],
        inputMessages: [{ range: "C2", prompt: { title: "x".repeat(33), text: "y" } }],
      };
      await expect(
        excel.run((context) =>
          writeSheets(context, [long], { replace: [], existing: [{ name: "Blad1" }], supports: excel.supports }),
        ),
      ).rejects.toThrow(ExcelHostError);
    });
  });

  test("the requirement-set check defaults to Office.context.requirements", async () => {
    const old = createStandIn({ apiVersion: 8 });
    const uninstall = old.install();
    try {
      const written = await Excel.run((context) =>
        writeSheets(context, SCENARIO_SHEETS, { replace: [], existing: [{ name: "Blad1" }] }),
      );
      expect(written.warnings).toEqual(["noPrintSetup"]);
    } finally {
      uninstall();
    }
    expect(old.workbook.sheet("KS").validations).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------------------------

const GENERATED_AT = "2024-04-01T08:00:00.000Z";

function specsFor(grids: Grid[], planName: string, password?: string): { specs: SheetSpec[]; settings: Settings } {
  const settings = readSettings(grids);
  const { plan, findings } = readPlan(grids, settings.mapping, settings.levels);
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  const sheets = followUpSheets(plan, {
    period: DEFAULT_PERIODS[0],
    year: 2024,
    due: "2024-05-15",
    generatedAt: GENERATED_AT,
    planName,
    settings,
    password,
  });
  return { specs: [...sheets.map((s) => s.spec), ...supportSheets(settings)], settings };
}

describe("parity with the xlsx host on the example plans", () => {
  const examples = [
    "ostersund-2024-mall.xlsx",
    "ostersund-2024-klistrad.xlsx",
    "kiruna-2020-fri.xlsx",
    "sandviken-2024-fri.xlsx",
  ];

  test.each(examples)("%s: the same sheets, cell by cell, from both hosts", async (file) => {
    const { readWorkbookFile } = await import("../../src/hosts/xlsx/read");
    const planGrids = (await readWorkbookFile(path.join(EXAMPLES, file))).grids;

    // The Excel host reads the plan as Excel holds it (2 syncs) and gets the xlsx host's grids.
    const standIn = standInFromGrids(planGrids);
    const read = await standIn.run((context) => readWorkbookWithStats(context));
    expect(read.syncs).toBe(2);
    expectEqual(read.grids.map(comparable), planGrids.map(comparable));

    const { specs: followUp } = specsFor(read.grids, file, "hemligt");
    expectEqual(specsFor(planGrids, file, "hemligt").specs, followUp);
    // …and a report sheet, whose marker row is hidden.
    const specs = [
      ...followUp,
      reportSheet(
        "Rapportprov",
        "Prov",
        ["Nämnd", "Svar"],
        [[{ value: "KS" }, { value: 1 }], [{ value: "SN" }, { value: "lång text", wrap: true }], [{ value: "Summa" }]],
        [8, 8],
        { filterRows: 2 },
      ),
    ];

    // (a) the xlsx host: to a file, read back with ExcelJS
    const excelJs = new ExcelJS.Workbook();
    const bytes = await workbookBuffer({ sheets: specs });
    await excelJs.xlsx.load(bytes as unknown as ArrayBuffer);

    // (b) the Excel host: into the stand-in, in one sync
    const before = standIn.syncCount;
    const written = await standIn.run((context) =>
      writeSheets(context, specs, {
        replace: [],
        existing: read.sheets,
        supports: standIn.supports,
      }),
    );
    expect(written.syncs).toBe(1);
    expect(standIn.syncCount - before).toBe(1);
    expect(written.warnings).toEqual([]);

    for (const spec of specs) {
      const file = excelJs.getWorksheet(spec.name)!;
      const excel = standIn.workbook.sheet(spec.name);
      expect(excel.visibility).toBe({ visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" }[file.state]);

      // Every cell either host has, compared as a user sees it. Text cells carry "@" in Excel (the one deliberate
      // difference: ExcelJS needs no text format, Office.js does); "" is an empty cell in both.
      const addresses = new Set<string>();
      // A merged range's other cells are empty in Excel; ExcelJS shows them the top-left cell's value and style.
      file.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          if (cell.master.address === cell.address) addresses.add(cell.address);
        }),
      );
      for (const key of excel.cells.keys()) addresses.add(`${columnLetter(key % 16384)}${Math.floor(key / 16384) + 1}`);
      for (const address of addresses) {
        const fromFile = excelJsCellView(file.getCell(address));
        const expected = {
          ...fromFile,
          numberFormat: typeof fromFile.value === "string" ? "@" : fromFile.numberFormat,
        };
        expectEqual({ address, ...standInCellView(excel.cell(address)) }, { address, ...expected });
      }

      // Column widths (characters → points) and hidden key columns.
      for (const { col } of spec.columnWidths ?? []) {
        // (ExcelJS's columns array rather than getColumn(), which the Office.js lint rules take for Office.js.)
        const { width, hidden } = file.columns[col];
        expect(excel.columnWidths.get(col)).toBe(columnWidthPoints(width!));
        expect(excel.hiddenColumns.has(col)).toBe(hidden);
      }
      // Hidden rows (a report's marker): the same in both, and those the spec names.
      const hiddenInFile: number[] = [];
      file.eachRow({ includeEmpty: true }, (row) => row.hidden && hiddenInFile.push(row.number - 1));
      expect([...excel.hiddenRows].sort((x, y) => x - y)).toEqual(hiddenInFile);
      expect(hiddenInFile).toEqual(spec.hiddenRows ?? []);
      // Rows of wrapped text: the file gets the spec's estimate, Excel fits them itself, except merged rows (Excel
      // does not fit merged cells), which get the estimate too.
      const merged = new Set((spec.merges ?? []).flatMap((address) => cellsOf(address).map((a1) => cellAt(a1)[0])));
      for (const { row } of spec.rowHeights ?? []) {
        if (merged.has(row)) expect(excel.rowHeights.get(row)).toBe(file.getRow(row + 1).height);
        else expect(excel.fittedRows.has(row)).toBe(true);
      }
      expect(excel.frozenRows).toBe(file.views?.[0]?.state === "frozen" ? file.views[0].ySplit : 0);
      // The autofilter: the same range in both, the one the spec names (the report's: headers and its two rows).
      expect(excel.autoFilter).toBe(file.autoFilter ?? null);
      expect(excel.autoFilter).toBe(spec.autoFilter ?? null);
      expect([...excel.merges].sort()).toEqual([...((file.model as { merges?: string[] }).merges ?? [])].sort());

      // List validations: every cell of each range, and no other cell.
      // Input messages too: the same title and text on the same cells, with or without a list.
      const validated = new Map<string, string>();
      const prompted = new Map<string, string>();
      for (const { range, rule, prompt } of excel.validations) {
        for (const address of cellsOf(range)) {
          if (rule) validated.set(address, rule.list.source);
          if (prompt) prompted.set(address, `${prompt.showPrompt}|${prompt.title}|${prompt.message}`);
        }
      }
      for (const address of addresses) {
        const validation = file.getCell(address).dataValidation;
        expectEqual(
          [address, validated.get(address) ?? null, prompted.get(address) ?? null],
          [
            address,
            validation?.type === "list" ? `=${validation.formulae[0]}` : null,
            validation?.showInputMessage ? `true|${validation.promptTitle}|${validation.prompt}` : null,
          ],
        );
      }
      // Every dropdown has its input message.
      for (const address of validated.keys()) expectEqual([address, prompted.has(address)], [address, true]);

      // Conditional fills.
      const formattings = (file as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
        .conditionalFormattings;
      const fromFileRules = formattings.flatMap((cf) =>
        cf.rules.map((rule) => {
          const cellIs = rule as ExcelJS.CellIsRuleType;
          return {
            // A sqref's areas are separated by spaces, a RangeAreas' address's by commas.
            range: cf.ref
              .split(" ")
              .map((area) => areaAddress(parseArea(area)))
              .join(","),
            operator: { equal: "EqualTo", greaterThan: "GreaterThan" }[cellIs.operator as string],
            formula1: `=${cellIs.formulae?.[0]}`,
            fill: `#${(cellIs.style?.fill as ExcelJS.FillPattern).bgColor?.argb?.slice(-6)}`,
          };
        }),
      );
      expect(
        excel.conditionalFormats.map((cf) => ({
          range: cf.range,
          operator: cf.rule?.operator,
          formula1: cf.rule?.formula1,
          fill: cf.fill,
        })),
      ).toEqual(fromFileRules);

      // Print setup and protection.
      if (spec.print) {
        expect(excel.pageLayout.orientation?.toLowerCase()).toBe(file.pageSetup.orientation);
        expect(file.pageSetup.paperSize).toBe(9); // A4
        expect(excel.pageLayout.paperSize).toBe("A4");
        expect(excel.pageLayout.printTitleRows).toBe(file.pageSetup.printTitlesRow?.replace(/(\d+)/g, "$$$1"));
        // Scale, margins (inches in a file, points in Excel), manual page breaks and the footer.
        expect(excel.pageLayout.zoom?.scale).toBe(file.pageSetup.fitToPage ? undefined : file.pageSetup.scale);
        const margins = file.pageSetup.margins;
        if (spec.print.margins) {
          expect(excel.pageLayout.margins).toEqual({
            top: Math.round(margins!.top * 7200) / 100,
            bottom: Math.round(margins!.bottom * 7200) / 100,
            left: Math.round(margins!.left * 7200) / 100,
            right: Math.round(margins!.right * 7200) / 100,
            header: Math.round(margins!.header * 7200) / 100,
            footer: Math.round(margins!.footer * 7200) / 100,
          });
        }
        expect(excel.rowBreaks).toEqual(await rowBreaksInFile(bytes, file.id));
        expect(excel.rowBreaks).toEqual(spec.print.rowBreaks ?? []);
        const footer = excel.pageLayout.footer;
        const fromExcel = footer
          ? `${footer.left ? `&L${footer.left}` : ""}${footer.center ? `&C${footer.center}` : ""}` +
            `${footer.right ? `&R${footer.right}` : ""}`
          : undefined;
        expect(fromExcel).toBe(file.headerFooter?.oddFooter);
      }
      const protection = (file as unknown as { sheetProtection?: { sheet?: boolean; hashValue?: string } })
        .sheetProtection;
      expect(excel.protection.protected).toBe(protection?.sheet === true);
      expect(excel.protection.password !== undefined).toBe(protection?.hashValue !== undefined);
    }
    // The report sheet: a filter on its headers and two rows (not the Summa under them), its cells at the top of their
    // rows, "Sida x av y" at the foot of every page.
    const report = standIn.workbook.sheet("Rapportprov");
    expect(report.autoFilter).toBe("A3:B5");
    expect(standInCellView(report.cell("A4")).top).toBe(true);
    expect(report.pageLayout.footer).toEqual({ left: "Prov", center: "Sida &P av &N" });
  });
});

function columnLetter(col: number): string {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Every cell of a range, of each of its areas ("F5:F9,F12:F20"). */
function cellsOf(range: string): string[] {
  if (range.includes(",")) return range.split(",").flatMap(cellsOf);
  const [first, last = first] = range.split(":");
  const at = (a1: string) => {
    const match = /^([A-Z]+)(\d+)$/.exec(a1.replace(/\$/g, ""))!;
    let col = 0;
    for (const ch of match[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(match[2]), col: col - 1 };
  };
  const a = at(first);
  const b = at(last);
  const cells: string[] = [];
  for (let row = a.row; row <= b.row; row++)
    for (let col = a.col; col <= b.col; col++) cells.push(`${columnLetter(col)}${row}`);
  return cells;
}

// ---------------------------------------------------------------------------------------------------------------

/** bigPlanGrids' plans by size: built once, as the tests only read them (the stand-ins copy them). */
const bigPlans = new Map<number, Promise<Grid[]>>();

/** The Östersund template plan with `count` uppdrag, spread over its nämnder, texts of realistic length. */
function bigPlanGrids(count: number): Promise<Grid[]> {
  if (!bigPlans.has(count)) bigPlans.set(count, buildBigPlanGrids(count));
  return bigPlans.get(count)!;
}

async function buildBigPlanGrids(count: number): Promise<Grid[]> {
  const { readWorkbookFile } = await import("../../src/hosts/xlsx/read");
  const grids = (await readWorkbookFile(path.join(EXAMPLES, "ostersund-2024-mall.xlsx"))).grids;
  const committees = sheetGrid(grids, "Nämnder")
    .values.slice(1)
    .map((row) => String(row[0]));
  const uppdrag = sheetGrid(grids, "Uppdrag");
  const header = uppdrag.values[0];
  const rows = Array.from({ length: count }, (_, i) => [
    `U${i + 1}`,
    `Uppdrag ${i + 1}: förbättra förutsättningarna för verksamhet nummer ${i + 1} i kommunen.`,
    `Uppdraget innebär att under året, tillsammans med berörda parter, kartlägga hinder och möjligheter (${i + 1}).`,
    "M1",
    committees[i % committees.length],
    i % 3 === 0 ? "Nämnd" : "Fullmäktige",
    2024,
  ]);
  return grids.map((grid) =>
    grid === uppdrag
      ? { ...grid, values: [header, ...rows], formats: [header, ...rows].map((row) => row.map(() => null)) }
      : grid,
  );
}

describe("sync counts and payloads", () => {
  test.each([10, 1_000, 20_000])("a plan with %i uppdrag: read, generate, write", async (count) => {
    const standIn = standInFromGrids(await bigPlanGrids(count));
    const read = await standIn.run((context) => readWorkbookWithStats(context, { supports: standIn.supports }));
    const readLog = standIn.log.slice();
    const { specs } = specsFor(read.grids, "plan.xlsx");
    const written = await standIn.run((context) =>
      writeSheets(context, specs, {
        replace: [],
        existing: read.sheets,
        supports: standIn.supports,
      }),
    );
    const writeLog = standIn.log.slice(readLog.length);
    const requestBytes = writeLog.reduce((sum, s) => sum + s.requestBytes, 0);
    const responseBytes = readLog.filter((s) => !s.error).reduce((sum, s) => sum + s.responseBytes, 0);
    // Reading: 2 syncs while the windows of the sync that measures hold everything; beyond that blocks, about one
    // per 3.5 MB (the budget less the estimate's margin). Never a refused try, no response over the budget.
    expect(readLog.filter((s) => s.error)).toEqual([]);
    expect(Math.max(...readLog.map((s) => s.responseBytes))).toBeLessThanOrEqual(READ_BUDGET_BYTES);
    expect(read.syncs).toBeLessThanOrEqual(2 + Math.ceil(responseBytes / 3_500_000));
    if (count <= 1_000) expect(read.syncs).toBe(2);
    // Writing: one sync, plus one per further 4 MB; every request under 5 MB, calculation suspended in each.
    expect(written.syncs).toBe(writeLog.length);
    expect(written.syncs).toBeLessThanOrEqual(Math.max(1, Math.ceil(requestBytes / FOUR_MB)));
    if (count <= 1_000) expect(written.syncs).toBe(1);
    expect(writeLog.every((s) => s.requestBytes < FIVE_MB && !s.error)).toBe(true);
    // The packing's estimate is close to what is sent, and rather over than under.
    written.batchBytes.forEach((estimate, i) => {
      expect(writeLog[i].requestBytes).toBeLessThan(estimate * 1.05);
      expect(writeLog[i].requestBytes).toBeGreaterThan(estimate * 0.8);
    });
    expect(writeLog.every((s) => s.calculationSuspended)).toBe(true);
    // Every uppdrag row made it.
    const keys = new Set<string>();
    for (const spec of specs) {
      const sheet = standIn.workbook.sheet(spec.name);
      for (const [key, cell] of sheet.cells)
        if (key % 16384 === COL.key && typeof cell.value === "string") keys.add(cell.value);
    }
    // One expect for all of them: no uppdrag whose key is missing.
    const missing = Array.from({ length: count }, (_, i) => `assignment|U${i + 1}`).filter((key) => !keys.has(key));
    expect(missing).toEqual([]);
    console.log(
      `${count} uppdrag: read ${read.syncs} syncs (${(responseBytes / MB).toFixed(2)} MB: ` +
        `${readLog.map((s) => (s.responseBytes / MB).toFixed(2)).join(" + ")}), ` +
        `write ${written.syncs} syncs (${(requestBytes / MB).toFixed(2)} MB measured, ` +
        `${written.batchBytes.map((b) => (b / MB).toFixed(2)).join(" + ")} MB estimated)`,
    );
  });

  test("from ExcelApi 1.9 the read takes a third fewer bytes than the older one, for the same grids", async () => {
    const grids = await bigPlanGrids(1_000);
    const read = async (apiVersion: number) => {
      const standIn = standInFromGrids(grids, apiVersion);
      const result = await standIn.run((context) => readWorkbookWithStats(context, { supports: standIn.supports }));
      return { grids: result.grids, bytes: standIn.log[1].responseBytes };
    };
    const lean = await read(12);
    const full = await read(8);
    expectEqual(lean.grids, full.grids);
    expect(lean.bytes).toBeLessThan(full.bytes * 0.7);
  });

  describe("a large workbook: read in three syncs, with or without an earlier read's shape", () => {
    let grids: Grid[];
    let cold: Awaited<ReturnType<typeof readWorkbookWithStats>>;
    let coldLog: SyncRecord[];
    beforeAll(async () => {
      grids = await bigPlanGrids(20_000);
      const standIn = standInFromGrids(grids);
      cold = await standIn.run((context) => readWorkbookWithStats(context, { supports: standIn.supports }));
      coldLog = standIn.log.slice();
      // The premise: too large for one response.
      expect(coldLog.reduce((sum, s) => sum + s.responseBytes, 0)).toBeGreaterThan(FIVE_MB);
    });

    test("the same grids, no refused sync, about one sync per 4 MB", async () => {
      const standIn = standInFromGrids(grids);
      const warm = await standIn.run((context) =>
        readWorkbookWithStats(context, { supports: standIn.supports, shape: cold.shape }),
      );
      expectEqual(warm.grids, cold.grids);
      expect(standIn.log.filter((s) => s.error)).toEqual([]);
      const bytes = standIn.log.reduce((sum, s) => sum + s.responseBytes, 0);
      expect(warm.syncs).toBeLessThanOrEqual(1 + Math.ceil(bytes / FOUR_MB) + 1);
      // Without the shape, the windows of the sync that measures read half of it: as few syncs.
      expect(cold.syncs).toBe(3);
      expect(warm.syncs).toBeLessThanOrEqual(cold.syncs);
      expect(Math.max(...coldLog.map((s) => s.responseBytes))).toBeLessThanOrEqual(READ_BUDGET_BYTES);
      expect(Math.max(...standIn.log.map((s) => s.responseBytes))).toBeLessThanOrEqual(READ_BUDGET_BYTES);
      // The same shapes; the bytes differ by the brackets and area lists of cells split across blocks otherwise.
      warm.shape.forEach(({ bytes, ...where }, i) => {
        const { bytes: coldBytes, ...coldWhere } = cold.shape[i];
        expect(where).toEqual(coldWhere);
        expect(Math.abs(bytes - coldBytes)).toBeLessThanOrEqual(100);
      });
    });

    test("a shape gone stale (rows removed and added, a sheet moved, a new sheet) still reads what is there", async () => {
      const standIn = standInFromGrids(grids);
      const uppdrag = standIn.workbook.sheet("Uppdrag");
      for (const key of [...uppdrag.cells.keys()]) if (Math.floor(key / 16384) >= 15_000) uppdrag.cells.delete(key);
      const nämnder = standIn.workbook.sheet("Nämnder");
      nämnder.put("A40", "Tillagd");
      const ny = standIn.workbook.addSheet("Ny");
      for (let r = 1; r <= 3_000; r++) ny.put(`C${r + 4}`, `rad ${r}`).put(`D${r + 4}`, r);
      const fresh = await standIn.run((context) => readWorkbookWithStats(context, { supports: standIn.supports }));
      const stale = await standIn.run((context) =>
        readWorkbookWithStats(context, { supports: standIn.supports, shape: cold.shape }),
      );
      expectEqual(stale.grids, fresh.grids);
      expect(sheetGrid(stale.grids, "Uppdrag").values).toHaveLength(15_000);
      expect(sheetGrid(stale.grids, "Ny")).toMatchObject({ top: 4, left: 2 });
    });
  });

  test("a write too large for one request is split into syncs, each under 5 MB, and lands whole", async () => {
    const standIn = createStandIn();
    const rows = Array.from({ length: 12_000 }, (_, r) => [
      { value: `rad ${r}` },
      { value: `${"=text som ser ut som en formel ".repeat(30)}${r}` },
      { value: r, numberFormat: "0" },
    ]);
    const written = await standIn.run((context) =>
      writeSheets(context, [{ name: "Stor", blocks: [{ top: 0, left: 0, rows }] }], {
        replace: [],
        existing: [{ name: "Blad1" }],
        supports: standIn.supports,
      }),
    );
    expect(written.syncs).toBeGreaterThanOrEqual(3);
    expect(standIn.log.every((s) => s.requestBytes < FIVE_MB && !s.error)).toBe(true);
    expect(standIn.log.every((s) => s.calculationSuspended)).toBe(true);
    const sheet = standIn.workbook.sheet("Stor");
    expect(sheet.cell(11_999, 1)).toMatchObject({ value: rows[11_999][1].value, numberFormat: "@" });
    expect(sheet.cell(11_999, 1)?.formula).toBeUndefined();
    expect(sheet.cell(11_999, 2)?.value).toBe(11_999);
    expect(sheet.cells.size).toBe(36_000);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("regenerating: replaced sheets, answers carried over", () => {
  test("answers typed in Excel survive a regeneration that replaces the sheets", async () => {
    const { readWorkbookFile } = await import("../../src/hosts/xlsx/read");
    const planGrids = (await readWorkbookFile(path.join(EXAMPLES, "ostersund-2024-mall.xlsx"))).grids;
    const standIn = standInFromGrids(planGrids);
    const { specs } = specsFor(planGrids, "plan.xlsx");
    await standIn.run((context) => writeSheets(context, specs, { replace: [], supports: standIn.supports }));
    expect(standIn.syncCount).toBe(2); // one look at the sheets, one write

    // A nämnd answers on its sheet (the input cell is unlocked and is written by the user, as Excel allows).
    const ks = standIn.workbook.sheet(specs[0].name);
    const goalRow = [...ks.cells].find(([k, c]) => k % 16384 === 0 && String(c.value).startsWith("assignment|"))!;
    const row = Math.floor(goalRow[0] / 16384);
    expect(ks.cell(row, COL.input)?.locked).toBe(false);
    ks.at(row, COL.input).value = "Påbörjat";
    ks.at(row, COL.comment).value = "=Vi har börjat";

    const before = standIn.syncCount;
    const { grids, sheets } = await standIn.run((context) => readWorkbookWithStats(context));
    const settings = readSettings(grids);
    const { plan } = readPlan(grids, settings.mapping, settings.levels);
    const collected = collectAnswers(plan, [{ source: "this", grids }], DEFAULT_PERIODS[0], 2024, settings);
    const replace = [...collected.sheets.map((s) => s.sheet), LISTS_SHEET, STATE_SHEET];
    const again = followUpSheets(plan, {
      period: DEFAULT_PERIODS[0],
      year: 2024,
      due: null,
      generatedAt: GENERATED_AT,
      planName: "plan.xlsx",
      settings,
      answers: collected.byCommittee,
    });
    const respecs = [...again.map((s) => s.spec), ...supportSheets(settings)];
    const written = await standIn.run((context) =>
      writeSheets(context, respecs, {
        replace,
        existing: sheets,
        supports: standIn.supports,
      }),
    );
    // Read (2), then one write that also removes the replaced sheets once the new ones are complete.
    expect(standIn.syncCount - before).toBe(3);
    expect(written.syncs).toBe(1);
    expect(written.warnings).toEqual([]);
    expect(standIn.workbook.enableEvents).toBe(true);
    const names = standIn.workbook.sheets.map((s) => s.name);
    expect(names.filter((n) => n.startsWith("~"))).toEqual([]);
    expect(names.filter((n) => respecs.some((s) => s.name === n))).toHaveLength(respecs.length);
    expect(names).toHaveLength(planGrids.length + respecs.length);
    const after = standIn.workbook.sheet(specs[0].name);
    expect(after).not.toBe(ks);
    const key = String(goalRow[1].value);
    const newRow = Math.floor([...after.cells].find(([k, c]) => k % 16384 === 0 && c.value === key)![0] / 16384);
    expect(after.cell(newRow, COL.input)).toMatchObject({ value: "Påbörjat", numberFormat: "@" });
    expect(after.cell(newRow, COL.comment)).toMatchObject({ value: "=Vi har börjat", numberFormat: "@" });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("failures", () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  test("a sync that never answers becomes a Swedish ExcelHostError after the timeout", async () => {
    jest.useFakeTimers();
    const context = { sync: () => new Promise<void>(() => undefined) };
    const pending = syncWithWatchdog(context, "readSheets", 30_000);
    const settled = jest.fn();
    pending.catch(settled);
    await jest.advanceTimersByTimeAsync(29_999);
    expect(settled).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    const error = (await failure(pending)) as ExcelHostError;
    expect(error).toBeInstanceOf(ExcelHostError);
    expect(error.code).toBe("Timeout");
    expect(excelProblemMessage(error.problem, "sv")).toBe(
      "Excel svarar inte (läsa bladen). Försök igen; om det upprepas, ladda om tillägget.",
    );
  });

  test("a hung write is reported, and what it added is removed", async () => {
    jest.useFakeTimers();
    const standIn = createStandIn();
    standIn.inject({ sync: 1, hang: true });
    const spec: SheetSpec = { name: "KS", blocks: [{ top: 0, left: 0, rows: [[{ value: "x" }]] }] };
    const pending = standIn.run((context) =>
      writeSheets(context, [spec], { replace: [], existing: [{ name: "Blad1" }], supports: standIn.supports }),
    );
    const caught = failure(pending);
    await jest.advanceTimersByTimeAsync(30_000);
    const error = (await caught) as ExcelHostError;
    expect(error.code).toBe("Timeout");
    expect(excelProblemMessage(error.problem, "sv")).toMatch(/^Excel svarar inte \(skriva bladen\)\..*Inget sparades/);
    expect(standIn.workbook.sheets.map((s) => s.name)).toEqual(["Blad1"]);
  });

  test("Office.js error codes become Swedish messages that say what to do", async () => {
    for (const [code, words] of [
      ["AccessDenied", "skyddad"],
      ["InvalidArgument", "bladnamn"],
      ["ItemNotFound", "Läs in arbetsboken igen"],
      ["RequestPayloadSizeLimitExceeded", "5 MB"],
      ["GeneralException", "ladda om tillägget"],
      ["SomethingNew", "SomethingNew"],
    ]) {
      const error = (await failure(
        syncWithWatchdog({ sync: () => Promise.reject(Object.assign(new Error("x"), { code })) }, "writeSheets"),
      )) as ExcelHostError;
      expect(error).toBeInstanceOf(ExcelHostError);
      expect(error.code).toBe(code);
      expect(excelProblemMessage(error.problem, "sv")).toContain("(skriva bladen");
      expect(excelProblemMessage(error.problem, "sv")).toContain(words);
    }
  });

  test.each([
    [true, 2],
    [true, 9],
    [true, 40],
    [true, 400],
    [false, 2],
    [false, 9],
    [false, 40],
    [false, 400],
  ])(
    "a sync that fails part-way (ids known: %s, after %i actions) is undone, the replaced sheets kept",
    async (ids, after) => {
      const { readWorkbookFile } = await import("../../src/hosts/xlsx/read");
      const planGrids = (await readWorkbookFile(path.join(EXAMPLES, "ostersund-2024-mall.xlsx"))).grids;
      const standIn = standInFromGrids(planGrids);
      const { specs } = specsFor(planGrids, "plan.xlsx");
      await standIn.run((context) => writeSheets(context, specs, { replace: [], supports: standIn.supports }));
      const snapshot = standIn.workbook.sheets.map((s) => [s.name, s.visibility, s.cells.size, s.protection.protected]);
      const lists = standIn.workbook.sheet(LISTS_SHEET);

      // Regenerate, replacing everything; the write's sync fails part-way: while renaming the old sheets out of the
      // way, while adding the new ones, or while writing cells.
      const { sheets } = await standIn.run((context) => readWorkbookWithStats(context));
      const replace = [...specs.map((s) => s.name)];
      standIn.inject({ sync: standIn.syncCount + 1, afterActions: after, code: "GeneralException" });
      const error = (await failure(
        standIn.run((context) =>
          writeSheets(context, specs, {
            replace,
            existing: ids ? sheets : sheets.map(({ name, visibility }) => ({ name, visibility })),
            supports: standIn.supports,
          }),
        ),
      )) as ExcelHostError;
      expect(error).toBeInstanceOf(ExcelHostError);
      expect(error.code).toBe("GeneralException");
      expect(excelProblemMessage(error.problem, "sv")).toContain("Inget sparades");
      expect(standIn.log.at(-3)?.error).toBe("GeneralException");
      expect(standIn.log.slice(-2).map((s) => s.error)).toEqual([undefined, undefined]); // rollback: 2 syncs
      // The workbook is as before: the same sheets, in the same state, the lists sheet the very same object.
      expect(standIn.workbook.sheets.map((s) => [s.name, s.visibility, s.cells.size, s.protection.protected])).toEqual(
        snapshot,
      );
      expect(standIn.workbook.sheet(LISTS_SHEET)).toBe(lists);
      expect(standIn.workbook.enableEvents).toBe(true);
    },
  );

  test("if removing the replaced sheet fails (the write's last actions), the old sheet is back under its name", async () => {
    const spec: SheetSpec = { name: "KS", blocks: [{ top: 0, left: 0, rows: [[{ value: "nytt" }]] }] };
    const existing = [{ name: "Blad1" }, { name: "KS", visibility: "visible" as const }];
    const workbookWithOldKs = () => {
      const standIn = createStandIn({ sheets: ["Blad1", "KS"] });
      standIn.workbook.sheet("KS").put("A1", "gammalt");
      return standIn;
    };
    // A clean run tells how many actions the one writing sync has; its last two remove the old sheet, events on.
    const clean = workbookWithOldKs();
    await clean.run((context) => writeSheets(context, [spec], { replace: ["ks"], existing, supports: clean.supports }));
    expect(clean.log).toHaveLength(1);
    const standIn = workbookWithOldKs();
    standIn.inject({ sync: 1, afterActions: clean.log[0].actions - 2, code: "GeneralException" });
    const error = (await failure(
      standIn.run((context) => writeSheets(context, [spec], { replace: ["ks"], existing, supports: standIn.supports })),
    )) as ExcelHostError;
    expect(excelProblemMessage(error.problem, "sv")).toContain("Inget sparades");
    expect(standIn.workbook.sheets.map((s) => s.name)).toEqual(["Blad1", "KS"]);
    expect(standIn.workbook.sheet("KS").cell("A1")?.value).toBe("gammalt");
    expect(standIn.workbook.enableEvents).toBe(true);
  });

  test("a failure in the first sync of a new write removes exactly the sheets it had added", async () => {
    const standIn = createStandIn({ sheets: ["Blad1", "Egen"] });
    const specs: SheetSpec[] = ["A", "B", "C"].map((name) => ({
      name,
      blocks: [{ top: 0, left: 0, rows: [[{ value: name }]] }],
    }));
    standIn.inject({ sync: 2, afterActions: 12, code: "GeneralException" });
    const error = (await failure(
      standIn.run((context) => writeSheets(context, specs, { replace: [], supports: standIn.supports })),
    )) as ExcelHostError;
    expect(excelProblemMessage(error.problem, "sv")).toContain("Inget sparades");
    expect(standIn.workbook.sheets.map((s) => s.name)).toEqual(["Blad1", "Egen"]);
  });
});
