/**
 * The previous period beside this one: T1 is generated and answered, Delår is generated with --previous (the T1
 * master, or the files the nämnder returned), and its sheets show T1's answers greyed and locked in column G of goals
 * and uppdrag, with the new input empty; consolidating Delår reads only Delår's answers.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { consolidate } from "../src/domain/followup/consolidate";
import { movementSince } from "../src/domain/followup/movement";
import { readPreviousPeriod } from "../src/domain/followup/previousPeriod";
import { DRIFT_KEY } from "../src/domain/followup/ledger";
import { COL, ECONOMY_COL, INFO_KEY } from "../src/domain/followup/model";
import { PREVIOUS_FONT } from "../src/domain/followup/sheetLook";
import { Plan } from "../src/domain/model";
import { readPlan } from "../src/domain/readPlan";
import { Settings } from "../src/domain/settings";
import { readSettings } from "../src/domain/state";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { EXAMPLES, cli, editWorkbook, followUpFiles, rowByKey, typeAnswer } from "./support/workbooks";

const PLAN = path.join(EXAMPLES, "ostersund-2024-mall.xlsx");
const DELAR = ["--period", "Delår", "--year", "2024"];

let dir: string;
let master: string;
let split: string;
let plan: Plan;
let settings: Settings;
beforeEach(async () => {
  ({ dir, master, split } = await followUpFiles("previous", PLAN));
  const grids = (await readWorkbookFile(PLAN)).grids;
  settings = readSettings(grids);
  plan = readPlan(grids, {}, settings.levels).plan;
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const ksFile = () => path.join(split, "KS-T1-2024.xlsx");
const cellOf = (sheet: ExcelJS.Worksheet, key: string, col: number) => rowByKey(sheet, key)!.getCell(col + 1);
const text = (cell: ExcelJS.Cell) => (cell.value === null ? null : String(cell.value));

/** KS answers T1 in its returned file: two uppdrag, a goal and a ramjustering. */
async function answerT1(): Promise<{ answered: string; bare: string; goal: string; adjustment: string }> {
  const assignments = plan.assignments.filter((a) => a.committees.includes("KS"));
  const keys = {
    answered: `assignment|${assignments[0].id}`,
    bare: `assignment|${assignments[1].id}`,
    goal: `goal|${plan.goals.find((g) => g.committee === "KS")!.id}`,
    adjustment: `adjustment|${plan.adjustments.find((a) => a.committee === "KS")!.id}`,
  };
  await editWorkbook(ksFile(), (w) => {
    const sheet = w.getWorksheet("KS T1 2024")!;
    typeAnswer(sheet, keys.answered, "Påbörjat", "Upphandling pågår.");
    typeAnswer(sheet, keys.goal, "Delvis uppfyllt", "Fler insatser behövs.");
    typeAnswer(sheet, keys.adjustment, 180, "Högre kostnader.");
    // The drift's prognos helår stands in E, its comment in H.
    const drift = rowByKey(sheet, DRIFT_KEY)!;
    drift.getCell(ECONOMY_COL.forecast + 1).value = 1500;
    drift.getCell(ECONOMY_COL.comment + 1).value = "Vakanser.";
  });
  return keys;
}

async function generateDelar(...previous: string[]): Promise<{ code: number; out: string; file: string }> {
  const file = path.join(dir, `delar-${Math.random().toString(36).slice(2)}.xlsx`);
  const args = previous.flatMap((p) => ["--previous", p]);
  const result = await cli("generate", master, ...DELAR, "--out", file, ...args);
  return { code: result.code, out: result.out + result.err, file };
}

async function sheetOf(file: string, name: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.getWorksheet(name)!;
}

