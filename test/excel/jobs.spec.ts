/**
 * The open workbook's steps (src/hosts/excel/openWorkbook.ts) on the strict stand-in: what the pane's buttons do in
 * the open workbook, with the sync budget of issue #4 (validate 2, generate and consolidate 3, for any number of
 * nämnder), and the same plan, findings, sheets and report as the CLI gives from the file.
 */
import * as path from "path";
import { consolidate } from "../../src/domain/followup/consolidate";
import { COL } from "../../src/domain/followup/model";
import { REPORT_MARKER, reportFigures } from "../../src/domain/followup/report";
import { readPlanWithSettings } from "../../src/domain/planRead";
import { LISTS_SHEET } from "../../src/domain/lists";
import { DEFAULT_PERIODS, DEFAULT_SETTINGS } from "../../src/domain/settings";
import { STATE_SHEET, readOwnSheetNames, readSettings } from "../../src/domain/state";
import {
  consolidateInWorkbook,
  createTemplate,
  generateFollowUp,
  goToCell,
  saveSettings,
  validateOpenWorkbook,
} from "../../src/hosts/excel/openWorkbook";
import { readWorkbook } from "../../src/hosts/excel/read";
import { ExcelHostError } from "../../src/hosts/excel/problems";
import { excelProblemMessage } from "../../src/i18n/errors";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import type { Grid } from "../../src/sheet/grid";
import { benchPlanGrids } from "../support/benchPlan";
import { EXAMPLES } from "../support/workbooks";
import { type StandIn, createStandIn } from "../../src/hosts/standin";
import { standInFromGrids } from "./support";

const T1 = DEFAULT_PERIODS[0];

async function example(file: string): Promise<Grid[]> {
  return (await readWorkbookFile(path.join(EXAMPLES, file))).grids;
}

/** Syncs a job made, counted by the stand-in (not by the job's own report). */
async function measured<T>(standIn: StandIn, job: (context: Excel.RequestContext) => Promise<T>) {
  const before = standIn.syncCount;
  const result = await standIn.run(job);
  return { result, syncs: standIn.syncCount - before };
}

function sheetNames(standIn: StandIn): string[] {
  return standIn.workbook.sheets.map((s) => s.name);
}

describe("validate: the open workbook gives what the file gives", () => {
  test.each([
    "ostersund-2024-mall.xlsx",
    "ostersund-2024-klistrad.xlsx",
    "kiruna-2020-fri.xlsx",
    "sandviken-2024-fri.xlsx",
  ])("%s: same plan and findings in 2 syncs", async (file) => {
    const grids = await example(file);
    const standIn = standInFromGrids(grids);
    const { result, syncs } = await measured(standIn, (context) => validateOpenWorkbook(context));
    expect(syncs).toBe(2);
    const fromFile = readPlanWithSettings(grids);
    expect(result.plan).toEqual(fromFile.plan);
    expect(result.findings).toEqual(fromFile.findings);
    expect(result.hasErrors).toBe(false);
  });

  test.each([
    [1_000, 2],
    [20_000, 3],
  ])(
    "the bench plan with %i uppdrag: %i syncs, no request or response over 4 000 kB, the same plan",
    async (count, expected) => {
      const grids = benchPlanGrids({ assignments: count, adjustments: count });
      const standIn = standInFromGrids(grids);
      // Excel on the web (the stand-in's requirement sets): where the 5 MB limit is.
      const options = { supports: standIn.supports };
      const { result, syncs } = await measured(standIn, (context) => validateOpenWorkbook(context, undefined, options));
      expect(syncs).toBe(expected);
      expect(result.workbook.syncs).toBe(expected);
      const log = standIn.log.slice(-syncs);
      expect(log.filter((s) => s.error)).toEqual([]);
      expect(Math.max(...log.map((s) => Math.max(s.requestBytes, s.responseBytes)))).toBeLessThanOrEqual(4_000_000);
      // The premise for 20 000: more than one response can carry (Excel on the web refuses 5 MB).
      if (count === 20_000) expect(log.reduce((sum, s) => sum + s.responseBytes, 0)).toBeGreaterThan(5_000_000 * 0.99);
      const fromGrids = readPlanWithSettings(grids);
      expect(result.plan).toEqual(fromGrids.plan);
      expect(result.findings).toEqual(fromGrids.findings);
    },
  );

  test("a plan with errors: the findings at their cells, hasErrors", async () => {
    const grids = await example("ostersund-2024-mall.xlsx");
    const standIn = standInFromGrids(grids);
    const uppdrag = standIn.workbook.sheet("Uppdrag");
    uppdrag.put("E3", "Nämnden som inte finns");
    const { result } = await measured(standIn, (context) => validateOpenWorkbook(context));
    expect(result.hasErrors).toBe(true);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ severity: "error", sheet: "Uppdrag", cell: "E3", rule: "unknown-committee" }),
    );
  });
});

