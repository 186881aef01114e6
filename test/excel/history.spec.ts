/**
 * The history in the open workbook, on the strict stand-in: T1, Delår and Helår generated and consolidated in one
 * workbook keep every period's answers in its very hidden history sheet, as the CLI's reports do
 * (test/history.spec.ts); reading the plan reads only the history's A1, however large it grows; consolidating reads
 * it whole, in blocks within the response budget.
 */
import * as path from "path";
import { DRIFT_KEY } from "../../src/domain/followup/ledger";
import { HISTORY_MARKER, HISTORY_SHEET } from "../../src/domain/followup/history";
import { HISTORY_REPORT_SHEET } from "../../src/domain/followup/historyReport";
import { COL, ECONOMY_COL } from "../../src/domain/followup/model";
import { readPlanWithSettings } from "../../src/domain/planRead";
import { DEFAULT_SETTINGS, findPeriod } from "../../src/domain/settings";
import { consolidateInWorkbook, generateFollowUp, validateOpenWorkbook } from "../../src/hosts/excel/openWorkbook";
import type { SheetModel, StandIn } from "../../src/hosts/standin";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { EXAMPLES } from "../support/workbooks";
import { standInFromGrids } from "./support";

const PLAN = path.join(EXAMPLES, "ostersund-2024-mall.xlsx");
const period = (name: string) => findPeriod(DEFAULT_SETTINGS, name)!;

type Row = (string | number | boolean | null)[];

/** The sheet's cells from 0-based row `from` on, `columns` wide, as values. */
function rowsOf(sheet: SheetModel, from: number, columns: number): Row[] {
  const rows: Row[] = [];
  for (let r = from; sheet.cell(r, 0) !== undefined && sheet.cell(r, 0)!.value !== null; r++) {
    rows.push(Array.from({ length: columns }, (_, c) => (sheet.cell(r, c)?.value ?? null) as Row[number]));
  }
  return rows;
}

/** Types into the row whose key (column A) is `key`: at `col`, and a comment in H unless none. */
function type(sheet: SheetModel, key: string, col: number, value: string | number, comment?: string): void {
  for (let r = 0; r < 2000; r++) {
    if (sheet.cell(r, COL.key)?.value !== key) continue;
    sheet.at(r, col).value = value;
    if (comment !== undefined) sheet.at(r, COL.comment).value = comment;
    return;
  }
  throw new Error(`no row ${key} on ${sheet.name}`);
}

async function generateAndConsolidate(standIn: StandIn, name: string, answer: (sheet: SheetModel) => void) {
  const generated = await standIn.run((context) =>
    generateFollowUp(context, { period: period(name), year: 2024, due: null, planName: "plan.xlsx" }),
  );
  if (!generated.written) throw new Error("not generated");
  answer(standIn.workbook.sheet(`KS ${name} 2024`));
  const before = standIn.syncCount;
  const result = await standIn.run((context) =>
    consolidateInWorkbook(context, { planName: "plan.xlsx", returned: [], language: "sv" }),
  );
  if (!result.written) throw new Error("not consolidated");
  return { result, syncs: standIn.syncCount - before };
}

