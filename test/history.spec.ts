/**
 * History that survives: T1, Delår and Helår of one year through the CLI, each consolidation given the report before
 * it as --previous. Each report keeps every period so far in its very hidden history sheet, earlier periods' rows
 * exactly as their own reports wrote them; a Delår consolidated again replaces Delår's rows only; the Historik sheet
 * shows T1 → Delår → Helår for every row, printed on A4 (LibreOffice); the plan reader passes the history over; a row
 * someone broke is a finding.
 */
import Ajv from "ajv";
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import schema from "../docs/schemas/consolidate-output.schema.json";
import type { ConsolidateOutput } from "../src/cli/consolidate";
import { HISTORY_REPORT_SHEET } from "../src/domain/followup/historyReport";
import { HISTORY_MARKER, HISTORY_SHEET } from "../src/domain/followup/history";
import { DRIFT_KEY } from "../src/domain/followup/ledger";
import { COL, ECONOMY_COL, rowKey } from "../src/domain/followup/model";
import { Plan } from "../src/domain/model";
import { readPlanWithSettings } from "../src/domain/planRead";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { convertWithLibreOffice } from "./support/libreoffice";
import { CARLITO_LINE, pageSizes, pageText, wordHeights } from "./support/pdf";
import {
  EXAMPLES,
  HISTORIK_2024_HEADERS,
  SheetRow,
  cli,
  editWorkbook,
  followUpFiles,
  rowByKey,
  sheetRows,
  typeAnswer,
} from "./support/workbooks";

const PLAN = path.join(EXAMPLES, "ostersund-2024-mall.xlsx");

type Row = SheetRow;

let dir: string;
let plan: Plan;
let keys: { goal: string; assignment: string; adjustment: string };
/** The reports of T1, Delår and Helår, each made with the one before as --previous, and their --json. */
const reports: Record<"t1" | "delar" | "helar", { file: string; json: ConsolidateOutput }> = {} as never;
let delarMaster: string;
let t1Master: string;

/** Types answers on a nämnd's sheet; `drift` is the drift's prognos helår (E), or at Helår its utfall (D). */
async function answer(file: string, sheet: string, typed: [string, string | number, string | null][], drift?: number) {
  await editWorkbook(file, (w) => {
    const ws = w.getWorksheet(sheet)!;
    for (const [key, input, comment] of typed) typeAnswer(ws, key, input, comment);
    if (drift === undefined) return;
    const col = sheet.includes("Helår") ? ECONOMY_COL.outcome : ECONOMY_COL.forecast;
    rowByKey(ws, DRIFT_KEY)!.getCell(col + 1).value = drift;
  });
}

async function consolidate(file: string, out: string, ...previous: string[]) {
  const run = await cli("consolidate", file, "--out", out, "--json", ...previous.flatMap((p) => ["--previous", p]));
  if (run.code !== 0) throw new Error(`consolidate ${path.basename(out)}: ${run.code}\n${run.out}\n${run.err}`);
  return { file: out, json: JSON.parse(run.out) as ConsolidateOutput };
}

async function generate(from: string, period: string, out: string, previous: string) {
  const run = await cli("generate", from, "--period", period, "--year", "2024", "--out", out, "--previous", previous);
  if (run.code !== 0) throw new Error(`generate ${period}: ${run.code}\n${run.out}\n${run.err}`);
}

/** The history's rows (under the marker and the headers): period, year, kind, nämnd, key, kind, title, answers. */
const historyRows = (file: string) => sheetRows(file, HISTORY_SHEET, 3);
const ofPeriod = (rows: Row[], period: string) => rows.filter((row) => row[0] === period);

