/**
 * The Ekonomi section of the follow-up sheets: each nämnd's budget for the year (frame and tilläggsbudgetar) and its
 * investment projects, the figures a nämnd types or the ledger fills in, and the avvikelse and its share of the
 * budget as formulas that LibreOffice recalculates (cached results never trusted).
 */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { answerOf, readFollowUpSheet } from "../src/domain/followup/answers";
import { collectAnswers } from "../src/domain/followup/collect";
import { PERCENT_FORMAT } from "../src/domain/followup/economySection";
import { BUDGET_MISSING } from "../src/domain/followup/expected";
import { FollowUpOptions, followUpSheets, supportSheets } from "../src/domain/followup/generate";
import { Answer, COL, ECONOMY_COL, SECTION_KEY } from "../src/domain/followup/model";
import { inputFill } from "../src/domain/followup/sheetLook";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { readWorkbookBuffer } from "../src/hosts/xlsx/read";
import { workbookBuffer } from "../src/hosts/xlsx/write";
import { Grid, cellName } from "../src/sheet/grid";
import { SheetSpec, SpecCell } from "../src/sheet/spec";
import { TKR, economyPlan, gridOf, options } from "./support/economy";
import { inspectManyWithLibreOffice, loCell, loSheet } from "./support/libreoffice";

const rowsOf = (spec: SheetSpec): SpecCell[][] => spec.blocks[0].rows;
const keyOf = (row: SpecCell[]) => String(row[COL.key]?.value ?? "");
const rowIndex = (spec: SheetSpec, key: string) => rowsOf(spec).findIndex((row) => keyOf(row) === key);
const sheetOf = (code: string, plan = economyPlan(), more: Partial<FollowUpOptions> = {}) =>
  followUpSheets(plan, options(more)).find((s) => s.committee.code === code)?.spec;