test("three consolidations in one workbook keep T1 → Delår → Helår; reading the plan reads only the history's A1", async () => {
  const grids = (await readWorkbookFile(PLAN)).grids;
  const standIn = standInFromGrids(grids);
  const plan = readPlanWithSettings(grids).plan;
  const goal = `goal|${plan.goals.find((g) => g.committee === "KS")!.id}`;

  const t1 = await generateAndConsolidate(standIn, "T1", (sheet) => {
    type(sheet, goal, COL.input, "Delvis uppfyllt", "Fler insatser behövs.");
    type(sheet, DRIFT_KEY, ECONOMY_COL.forecast, 1500);
  });
  expect(t1.syncs).toBe(3);
  expect(t1.result.movement).toBeNull();
  expect(t1.result.sheets).not.toContain(HISTORY_SHEET);
  const history = () => standIn.workbook.sheet(HISTORY_SHEET);
  expect([history().visibility, history().cell(0, 0)?.value]).toEqual(["VeryHidden", HISTORY_MARKER]);
  const t1Rows = rowsOf(history(), 2, 12);
  const answered = (rows: Row[]) => rows.filter((r) => r[5] !== null || r[6] !== null || r[8] !== null);
  expect(answered(t1Rows).map((r) => [r[0], r[2], r[3], r[5], r[6]])).toEqual([
    ["T1", "KS", goal, "Delvis uppfyllt", "Fler insatser behövs."],
    ["T1", "KS", DRIFT_KEY, 1500, null],
  ]);
  // The rest: the uppdrag nobody answered, kept for the year's end (carried.ts).
  const unanswered = t1Rows.filter((r) => !answered(t1Rows).includes(r));
  expect(unanswered.length).toBeGreaterThan(0);
  expect(new Set(unanswered.map((r) => r[10]))).toEqual(new Set(["assignment"]));

  const delar = await generateAndConsolidate(standIn, "Delår", (sheet) => {
    type(sheet, goal, COL.input, "Ej uppfyllt", "Insatserna räckte inte.");
    type(sheet, DRIFT_KEY, ECONOMY_COL.forecast, 1700);
  });
  // The workbook's own history is read without being asked: the Förändring compares with T1.
  expect(delar.result.movement?.since).toBe("T1 2024");
  expect(delar.result.movement?.forecasts).toEqual([
    { committee: "KS", beforeOre: 150_000_000, nowOre: 170_000_000, changeOre: 20_000_000 },
  ]);
  expect(delar.result.sheets).toContain(HISTORY_REPORT_SHEET);

  const helar = await generateAndConsolidate(standIn, "Helår", (sheet) => {
    type(sheet, goal, COL.input, "Uppfyllt");
    type(sheet, DRIFT_KEY, ECONOMY_COL.outcome, 1650);
  });
  expect(helar.syncs).toBe(3);
  expect(helar.result.history.periods.map((p) => [p.period, p.answers])).toEqual([
    ["T1", 2],
    ["Delår", 2],
    ["Helår", 2],
  ]);
  // One history sheet, T1's rows as the first consolidation wrote them.
  expect(standIn.workbook.sheets.filter((s) => s.name.startsWith(HISTORY_SHEET))).toHaveLength(1);
  const all = rowsOf(history(), 2, 12);
  expect(all.filter((r) => r[0] === "T1")).toEqual(t1Rows);
  expect(answered(all.filter((r) => r[0] === "Helår")).map((r) => [r[9], r[3], r[5], r[8]])).toEqual([
    ["utfall", goal, "Uppfyllt", null],
    ["utfall", DRIFT_KEY, null, 1650],
  ]);
  const shown = standIn.workbook.sheet(HISTORY_REPORT_SHEET);
  const goalRow = rowsOf(shown, 3, 9).find((r) => r[1] === "Mål")!;
  expect(goalRow.slice(3)).toEqual([
    "Delvis uppfyllt",
    "Fler insatser behövs.",
    "Ej uppfyllt",
    "Insatserna räckte inte.",
    "Uppfyllt",
    null,
  ]);

  // Reading the plan: the history's A1 alone, the plan as before.
  const validation = await standIn.run((context) => validateOpenWorkbook(context));
  expect(validation.workbook.onlyA1).toEqual([HISTORY_SHEET]);
  expect(validation.workbook.grids.find((g) => g.sheet === HISTORY_SHEET)!.values).toEqual([
    [HISTORY_MARKER, ...Array(11).fill(null)],
  ]);
  expect(validation.plan).toEqual(plan);
});