describe("generate: one sheet per nämnd in 3 syncs, nothing written when the plan has errors", () => {
  test.each([10, 1_000])("%i uppdrag across 15 nämnder: 3 syncs, every uppdrag on its nämnd's sheet", async (count) => {
    const grids = benchPlanGrids({ assignments: count, adjustments: count, goals: 30 });
    const standIn = standInFromGrids(grids);
    const { result, syncs } = await measured(standIn, (context) =>
      generateFollowUp(context, { period: T1, year: 2025, due: "2025-05-15", planName: "plan.xlsx" }),
    );
    if (!result.written) throw new Error(JSON.stringify(result.validation.findings.slice(0, 5)));
    expect(syncs).toBe(3);
    expect(result.syncs).toBe(3);
    expect(result.followUp.sheets).toHaveLength(15);
    expect(standIn.log.every((s) => s.requestBytes < 5_000_000 && s.responseBytes < 5_000_000)).toBe(true);
    const keys = new Set<string>();
    for (const { spec } of result.followUp.sheets) {
      for (const [key, cell] of standIn.workbook.sheet(spec.name).cells) {
        if (key % 16384 === COL.key && typeof cell.value === "string") keys.add(cell.value);
      }
    }
    for (const a of result.validation.plan.assignments) expect(keys.has(`assignment|${a.id}`)).toBe(true);
    // The lists (hidden) and the state sheet (very hidden), as the CLI writes them.
    expect(standIn.workbook.sheet(LISTS_SHEET).visibility).toBe("Hidden");
    expect(standIn.workbook.sheet(STATE_SHEET).visibility).toBe("VeryHidden");
  });

  test("a plan with errors: 2 syncs, the findings, and the workbook untouched", async () => {
    const standIn = standInFromGrids(await example("ostersund-2024-mall.xlsx"));
    standIn.workbook.sheet("Ramjusteringar").put("D2", "1.200");
    const before = sheetNames(standIn);
    const { result, syncs } = await measured(standIn, (context) =>
      generateFollowUp(context, { period: T1, year: 2024, due: null, planName: "plan.xlsx" }),
    );
    expect(result.written).toBe(false);
    expect(syncs).toBe(2);
    expect(result.validation.findings).toContainEqual(expect.objectContaining({ sheet: "Ramjusteringar", cell: "D2" }));
    expect(sheetNames(standIn)).toEqual(before);
  });

  test.each([17, 8])(
    "after writing, the job tells the workbook's shape as the next read finds it (ExcelApi 1.%i)",
    async (apiVersion) => {
      const standIn = standInFromGrids(await example("ostersund-2024-mall.xlsx"), apiVersion);
      const options = { supports: standIn.supports };
      const result = await standIn.run((context) =>
        generateFollowUp(context, { period: T1, year: 2024, due: null, planName: "plan.xlsx" }, options),
      );
      if (!result.written) throw new Error("not written");
      const next = await standIn.run((context) => validateOpenWorkbook(context, undefined, options));
      const read = new Map(next.workbook.shape.map((shape) => [shape.name, shape]));
      expect(result.shape.map((s) => s.name).sort()).toEqual([...read.keys()].sort());
      for (const { bytes: estimate, ...where } of result.shape) {
        const { bytes, ...found } = read.get(where.name)!;
        expect(where).toEqual(found);
        expect(estimate).toBeGreaterThan(bytes * 0.8);
        expect(estimate).toBeLessThan(bytes * 1.2 + 100);
      }
    },
  );

  test("regenerating keeps what a nämnd typed, in 3 syncs, and saves the mapping used in the state sheet", async () => {
    const standIn = standInFromGrids(await example("ostersund-2024-mall.xlsx"));
    const request = { period: T1, year: 2024, due: null, planName: "plan.xlsx" };
    const first = await standIn.run((context) => generateFollowUp(context, request));
    if (!first.written) throw new Error("not written");
    const sheet = standIn.workbook.sheet(first.followUp.sheets[0].spec.name);
    const [key] = [...sheet.cells].find(
      ([k, c]) => k % 16384 === COL.key && String(c.value).startsWith("assignment|"),
    )!;
    const row = Math.floor(key / 16384);
    sheet.at(row, COL.input).value = "Genomfört";
    sheet.at(row, COL.comment).value = "Klart i mars";
    const rowKey = sheet.cell(row, COL.key)?.value;

    const mapping = { sheets: { Uppdrag: { kind: "assignment" as const } } };
    const { result, syncs } = await measured(standIn, (context) => generateFollowUp(context, { ...request, mapping }));
    if (!result.written) throw new Error("not written");
    expect(syncs).toBe(3);
    const again = standIn.workbook.sheet(first.followUp.sheets[0].spec.name);
    const newRow = Math.floor(
      [...again.cells].find(([k, c]) => k % 16384 === COL.key && c.value === rowKey)![0] / 16384,
    );
    expect(again.cell(newRow, COL.input)?.value).toBe("Genomfört");
    expect(again.cell(newRow, COL.comment)?.value).toBe("Klart i mars");
    // Exactly one sheet per nämnd: the old ones were replaced, not kept beside the new.
    expect(sheetNames(standIn).filter((n) => n === first.followUp.sheets[0].spec.name)).toHaveLength(1);
    expect(sheetNames(standIn).filter((n) => n.startsWith("~"))).toEqual([]);
    const grids = await standIn.run((context) => readWorkbook(context));
    expect(readSettings(grids).mapping).toEqual(mapping);
  });
});