describe("the Ekonomi section in each nämnd's sheet", () => {
  test("the budget for the year is the frame and its tilläggsbudgetar, locked; each project its own row", () => {
    const spec = sheetOf("KS")!;
    const rows = rowsOf(spec);
    const band = rowIndex(spec, `${SECTION_KEY} economy`);
    expect(rows[band][COL.title].value).toBe("Ekonomi");
    const drift = rows[rowIndex(spec, "economy|drift")];
    expect(drift[COL.title].value).toBe(
      "Driftbudget, nettokostnad\nvarav ram 118\u00a0000\u00a0tkr, tilläggsbudget 2\u00a0000\u00a0tkr (Valet)",
    );
    expect(drift[ECONOMY_COL.budget]).toMatchObject({ value: 120_000, numberFormat: '#,##0 "tkr"' });
    expect(drift[ECONOMY_COL.budget].locked).not.toBe(false);
    // Projects of the year, lines of one project summed; last year's project is not there.
    const project = (id: string) => rows[rowIndex(spec, `investment|${id}`)];
    expect([project("I1")[COL.title].value, project("I1")[ECONOMY_COL.budget].value]).toEqual(["Ny skola", 35_000]);
    expect([project("I3")[COL.title].value, project("I3")[ECONOMY_COL.budget].value]).toEqual(["Gata", 10_000]);
    expect(rowIndex(spec, "investment|I4")).toBe(-1);
    // Each figures row is followed by its row for åtgärder.
    expect(keyOf(rows[rowIndex(spec, "economy|drift") + 1])).toBe("measures|drift");
    expect(keyOf(rows[rowIndex(spec, "investment|I1") + 1])).toBe("measures|I1");
  });

  test("the inputs take the one input colour and have input messages; the sheet states the sign rule", () => {
    const spec = sheetOf("KS")!;
    const r = rowIndex(spec, "economy|drift");
    const drift = rowsOf(spec)[r];
    const fill = inputFill(DEFAULT_SETTINGS);
    for (const col of [ECONOMY_COL.outcome, ECONOMY_COL.forecast, ECONOMY_COL.comment])
      expect([col, drift[col].locked, drift[col].fill]).toEqual([col, false, fill]);
    for (const col of [ECONOMY_COL.budget, ECONOMY_COL.deviation, ECONOMY_COL.percent])
      expect([col, drift[col].locked]).toEqual([col, undefined]);
    const measures = rowsOf(spec)[r + 1];
    expect([measures[ECONOMY_COL.comment].locked, measures[ECONOMY_COL.comment].fill]).toEqual([false, fill]);
    const messages = new Map(
      // Each area of each message's range ("D9:D9,D12:D12").
      (spec.inputMessages ?? []).flatMap(({ range, prompt }) =>
        range.split(",").flatMap((area) => {
          const [first, last] = area.split(":").map((a) => Number(a.slice(1)) - 1);
          const col = area.charCodeAt(0) - 65;
          return Array.from({ length: last - first + 1 }, (_, i) => [cellName(first + i, col), prompt.title] as const);
        }),
      ),
    );
    expect(messages.get(cellName(r, ECONOMY_COL.outcome))).toBe("Utfall hittills, tkr");
    expect(messages.get(cellName(r, ECONOMY_COL.forecast))).toBe("Prognos helår, tkr");
    expect(messages.get(cellName(r, ECONOMY_COL.comment))).toBe("Kommentar");
    expect(messages.get(cellName(r + 1, ECONOMY_COL.comment))).toBe("Åtgärder");
    const texts = rowsOf(spec).flatMap((row) => row.map((cell) => String(cell.value ?? "")));
    expect(texts).toContain("Avvikelse (tkr)\n+ överskott, − underskott");
    expect(texts.some((t) => t.includes("Avvikelse = budget − prognos: positiv är ett överskott"))).toBe(true);
  });

  test("a nämnd without a budget in the plan says so, never 0; a bolag gets none; Helår compares the utfall", () => {
    const bun = sheetOf("BUN")!;
    const drift = rowsOf(bun)[rowIndex(bun, "economy|drift")];
    expect(drift[ECONOMY_COL.budget].value).toBe(BUDGET_MISSING);
    expect(drift[ECONOMY_COL.outcome].locked).toBe(false);
    // A bolag with nothing in the plan gets no sheet; with a budget, the section.
    expect(sheetOf("AB")).toBeUndefined();
    const plan = economyPlan();
    plan.budgets.push({
      id: "B9",
      committee: "AB",
      year: 2025,
      amountOre: 500 * TKR,
      kind: "frame",
      description: null,
    });
    expect(
      rowsOf(sheetOf("AB", plan)!)[rowIndex(sheetOf("AB", plan)!, "economy|drift")][ECONOMY_COL.budget].value,
    ).toBe(500);

    const helar = sheetOf("KS", economyPlan(), { period: DEFAULT_SETTINGS.periods[2] })!;
    const r = rowIndex(helar, "economy|drift");
    const cells = rowsOf(helar)[r];
    expect(cells[ECONOMY_COL.forecast].locked).toBeUndefined();
    expect(cells[ECONOMY_COL.deviation].formula).toBe(
      `IF(AND(ISNUMBER(C${r + 1}),ISNUMBER(D${r + 1})),C${r + 1}-D${r + 1},"")`,
    );
    expect(cells[ECONOMY_COL.percent]).toMatchObject({ numberFormat: PERCENT_FORMAT });
  });

  test("the ledger's utfall fills the drift's Utfall hittills, and the sheet remembers it is the ledger's", () => {
    const spec = sheetOf("KS", economyPlan(), { ledgerOutcomes: new Map([["KS", 40_123_45_000]]) })!;
    const r = rowIndex(spec, "economy|drift");
    expect(rowsOf(spec)[r][ECONOMY_COL.outcome].value).toBe(40_123.45);
    const read = readFollowUpSheet(gridOf(spec));
    expect(read.meta?.ledgerOutcomeOre).toBe(40_123_45_000);
    const answer = answerOf(read.rows.find((row) => row.key === "economy|drift")!);
    expect(answer).toMatchObject({ outcome: 40_123.45, outcomeFromLedger: true, input: null });
  });
});