test("Delår shows T1's answers greyed and locked beside empty inputs, from the returned file", async () => {
  const keys = await answerT1();
  const { code, out, file } = await generateDelar(ksFile());
  expect({ code, out }).toEqual({ code: 0, out: expect.stringContaining("Skapade") });
  const sheet = await sheetOf(file, "KS Delår 2024");

  const shown = cellOf(sheet, keys.answered, COL.extra);
  expect(text(shown)).toBe("Påbörjat – Upphandling pågår.");
  expect(shown.protection?.locked).not.toBe(false);
  expect(shown.font?.color?.argb).toBe(`FF${PREVIOUS_FONT}`);
  expect(text(cellOf(sheet, keys.goal, COL.extra))).toBe("Delvis uppfyllt – Fler insatser behövs.");
  // A row T1 left unanswered shows nothing, and nothing is greyed there.
  expect(text(cellOf(sheet, keys.bare, COL.extra))).toBeNull();
  expect(cellOf(sheet, keys.bare, COL.extra).font?.color?.argb).not.toBe(`FF${PREVIOUS_FONT}`);
  // Nothing of T1 is prefilled as a Delår answer.
  for (const key of Object.values(keys)) {
    expect([key, text(cellOf(sheet, key, COL.input)), text(cellOf(sheet, key, COL.comment))]).toEqual([
      key,
      null,
      null,
    ]);
    expect(cellOf(sheet, key, COL.input).protection?.locked).toBe(false);
  }
  // Where G is taken (a ramjustering's Avvikelse, the Ekonomi section's formulas): a locked, greyed line under the row.
  for (const [key, line] of [
    [keys.adjustment, "Svar T1 2024: prognos 180\u00a0tkr – Högre kostnader."],
    [DRIFT_KEY, "Svar T1 2024: prognos helår 1\u00a0500\u00a0tkr – Vakanser."],
  ]) {
    const under = sheet.getRow(rowByKey(sheet, key)!.number + 1);
    expect([key, under.getCell(1).value, text(under.getCell(COL.title + 1))]).toEqual([key, INFO_KEY, line]);
    expect(under.getCell(COL.title + 1).protection?.locked).not.toBe(false);
    expect(under.getCell(COL.title + 1).font?.color?.argb).toBe(`FF${PREVIOUS_FONT}`);
  }
  expect(text(cellOf(sheet, DRIFT_KEY, ECONOMY_COL.forecast))).toBeNull();
  // The column's header names the period, in the uppdrag's section and the goals'.
  const headers: string[] = [];
  sheet.eachRow((row) => {
    const value = text(row.getCell(COL.extra + 1));
    if (value?.startsWith("Svar T1 2024")) headers.push(value);
  });
  expect(headers.length).toBeGreaterThanOrEqual(2);
});

test("the T1 master as --previous gives the same, and Delår's consolidation reads only Delår's answers", async () => {
  const keys = await answerT1();
  // The finance office's master takes in KS's return first (a regeneration keeps it), then gives Delår.
  const merged = path.join(dir, "master-t1.xlsx");
  const t1 = await cli("generate", master, "--period", "T1", "--year", "2024", "--out", merged, "--answers", ksFile());
  expect(t1.code).toBe(0);
  const { code, file } = await generateDelar(merged);
  expect(code).toBe(0);
  const sheet = await sheetOf(file, "KS Delår 2024");
  expect(text(cellOf(sheet, keys.answered, COL.extra))).toBe("Påbörjat – Upphandling pågår.");

  await editWorkbook(file, (w) => typeAnswer(w.getWorksheet("KS Delår 2024")!, keys.bare, "Genomfört", null));
  const grids = (await readWorkbookFile(file)).grids;
  const input = { file: path.basename(file), grids, modified: null, master: true };
  const result = consolidate(plan, [input], settings, { period: settings.periods[1], year: 2024 });
  expect(result.period.name).toBe("Delår");
  const ks = result.committees.find((c) => c.committee.code === "KS")!;
  const given = ks.rows.filter((r) => r.input !== null || r.comment !== null);
  expect(given.map((r) => [`${r.kind}|${r.id}`, r.input, r.comment])).toEqual([[keys.bare, "Genomfört", null]]);
  const drift = ks.economy.find((e) => e.kind === "economy")!;
  expect([drift.forecastOre, drift.comment]).toEqual([null, null]);
  // The shown T1 texts are no changed locked cells, nor any other finding on KS's sheet.
  expect(result.findings.filter((f) => f.sheet === "KS Delår 2024")).toEqual([]);
});