describe("consolidate: the report in the workbook in 3 syncs", () => {
  async function generated(): Promise<StandIn> {
    const standIn = standInFromGrids(await example("ostersund-2024-mall.xlsx"));
    const done = await standIn.run((context) =>
      generateFollowUp(context, { period: T1, year: 2024, due: null, planName: "plan.xlsx" }),
    );
    if (!done.written) throw new Error("not written");
    return standIn;
  }

  test("the same figures as the core gives from the same sheets; a second run replaces the report", async () => {
    const standIn = await generated();
    const grids = await standIn.run((context) => readWorkbook(context));
    const request = { planName: "plan.xlsx", returned: [], language: "sv" as const };
    const { result, syncs } = await measured(standIn, (context) => consolidateInWorkbook(context, request));
    if (!result.written) throw new Error("not written");
    expect(syncs).toBe(3);
    const read = readPlanWithSettings(grids);
    const expected = consolidate(
      read.plan,
      [{ file: "plan.xlsx", grids, modified: null, master: true }],
      read.settings,
    );
    expect(result.figures).toEqual(reportFigures(expected, read.settings));
    for (const name of result.sheets) expect(standIn.workbook.sheet(name).cell(1, 0)?.value).toBe(REPORT_MARKER);

    const again = await measured(standIn, (context) => consolidateInWorkbook(context, request));
    expect(again.syncs).toBe(3);
    for (const name of result.sheets) expect(sheetNames(standIn).filter((n) => n === name)).toHaveLength(1);
    // The report is Måltavlan's own: validating again does not read it as plan rows.
    const validation = await standIn.run((context) => validateOpenWorkbook(context));
    expect(validation.plan).toEqual(read.plan);
  });

  test("a sheet of the user's with a report sheet's name is never overwritten: nothing is written", async () => {
    const standIn = await generated();
    standIn.workbook.addSheet("Översikt").put("A1", "mina egna anteckningar");
    const before = sheetNames(standIn);
    const error = await standIn
      .run((context) => consolidateInWorkbook(context, { planName: "plan.xlsx", returned: [], language: "sv" }))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ExcelHostError);
    expect(excelProblemMessage((error as ExcelHostError).problem, "sv")).toMatch(
      /Det finns redan blad som heter "Översikt".*Inget skrevs/,
    );
    expect(sheetNames(standIn)).toEqual(before);
    expect(standIn.workbook.sheet("Översikt").cell(0, 0)?.value).toBe("mina egna anteckningar");
  });
});

