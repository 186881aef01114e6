/**
 * Merged cells in the Excel host: on ExcelApi 1.13 read with the sheets, in no sync of their own, so a nämnd merged
 * down over several rows belongs to every row in both hosts; below 1.13, or when Excel refuses them, the read says
 * they were not read.
 */
import ExcelJS from "exceljs";
import { readPlan } from "../../src/domain/readPlan";
import { planToJson } from "../../src/domain/summary";
import { READ_BUDGET_BYTES, readWorkbookWithStats } from "../../src/hosts/excel/read";
import { readWorkbookBuffer } from "../../src/hosts/xlsx/read";
import type { Grid } from "../../src/sheet/grid";
import { StandInError, createStandIn, type StandIn } from "../../src/hosts/standin";
import { standInFromExcelJs } from "./support";

/** A plan whose nämnd KS is merged down over its three uppdrag (A2:A4), as an economist formats it. */
async function mergedPlanBuffer(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Uppdrag");
  sheet.addRows([
    ["Nämnd", "Uppdrag", "År"],
    ["KS", "Ta fram en plan för bostadsbyggandet.", 2025],
    [null, "Utred en gemensam växel för kommunens verksamheter.", 2025],
    [null, "Se över lokalförsörjningen.", 2026],
    ["TN", "Bygg ut gång- och cykelvägnätet.", 2025],
  ]);
  sheet.mergeCells("A2:A4");
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function openedInExcel(buffer: Buffer, apiVersion: number): Promise<StandIn> {
  const opened = new ExcelJS.Workbook();
  await opened.xlsx.load(buffer as unknown as ArrayBuffer);
  return standInFromExcelJs(opened, apiVersion);
}

function planOf(grids: Grid[]) {
  const { plan, findings } = readPlan(grids);
  return { plan: planToJson(plan), errors: findings.filter((f) => f.severity === "error") };
}

describe("the stand-in's Range.getMergedAreasOrNullObject, as strict as Excel", () => {
  const merged = () => {
    const standIn = createStandIn();
    standIn.workbook.sheet("Blad1").merges.push("A2:A4", "C1:D1");
    return standIn;
  };

  test("the merged areas whose top-left cell is in the range; a null object when there is none", async () => {
    const standIn = merged();
    const found = await standIn.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      const areasOf = (address: string) => {
        const areas = sheet.getRange(address).getMergedAreasOrNullObject();
        areas.load("areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount");
        return areas;
      };
      const [all, lower, none] = [areasOf("A1:Z9"), areasOf("A3:B9"), areasOf("F1:F9")];
      await context.sync();
      const addresses = (areas: Excel.RangeAreas) =>
        areas.areas.items.map((a) => [a.rowIndex, a.columnIndex, a.rowCount, a.columnCount]);
      return { all: addresses(all), lower: lower.isNullObject, none: none.isNullObject };
    });
    expect(found.all).toEqual([
      [1, 0, 3, 1],
      [0, 2, 1, 2],
    ]);
    // A2:A4 starts above A3, as Excel leaves it out (office-js issue 3611).
    expect(found.lower).toBe(true);
    expect(found.none).toBe(true);
  });

  test("below ExcelApi 1.13 it fails with ApiNotFound; unloaded areas are refused", async () => {
    const old = createStandIn({ apiVersion: 12 });
    const refused = await old
      .run(async (context) => {
        context.workbook.worksheets
          .getItem("Blad1")
          .getRange()
          .getMergedAreasOrNullObject()
          .load("areas/items/rowIndex");
        await context.sync();
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect((refused as StandInError).code).toBe("ApiNotFound");
    const standIn = merged();
    const unloaded = standIn.run(async (context) => {
      const areas = context.workbook.worksheets.getItem("Blad1").getRange().getMergedAreasOrNullObject();
      await context.sync();
      return areas.areas.items.length;
    });
    await expect(unloaded).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });
});

const committees = (grids: Grid[]) => planOf(grids).plan.assignments.map((a) => a.committees.join("+"));

describe("a nämnd merged down over three uppdrag rows", () => {
  let buffer: Buffer;
  let fromFile: Grid[];
  beforeAll(async () => {
    buffer = await mergedPlanBuffer();
    fromFile = (await readWorkbookBuffer(buffer, "plan.xlsx")).grids;
  });

  test("ExcelApi 1.13: the Excel host reads the same plan as the xlsx host, in the same two syncs", async () => {
    const standIn = await openedInExcel(buffer, 13);
    const read = await standIn.run((context) => readWorkbookWithStats(context, { supports: standIn.supports }));
    expect(read.syncs).toBe(2);
    expect(read.mergesRead).toBe(true);
    expect(read.grids[0].merges).toEqual([{ top: 1, left: 0, bottom: 3, right: 0 }]);
    expect(read.grids[0].merges).toEqual(fromFile[0].merges);
    expect(committees(fromFile)).toEqual(["KS", "KS", "KS", "TN"]);
    expect(planOf(read.grids)).toEqual(planOf(fromFile));
  });

  test("below ExcelApi 1.13: the same two syncs, no merges, and the read says so", async () => {
    const standIn = await openedInExcel(buffer, 12);
    const read = await standIn.run((context) => readWorkbookWithStats(context, { supports: standIn.supports }));
    expect(read.syncs).toBe(2);
    expect(standIn.log.map((s) => s.error)).toEqual([undefined, undefined]);
    expect(read.mergesRead).toBe(false);
    expect(read.grids[0].merges).toBeUndefined();
    // What the pane warns of: without the merges only the first row has its nämnd.
    expect(committees(read.grids)).not.toEqual(["KS", "KS", "KS", "TN"]);
  });

  test("the merged areas cost a few bytes of the response, and stay out of the sheet's shape (cells only)", async () => {
    const bytes = async (apiVersion: number) => {
      const standIn = await openedInExcel(buffer, apiVersion);
      const read = await standIn.run((context) => readWorkbookWithStats(context, { supports: standIn.supports }));
      return { response: standIn.log[1].responseBytes, shape: read.shape[0].bytes };
    };
    const withMerges = await bytes(13);
    const without = await bytes(12);
    expect(withMerges.response - without.response).toBeGreaterThan(0);
    expect(withMerges.response - without.response).toBeLessThan(200);
    expect(withMerges.shape).toBe(without.shape);
  });
});

describe("more merged areas on a sheet than Excel gives (512)", () => {
  test("the read is tried once more without them, and says they were not read", async () => {
    const standIn = createStandIn({ sheets: [] });
    const sheet = standIn.workbook.addSheet("Mål");
    for (let r = 0; r < 600; r++) {
      sheet.put(`A${2 * r + 1}`, `Mål ${r}`);
      sheet.merges.push(`A${2 * r + 1}:A${2 * r + 2}`);
    }
    const read = await standIn.run((context) => readWorkbookWithStats(context, { supports: standIn.supports }));
    expect(standIn.log.map((s) => s.error)).toEqual([undefined, "GeneralException", undefined]);
    expect(read.syncs).toBe(3);
    expect(read.mergesRead).toBe(false);
    expect(read.grids[0].merges).toBeUndefined();
    expect(read.grids[0].values[1198]).toEqual(["Mål 599"]);
  });

  test("in a workbook read in blocks too: the block that measures is read again without them", async () => {
    const standIn = createStandIn({ sheets: [] });
    const sheet = standIn.workbook.addSheet("Stor");
    for (let r = 0; r < 30_000; r++) sheet.put(`B${r + 1}`, `${"lång text ".repeat(30)}${r}`);
    for (let r = 0; r < 600; r++) {
      sheet.put(`A${2 * r + 1}`, `Mål ${r}`);
      sheet.merges.push(`A${2 * r + 1}:A${2 * r + 2}`);
    }
    const cold = await standIn.run((context) => readWorkbookWithStats(context, { supports: standIn.supports }));
    // Refused for the merged areas, measured and read again without them; never refused for its size.
    expect(standIn.log[1].error).toBe("GeneralException");
    expect(standIn.log.filter((s) => s.error)).toHaveLength(1);
    expect(cold.mergesRead).toBe(false);
    // With the shape: the first block carries the merged areas and is refused for them, then read without.
    const from = standIn.log.length;
    const warm = await standIn.run((context) =>
      readWorkbookWithStats(context, { supports: standIn.supports, shape: cold.shape }),
    );
    expect(standIn.log.slice(from).map((s) => s.error)).toContain("GeneralException");
    expect(standIn.log.slice(from).filter((s) => s.error)).toHaveLength(1);
    expect(warm.mergesRead).toBe(false);
    expect(warm.grids).toEqual(cold.grids);
    expect(warm.grids[0].values).toHaveLength(30_000);
    expect(Math.max(...standIn.log.map((s) => s.responseBytes))).toBeLessThanOrEqual(READ_BUDGET_BYTES);
  });
});

describe("a workbook read in row blocks still gets its merged ranges", () => {
  const ROWS = 30_000;
  const fill = (standIn: StandIn) => {
    const sheet = standIn.workbook.addSheet("Stor");
    for (let r = 0; r < ROWS; r++) {
      sheet
        .put(`A${r + 1}`, r % 10_000 === 1 ? "KS" : null)
        .put(`B${r + 1}`, `${"lång text ".repeat(30)}${r}`)
        .put(`C${r + 1}`, 2025);
    }
    for (const top of [2, 10_002, 20_002]) sheet.merges.push(`A${top}:A${top + 2}`);
    return sheet;
  };
  const expected = [1, 10_001, 20_001].map((top) => ({ top, left: 0, bottom: top + 2, right: 0 }));

  test("in the sync that measures, which reads the first rows too: no refused try, every response within 4 MB", async () => {
    const standIn = createStandIn({ sheets: [] });
    fill(standIn);
    const read = await standIn.run((context) => readWorkbookWithStats(context, { supports: standIn.supports }));
    expect(standIn.log.filter((s) => s.error)).toEqual([]);
    const bytes = standIn.log.reduce((sum, s) => sum + s.responseBytes, 0);
    expect(bytes).toBeGreaterThan(2 * READ_BUDGET_BYTES); // the premise: more than two responses' worth
    expect(read.syncs).toBeLessThanOrEqual(2 + Math.ceil(bytes / 3_500_000));
    expect(read.mergesRead).toBe(true);
    expect(read.grids[0].merges).toEqual(expected);
    expect(read.grids[0].values).toHaveLength(ROWS);
    expect(Math.max(...standIn.log.map((s) => s.responseBytes))).toBeLessThanOrEqual(READ_BUDGET_BYTES);

    // With that read's shape: no refused try either, and the merges come with the first block.
    const again = await standIn.run((context) =>
      readWorkbookWithStats(context, { supports: standIn.supports, shape: read.shape }),
    );
    const log = standIn.log.slice(read.syncs);
    expect(log.filter((s) => s.error)).toEqual([]);
    expect(again.syncs).toBeLessThanOrEqual(read.syncs);
    expect(again.grids).toEqual(read.grids);
    expect(again.mergesRead).toBe(true);
  });

  test("below ExcelApi 1.13: the same syncs as with merges, and none", async () => {
    const syncs = async (apiVersion: number) => {
      const standIn = createStandIn({ sheets: [], apiVersion });
      fill(standIn);
      const read = await standIn.run((context) => readWorkbookWithStats(context, { supports: standIn.supports }));
      return { syncs: read.syncs, merges: read.grids[0].merges, mergesRead: read.mergesRead };
    };
    const with13 = await syncs(13);
    const with12 = await syncs(12);
    expect(with12.syncs).toBe(with13.syncs);
    expect(with12).toMatchObject({ merges: undefined, mergesRead: false });
    expect(with13).toMatchObject({ merges: expected, mergesRead: true });
  });
});