describe("LibreOffice recalculates the avvikelse and its share of the budget", () => {
  const answer = (key: string, kind: Answer["kind"], input: string | number | null, outcome: number | null) => ({
    key,
    kind,
    title: "",
    input,
    comment: null,
    outcome,
  });

  test("from typed figures, at T1 and at Helår; nothing where a figure is missing or not a number", async () => {
    const answers = new Map<string, Answer>([
      ["economy|drift", answer("economy|drift", "economy", 125_000, 40_000)],
      ["investment|I1", answer("investment|I1", "investment", 31_500.5, null)],
      ["investment|I3", answer("investment|I3", "investment", "tio", null)],
    ]);
    const t1 = sheetOf("KS", economyPlan(), { answers: new Map([["KS", answers]]) })!;
    const helar = sheetOf("KS", economyPlan(), {
      period: DEFAULT_SETTINGS.periods[2],
      answers: new Map([["KS", answers]]),
    })!;
    const bun = sheetOf("BUN")!;
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "maltavlan-economy-"));
    const files = await Promise.all(
      [t1, helar, bun].map(async (spec, i) => {
        const file = path.join(dir, `${i}.xlsx`);
        await fs.writeFile(file, await workbookBuffer({ sheets: [spec, ...supportSheets(DEFAULT_SETTINGS)] }));
        return file;
      }),
    );
    const [t1Book, helarBook, bunBook] = await inspectManyWithLibreOffice(files);
    const figures = (book: typeof t1Book, spec: SheetSpec, key: string) => {
      const sheet = loSheet(book, spec.name);
      const r = rowIndex(spec, key);
      return [ECONOMY_COL.deviation, ECONOMY_COL.percent].map((col) => loCell(sheet, cellName(r, col)).value);
    };
    const [deviation, percent] = figures(t1Book, t1, "economy|drift");
    expect(deviation).toBe(-5_000); // 120 000 − 125 000: a deficit
    expect(percent).toBeCloseTo(-5_000 / 120_000, 12);
    const [projectDeviation, projectPercent] = figures(t1Book, t1, "investment|I1");
    expect(projectDeviation).toBeCloseTo(3_499.5, 9);
    expect(projectPercent).toBeCloseTo(3_499.5 / 35_000, 12);
    expect(figures(t1Book, t1, "investment|I3")).toEqual(["", ""]); // "tio" is no number: no avvikelse
    // Helår: budget − utfall, where the utfall is the year's.
    expect(figures(helarBook, helar, "economy|drift")).toEqual([80_000, expect.closeTo(80_000 / 120_000, 12)]);
    expect(figures(helarBook, helar, "investment|I1")).toEqual(["", ""]);
    // No budget in the plan: said, and no avvikelse however the nämnd answers.
    expect(figures(bunBook, bun, "economy|drift")).toEqual(["", ""]);
    await fs.rm(dir, { recursive: true, force: true });
  }, 180_000);
});

test("an åtgärder row whose project left the plan says under Utgår ur planen which project it was, and keeps saying it", async () => {
  const plan = economyPlan();
  /** KS's sheet written to .xlsx and read back, `edit` typed in between through ExcelJS. */
  const roundTrip = async (spec: SheetSpec, edit: (sheet: ExcelJS.Worksheet) => void = () => {}) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await workbookBuffer({ sheets: [spec] })) as unknown as ArrayBuffer);
    edit(book.getWorksheet(spec.name)!);
    return (await readWorkbookBuffer(new Uint8Array(await book.xlsx.writeBuffer()), "KS.xlsx")).grids;
  };
  const regenerated = (grids: Grid[]) => {
    const collected = collectAnswers(plan, [{ source: "KS.xlsx", grids }], options().period, 2025, DEFAULT_SETTINGS);
    return followUpSheets(plan, options({ answers: collected.byCommittee })).find((s) => s.committee.code === "KS")!
      .spec;
  };
  let grids = await roundTrip(sheetOf("KS", plan)!, (sheet) => {
    sheet.eachRow((row) => {
      if (row.getCell(COL.key + 1).value === "measures|I3")
        row.getCell(ECONOMY_COL.comment + 1).value = "Etapp två väntar.";
    });
  });
  // Gata leaves the plan: its åtgärder are kept, and named by it (its own row had nothing typed, so it is not there).
  plan.investments = plan.investments.filter((i) => i.project !== "Gata");
  for (let i = 0; i < 2; i++) {
    const spec = regenerated(grids);
    const removed = rowsOf(spec).slice(rowIndex(spec, `${SECTION_KEY} removed`));
    expect(removed.filter((row) => /\|/.test(keyOf(row))).map((row) => [keyOf(row), row[COL.title].value])).toEqual([
      ["measures|I3", "Åtgärder vid underskott: Gata"],
    ]);
    expect(rowsOf(spec)[rowIndex(spec, "measures|I3")][ECONOMY_COL.comment].value).toBe("Etapp två väntar.");
    // The åtgärder rows still in the plan keep their short title under their own row.
    expect(rowsOf(spec)[rowIndex(spec, "measures|I1")][COL.title].value).toBe("Åtgärder vid underskott");
    grids = await roundTrip(spec);
  }
});