test("a previous file of another plan, or with no follow-up sheets, is a clear finding and no crash", async () => {
  const other = path.join(dir, "other-t1.xlsx");
  const otherPlan = path.join(EXAMPLES, "kiruna-2020-fri.xlsx");
  expect((await cli("generate", otherPlan, "--period", "T1", "--year", "2024", "--out", other)).code).toBe(0);
  const foreign = await generateDelar(other);
  expect(foreign.out).toContain("hör till en annan plan");
  expect(foreign.code).toBe(1);
  const sheet = await sheetOf(foreign.file, "KS Delår 2024");
  expect(sheet).toBeDefined();

  const none = await generateDelar(PLAN);
  expect(none.out).toContain("inga uppföljningsblad för en annan period än den som skapas");
  expect(none.code).toBe(1);

  const english = await cli(
    "generate",
    master,
    ...DELAR,
    "--out",
    path.join(dir, "en.xlsx"),
    "--previous",
    PLAN,
    "--lang",
    "en",
  );
  expect(english.out + english.err).toContain("no follow-up sheets for a period other than the one being created");
});

test("the movement since T1: the drift's prognos change, statuses that rose or fell, and what got worse", async () => {
  const keys = await answerT1();
  const { file } = await generateDelar(ksFile());
  await editWorkbook(file, (w) => {
    const sheet = w.getWorksheet("KS Delår 2024")!;
    typeAnswer(sheet, keys.answered, "Genomfört", null);
    typeAnswer(sheet, keys.goal, "Ej uppfyllt", "Insatserna räckte inte.");
    rowByKey(sheet, DRIFT_KEY)!.getCell(ECONOMY_COL.forecast + 1).value = 1700;
  });
  const delar = { period: settings.periods[1], year: 2024 };
  const grids = (await readWorkbookFile(file)).grids;
  const result = consolidate(plan, [{ file: "delar.xlsx", grids, modified: null, master: true }], settings, delar);
  const t1 = [{ source: "KS-T1-2024.xlsx", grids: (await readWorkbookFile(ksFile())).grids }];
  const { previous, findings } = readPreviousPeriod(plan, t1, settings, delar);
  expect(findings).toEqual([]);
  const movement = movementSince(result, previous!, settings);
  expect(movement.since).toBe("T1 2024");
  const id = (key: string) => key.slice(key.indexOf("|") + 1);
  expect(movement.rows.map((r) => [r.kind, r.id, r.before, r.now, r.direction])).toEqual([
    ["goal", id(keys.goal), "Delvis uppfyllt", "Ej uppfyllt", "fell"],
    ["assignment", id(keys.answered), "Påbörjat", "Genomfört", "rose"],
  ]);
  expect(movement.forecasts).toEqual([
    { committee: "KS", beforeOre: 150_000_000, nowOre: 170_000_000, changeOre: 20_000_000 },
  ]);
  expect(movement.worse.rows.map((r) => r.id)).toEqual([id(keys.goal)]);
  expect(movement.worse.forecasts.map((f) => f.committee)).toEqual(["KS"]);

  // consolidate --previous: the report's Förändring sheet, what got worse first.
  const out = path.join(dir, "rapport.xlsx");
  const run = await cli("consolidate", file, "--out", out, "--previous", ksFile());
  expect(run.code).toBe(0);
  const sheet = await sheetOf(out, "Förändring");
  const rows: (string | number | null)[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 3) rows.push([1, 2, 3, 4, 5, 6, 7].map((c) => row.getCell(c).value as string | number | null));
  });
  const goalTitle = plan.goals.find((g) => g.id === id(keys.goal))!.name;
  const assignmentTitle = plan.assignments.find((a) => a.id === id(keys.answered))!.title;
  expect(rows).toEqual([
    ["KS", "Drift", "Prognos helår (tkr)", 1500, 1700, "+200\u00a0tkr", "Ja"],
    ["KS", "Mål", goalTitle, "Delvis uppfyllt", "Ej uppfyllt", "Sämre", "Ja"],
    ["KS", "Uppdrag", assignmentTitle, "Påbörjat", "Genomfört", "Bättre", null],
  ]);
  expect(text(sheet.getCell("D3"))).toBe("T1 2024");
});