beforeAll(async () => {
  const files = await followUpFiles("history", PLAN);
  dir = files.dir;
  t1Master = files.master;
  plan = readPlanWithSettings((await readWorkbookFile(PLAN)).grids).plan;
  keys = {
    goal: `goal|${plan.goals.find((g) => g.committee === "KS")!.id}`,
    assignment: `assignment|${plan.assignments.find((a) => a.committees.includes("KS"))!.id}`,
    adjustment: `adjustment|${plan.adjustments.find((a) => a.committee === "KS")!.id}`,
  };
  // T1, in the master.
  await answer(
    files.master,
    "KS T1 2024",
    [
      [keys.goal, "Delvis uppfyllt", "Fler insatser behövs."],
      [keys.assignment, "Påbörjat", "Upphandling pågår."],
      [keys.adjustment, 180, "Högre kostnader."],
    ],
    1500,
  );
  reports.t1 = await consolidate(files.master, path.join(dir, "rapport-t1.xlsx"));
  // Delår from the master, T1 beside it from T1's report; KS's answers change.
  delarMaster = path.join(dir, "delar.xlsx");
  await generate(files.master, "Delår", delarMaster, reports.t1.file);
  await answer(
    delarMaster,
    "KS Delår 2024",
    [
      [keys.goal, "Ej uppfyllt", "Insatserna räckte inte."],
      [keys.assignment, "Genomfört", null],
    ],
    1700,
  );
  reports.delar = await consolidate(delarMaster, path.join(dir, "rapport-delar.xlsx"), reports.t1.file);
  // Helår, with Delår's report.
  const helar = path.join(dir, "helar.xlsx");
  await generate(delarMaster, "Helår", helar, reports.delar.file);
  await answer(
    helar,
    "KS Helår 2024",
    [
      [keys.goal, "Uppfyllt", null],
      [keys.adjustment, 175, "Lägre än befarat."],
    ],
    1650,
  );
  reports.helar = await consolidate(helar, path.join(dir, "rapport-helar.xlsx"), reports.delar.file);
}, 240_000);
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