describe("a sheet of the user's with the name of one of Måltavlan's", () => {
  /** The plan open in Excel, with sheets of the user's named "Måltavlan" and "Måltavlan listor". */
  async function withUserSheets(): Promise<StandIn> {
    const standIn = standInFromGrids(await example("ostersund-2024-mall.xlsx"));
    standIn.workbook.addSheet(STATE_SHEET).put("A1", "Mina anteckningar om målen");
    standIn.workbook.addSheet(LISTS_SHEET, "Hidden").put("A1", "Egen lista").put("A2", "Ja");
    return standIn;
  }
  const userCells = (standIn: StandIn) =>
    [STATE_SHEET, LISTS_SHEET].map((name) => {
      const sheet = standIn.workbook.sheet(name);
      return [sheet.name, sheet.visibility, [...sheet.cells.values()].map((cell) => cell.value)];
    });
  const generate = (standIn: StandIn) =>
    measured(standIn, (context) =>
      generateFollowUp(
        context,
        { period: T1, year: 2024, due: null, planName: "plan.xlsx" },
        { supports: standIn.supports },
      ),
    );

  test("generate never touches it: Måltavlan's sheets take other names, recorded in the state, and keep them", async () => {
    const standIn = await withUserSheets();
    const before = userCells(standIn);
    const { result, syncs } = await generate(standIn);
    if (!result.written) throw new Error("not written");
    expect(syncs).toBe(3);
    expect(userCells(standIn)).toEqual(before);
    expect(standIn.workbook.sheet("Måltavlan listor (2)").visibility).toBe("Hidden");
    expect(standIn.workbook.sheet("Måltavlan (2)").visibility).toBe("VeryHidden");
    // Every dropdown points at Måltavlan's lists (the stand-in refuses a source on a sheet that does not exist).
    const sources = standIn.workbook.sheets.flatMap((sheet) =>
      sheet.validations.flatMap((v) => v.rule?.list.source ?? []),
    );
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source).toMatch(/^='Måltavlan listor \(2\)'!/);
    const grids = await standIn.run((context) => readWorkbook(context));
    expect(readOwnSheetNames(grids)).toEqual({ lists: "Måltavlan listor (2)", state: "Måltavlan (2)" });

    const again = await generate(standIn);
    expect(again.result.written).toBe(true);
    expect(again.syncs).toBe(3);
    expect(userCells(standIn)).toEqual(before);
    expect(sheetNames(standIn).filter((name) => name.startsWith("Måltavlan"))).toEqual([
      STATE_SHEET,
      LISTS_SHEET,
      "Måltavlan listor (2)",
      "Måltavlan (2)",
    ]);
  });

  test("saving the settings never touches it either: 3 syncs, and the state is found again by its marker", async () => {
    const standIn = await withUserSheets();
    const before = userCells(standIn);
    const settings = { ...DEFAULT_SETTINGS, mapping: { sheets: { Uppdrag: { kind: "assignment" as const } } } };
    const saved = await measured(standIn, (context) => saveSettings(context, settings));
    expect(saved.syncs).toBe(3);
    expect(saved.result.syncs).toBe(3);
    await standIn.run((context) => saveSettings(context, settings));
    expect(userCells(standIn)).toEqual(before);
    expect(standIn.workbook.sheet("Måltavlan (2)").visibility).toBe("VeryHidden");
    expect(sheetNames(standIn).filter((name) => name.startsWith("Måltavlan"))).toHaveLength(3);
    const grids = await standIn.run((context) => readWorkbook(context));
    expect(readSettings(grids)).toEqual(settings);
    // A follow-up after it takes the same state sheet.
    await generate(standIn);
    expect(userCells(standIn)).toEqual(before);
    expect(sheetNames(standIn).filter((name) => /^Måltavlan \(/.test(name))).toEqual(["Måltavlan (2)"]);
  });
});

describe("settings, template and go to cell", () => {
  test("saved settings are read back by the core from the very hidden state sheet", async () => {
    const standIn = standInFromGrids(await example("kiruna-2020-fri.xlsx"));
    const settings = { ...DEFAULT_SETTINGS, mapping: { sheets: { Uppdrag: { kind: "assignment" as const } } } };
    await standIn.run((context) => saveSettings(context, settings));
    await standIn.run((context) => saveSettings(context, settings)); // replacing it works too
    expect(standIn.workbook.sheet(STATE_SHEET).visibility).toBe("VeryHidden");
    const grids = await standIn.run((context) => readWorkbook(context));
    expect(readSettings(grids)).toEqual(settings);
  });

  test("the template in an empty workbook validates without errors", async () => {
    const standIn = createStandIn();
    await standIn.run((context) => createTemplate(context));
    expect(sheetNames(standIn)).toEqual(expect.arrayContaining(["Nämnder", "Mål", "Uppdrag", "Ramjusteringar"]));
    const validation = await standIn.run((context) => validateOpenWorkbook(context));
    expect(validation.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("go to cell activates the sheet and selects the cell; hidden or missing sheets are told in Swedish", async () => {
    const standIn = standInFromGrids(await example("ostersund-2024-mall.xlsx"));
    await standIn.run((context) => goToCell(context, "Uppdrag", "E3"));
    expect(standIn.workbook.active?.name).toBe("Uppdrag");
    expect(standIn.workbook.selection).toBe("Uppdrag!E3");

    standIn.workbook.addSheet("Dolt", "Hidden");
    const told = (sheet: string) =>
      standIn
        .run((context) => goToCell(context, sheet, "A1"))
        .then(
          () => "",
          (error: ExcelHostError) => excelProblemMessage(error.problem, "sv"),
        );
    expect(await told("Dolt")).toMatch(/är dolt.*Ta fram/);
    expect(await told("Borta")).toMatch(/finns inte längre/);
  });
});