test("a large history: the plan's read stays at 2 syncs; consolidation reads it whole, in blocks within the budget", async () => {
  const grids = (await readWorkbookFile(PLAN)).grids;
  const standIn = standInFromGrids(grids);
  const budgetBytes = 300_000;
  // A T1 and a Delår of 4 000 answers each, as an earlier consolidation would have left them.
  const sheet = standIn.workbook.addSheet(HISTORY_SHEET, "VeryHidden");
  sheet.put("A1", HISTORY_MARKER);
  const rows = 8000;
  for (let i = 0; i < rows; i++) {
    const [name, kind] = i < rows / 2 ? ["T1", "prognos"] : ["Delår", "prognos"];
    const key = `assignment|X${i % (rows / 2)}`;
    const comment = `Kommentar till uppdrag ${i}, som tar lite plats.`;
    const cells = [name, 2024, "KS", key, `Uppdrag ${i}`, "Påbörjat", comment, null, null, kind, "assignment", null];
    cells.forEach((value, c) => value !== null && (sheet.at(2 + i, c).value = value));
  }
  const before = standIn.syncCount;
  const validation = await standIn.run((context) => validateOpenWorkbook(context, undefined, { budgetBytes }));
  expect(standIn.syncCount - before).toBe(2);
  expect(validation.workbook.onlyA1).toEqual([HISTORY_SHEET]);

  const generated = await standIn.run((context) =>
    generateFollowUp(context, { period: period("Helår"), year: 2024, due: null, planName: "plan.xlsx" }),
  );
  expect(generated.written).toBe(true);
  standIn.log.length = 0;
  const result = await standIn.run((context) =>
    consolidateInWorkbook(context, { planName: "plan.xlsx", returned: [], language: "sv" }, { budgetBytes }),
  );
  if (!result.written) throw new Error("not consolidated");
  // The history did not fit the budget's first response: more syncs read it, none answered over the budget.
  expect(result.validation.workbook.syncs).toBeGreaterThan(2);
  expect(standIn.log.filter((s) => s.error)).toEqual([]);
  expect(Math.max(...standIn.log.map((s) => s.responseBytes))).toBeLessThanOrEqual(budgetBytes);
  // Every earlier row is there again, untouched.
  const kept = rowsOf(standIn.workbook.sheet(HISTORY_SHEET), 2, 12);
  expect(kept.filter((r) => r[0] !== "Helår")).toHaveLength(rows);
  expect(kept[rows - 1]).toEqual([
    "Delår",
    2024,
    "KS",
    `assignment|X${rows / 2 - 1}`,
    `Uppdrag ${rows - 1}`,
    "Påbörjat",
    `Kommentar till uppdrag ${rows - 1}, som tar lite plats.`,
    null,
    null,
    "prognos",
    "assignment",
    null,
  ]);
  expect(result.history.periods.map((p) => [p.period, p.answers])).toEqual([
    ["T1", rows / 2],
    ["Delår", rows / 2],
    ["Helår", 0],
  ]);
});

test("generate with previousInWorkbook shows T1 from the workbook's history, its T1 sheets gone", async () => {
  const grids = (await readWorkbookFile(PLAN)).grids;
  const standIn = standInFromGrids(grids);
  const plan = readPlanWithSettings(grids).plan;
  const goal = `goal|${plan.goals.find((g) => g.committee === "KS")!.id}`;
  await generateAndConsolidate(standIn, "T1", (sheet) => {
    type(sheet, goal, COL.input, "Delvis uppfyllt", "Fler insatser behövs.");
  });
  // Only the history holds T1's answers now.
  for (const sheet of standIn.workbook.sheets.filter((s) => s.name.endsWith("T1 2024"))) standIn.workbook.remove(sheet);
  const request = { period: period("Delår"), year: 2024, due: null, planName: "plan.xlsx" };
  const shownOnGoal = async (previousInWorkbook: boolean) => {
    const result = await standIn.run((context) => generateFollowUp(context, { ...request, previousInWorkbook }));
    if (!result.written) throw new Error("not generated");
    const sheet = standIn.workbook.sheet("KS Delår 2024");
    const row = rowsOf(sheet, 0, 8).findIndex((r) => r[COL.key] === goal);
    return { shown: sheet.cell(row, COL.extra)?.value ?? null, findings: result.followUp.findings.map((f) => f.rule) };
  };
  expect(await shownOnGoal(true)).toEqual({ shown: "Delvis uppfyllt – Fler insatser behövs.", findings: [] });
  // Without it the workbook is not read as the earlier period: nothing is shown.
  expect(await shownOnGoal(false)).toEqual({ shown: null, findings: [] });
});