test("each report keeps every period so far; Helår's holds T1's and Delår's rows exactly as their reports wrote them", async () => {
  const [t1, delar, helar] = await Promise.all(
    [reports.t1, reports.delar, reports.helar].map((r) => historyRows(r.file)),
  );
  expect([...new Set(t1.map((r) => r[0]))]).toEqual(["T1"]);
  expect([...new Set(delar.map((r) => r[0]))]).toEqual(["T1", "Delår"]);
  expect([...new Set(helar.map((r) => r[0]))]).toEqual(["T1", "Delår", "Helår"]);
  expect(ofPeriod(helar, "T1")).toEqual(t1);
  expect(ofPeriod(helar, "Delår")).toEqual(ofPeriod(delar, "Delår"));
  // What T1 holds: KS's answers as typed, figures in tkr, with the period's kind; and every uppdrag nobody answered.
  const title = (key: string) => t1.find((r) => r[3] === key)?.[4];
  const answered = t1.filter((r) => r[5] !== null || r[6] !== null || r[8] !== null);
  // Period, year, nämnd, key, (title,) answer, comment, earlier years, utfall, the period's kind, the row's, since.
  expect(answered.map((r) => [...r.slice(0, 4), ...r.slice(5)])).toEqual([
    ["T1", 2024, "KS", keys.goal, "Delvis uppfyllt", "Fler insatser behövs.", null, null, "prognos", "goal", null],
    ["T1", 2024, "KS", keys.assignment, "Påbörjat", "Upphandling pågår.", null, null, "prognos", "assignment", null],
    ["T1", 2024, "KS", keys.adjustment, 180, "Högre kostnader.", null, null, "prognos", "adjustment", null],
    ["T1", 2024, "KS", DRIFT_KEY, 1500, null, null, null, "prognos", "economy", null],
  ]);
  // The rest: each nämnd's uppdrag nobody answered, kept because a year's end carries them on (carried.ts).
  const unanswered = t1.filter((r) => !answered.includes(r));
  const planned = plan.assignments.flatMap((a) => a.committees.map((c) => `${c} ${rowKey("assignment", a.id)}`));
  expect(unanswered.map((r) => `${r[2]} ${r[3]}`).sort()).toEqual(
    planned.filter((k) => k !== `KS ${keys.assignment}`).sort(),
  );
  expect(new Set(unanswered.map((r) => [r[0], r[1], r[9], r[10]].join(" ")))).toEqual(
    new Set(["T1 2024 prognos assignment"]),
  );
  expect(title(keys.goal)).toBe(plan.goals.find((g) => `goal|${g.id}` === keys.goal)!.name);
  // Helår's figures are the year's utfall: the drift's in Utfall, no prognos.
  const drift = ofPeriod(helar, "Helår").find((r) => r[3] === DRIFT_KEY)!;
  expect([...drift.slice(5), drift[2]]).toEqual([null, null, null, 1650, "utfall", "economy", null, "KS"]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(reports.helar.file);
  const sheet = workbook.getWorksheet(HISTORY_SHEET)!;
  expect([sheet.state, sheet.getCell("A1").value]).toEqual(["veryHidden", HISTORY_MARKER]);
});

test("generate --previous with a report shows the history's newest period beside the new input", async () => {
  const delar = await sheetRows(delarMaster, "KS Delår 2024", 1);
  const goal = delar.find((r) => r[COL.key] === keys.goal)!;
  // T1 beside Delår's own answer, which KS typed after.
  expect([goal[COL.extra], goal[COL.input]]).toEqual(["Delvis uppfyllt – Fler insatser behövs.", "Ej uppfyllt"]);
});

test("--json tells the movement since the previous period and the history's periods, as the schema says", () => {
  const validate = new Ajv({ allErrors: true }).compile(schema);
  for (const { json } of Object.values(reports)) expect(validate(json) ? [] : validate.errors).toEqual([]);
  expect(reports.t1.json.movement).toBeNull();
  expect(reports.t1.json.history).toEqual({
    sheet: HISTORY_SHEET,
    periods: [{ period: "T1", periodKind: "prognos", year: 2024, answers: 4 }],
  });
  const id = (key: string) => key.slice(key.indexOf("|") + 1);
  expect(reports.delar.json.movement).toEqual({
    since: "T1 2024",
    forecasts: [{ committee: "KS", beforeTkr: 1500, nowTkr: 1700, changeTkr: 200, worse: true }],
    rows: [
      expect.objectContaining({
        kind: "goal",
        id: id(keys.goal),
        before: "Delvis uppfyllt",
        now: "Ej uppfyllt",
        direction: "fell",
        worse: true,
      }),
      expect.objectContaining({
        kind: "assignment",
        id: id(keys.assignment),
        before: "Påbörjat",
        now: "Genomfört",
        direction: "rose",
        worse: false,
      }),
    ],
  });
  expect(reports.helar.json.movement?.since).toBe("Delår 2024");
  expect(reports.helar.json.history.periods.map((p) => [p.period, p.periodKind, p.answers])).toEqual([
    ["T1", "prognos", 4],
    ["Delår", "prognos", 3],
    ["Helår", "utfall", 3],
  ]);
});

test("the Historik sheet shows each answered row's T1 → Delår → Helår", async () => {
  const [headers] = await sheetRows(reports.helar.file, HISTORY_REPORT_SHEET, 3);
  expect(headers).toEqual(HISTORIK_2024_HEADERS);
  const rows = await sheetRows(reports.helar.file, HISTORY_REPORT_SHEET, 4);
  const goalTitle = plan.goals.find((g) => `goal|${g.id}` === keys.goal)!.name;
  expect(rows.find((r) => r[2] === goalTitle)).toEqual([
    "KS",
    "Mål",
    goalTitle,
    "Delvis uppfyllt",
    "Fler insatser behövs.",
    "Ej uppfyllt",
    "Insatserna räckte inte.",
    "Uppfyllt",
    null,
  ]);
  const drift = rows.find((r) => r[1] === "Drift")!;
  expect(drift.slice(3)).toEqual([1500, null, 1700, null, 1650, null]);
  // T1's report has no Historik: its history holds T1 alone.
  const t1 = new ExcelJS.Workbook();
  await t1.xlsx.readFile(reports.t1.file);
  expect(t1.getWorksheet(HISTORY_REPORT_SHEET)).toBeUndefined();
});

test("consolidating Delår again replaces Delår's rows only: T1's and Helår's stay as they were", async () => {
  await answer(delarMaster, "KS Delår 2024", [[keys.assignment, "Påbörjat", "Inte klart ändå."]]);
  const again = await consolidate(delarMaster, path.join(dir, "rapport-delar-igen.xlsx"), reports.helar.file);
  const [before, after] = await Promise.all([historyRows(reports.helar.file), historyRows(again.file)]);
  expect(ofPeriod(after, "T1")).toEqual(ofPeriod(before, "T1"));
  expect(ofPeriod(after, "Helår")).toEqual(ofPeriod(before, "Helår"));
  const assignment = (rows: Row[]) =>
    ofPeriod(rows, "Delår")
      .find((r) => r[3] === keys.assignment)!
      .slice(5, 9);
  // Answer, comment, earlier years, utfall.
  expect([assignment(before), assignment(after)]).toEqual([
    ["Genomfört", null, null, null],
    ["Påbörjat", "Inte klart ändå.", null, null],
  ]);
  // The Förändring compares with the newest period before Delår the history holds, not the later Helår.
  expect(again.json.movement?.since).toBe("T1 2024");
});

test("a history row someone broke is a finding at its cell; every other row is kept", async () => {
  const broken = path.join(dir, "rapport-helar-trasig.xlsx");
  await fs.copyFile(reports.helar.file, broken);
  const rows = await historyRows(broken);
  const at = rows.findIndex((r) => r[0] === "T1" && r[3] === keys.goal);
  await editWorkbook(broken, (w) => {
    w.getWorksheet(HISTORY_SHEET)!.getCell(`B${at + 3}`).value = "tjugo";
  });
  const run = await cli(
    "consolidate",
    path.join(dir, "helar.xlsx"),
    "--out",
    path.join(dir, "ny.xlsx"),
    "--json",
    "--previous",
    broken,
  );
  const json = JSON.parse(run.out) as ConsolidateOutput;
  const found = json.findings.filter((f) => f.rule === "followup-history-unreadable");
  expect(found.map((f) => [f.file, f.sheet, f.cell, f.severity])).toEqual([
    [path.basename(broken), HISTORY_SHEET, `B${at + 3}`, "warning"],
  ]);
  expect(found[0].message).toContain('År: "tjugo"');
  const kept = await historyRows(path.join(dir, "ny.xlsx"));
  expect(kept).toEqual(rows.filter((_, i) => i !== at));
});

test("the plan read passes a history sheet over: the same plan and findings with it as without", async () => {
  const planGrids = (await readWorkbookFile(PLAN)).grids;
  const history = (await readWorkbookFile(reports.helar.file)).grids.find((g) => g.sheet === HISTORY_SHEET)!;
  const without = readPlanWithSettings(planGrids);
  const withHistory = readPlanWithSettings([...planGrids, history]);
  expect(withHistory.plan).toEqual(without.plan);
  expect(withHistory.findings).toEqual(without.findings);
  expect(withHistory.sheets).toContainEqual({ sheet: HISTORY_SHEET, layout: "ignored" });
});

test("without --json the summary says which periods the report's history holds, in the user's language", async () => {
  const helar = path.join(dir, "helar.xlsx");
  const sv = await cli("consolidate", helar, "--out", path.join(dir, "sv.xlsx"), "--previous", reports.delar.file);
  expect(sv.out).toContain("Historiken i rapporten har T1 2024, Delår 2024 och Helår 2024.\nRapporten är sparad:");
  const en = await cli(
    "consolidate",
    helar,
    "--out",
    path.join(dir, "en.xlsx"),
    "--previous",
    reports.delar.file,
    "--lang",
    "en",
  );
  expect(en.out).toContain("The report's history holds T1 2024, Delår 2024 and Helår 2024.");
});

test("the Historik sheet prints on A4 with the title on every page and no text under 8 pt (LibreOffice)", async () => {
  const [pdf] = await convertWithLibreOffice(reports.helar.file, "pdf", path.join(dir, "pdf"), 120_000);
  const sizes = pageSizes(pdf);
  const pages = sizes.map((_, page) => page).filter((page) => pageText(pdf, page).includes("Svar per period"));
  expect(pages.length).toBeGreaterThan(0);
  for (const page of pages) {
    expect(sizes[page]).toMatch(/^841\.\d+ x 595\.\d+ pts \(A4\)$/);
    expect(pageText(pdf, page).trimStart().startsWith("Svar per period, T1 2024 – Helår 2024")).toBe(true);
  }
  const words = wordHeights(pdf).filter((w) => pages.includes(w.page));
  expect(words.some((w) => w.word === "Uppfyllt")).toBe(true);
  const smallest = Math.min(...words.map((w) => w.height));
  expect(smallest / CARLITO_LINE).toBeGreaterThanOrEqual(8);
}, 180_000);

test("a T1 master as --previous puts T1 into the history as T1's report has it", async () => {
  const report = await consolidate(delarMaster, path.join(dir, "rapport-delar-huvudfil.xlsx"), t1Master);
  const [fromMaster, fromReport] = await Promise.all([historyRows(report.file), historyRows(reports.delar.file)]);
  // The same answers; only a ramjustering's title is as its sheet shows it ("Ramökning 2024"), the report's longer.
  const untitled = (rows: Row[]) => ofPeriod(rows, "T1").map((r) => [...r.slice(0, 4), ...r.slice(5)]);
  expect(untitled(fromMaster)).toEqual(untitled(fromReport));
  // KS's four answers, and the uppdrag nobody answered (the same whether read from the sheets or the report).
  const answered = (rows: Row[]) => rows.filter((r) => r[4] !== null || r[5] !== null || r[7] !== null);
  expect(answered(untitled(fromMaster))).toHaveLength(4);
  const planned = plan.assignments.reduce((sum, a) => sum + a.committees.length, 0);
  expect(untitled(fromMaster)).toHaveLength(4 + planned - 1);
  expect(report.json.movement?.since).toBe("T1 2024");
});
