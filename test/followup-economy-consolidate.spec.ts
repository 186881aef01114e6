/**
 * Consolidation of the Ekonomi sections: the figures read to the öre, the findings (a figure that is no number, one
 * far off the budget, a kommentar or åtgärder missing where required), and the report's Driftredovisning with the
 * nämnder that have not answered as "Ej inkommet" (never 0), totals over what was given, recalculated by LibreOffice
 * and set up for A4.
 */
import Ajv from "ajv";
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { consolidate } from "../src/domain/followup/consolidate";
import { DRIFT_SHEET, INVESTMENT_SHEET, NOT_RECEIVED } from "../src/domain/followup/economyReport";
import { followUpSheets } from "../src/domain/followup/generate";
import { COL, ECONOMY_COL } from "../src/domain/followup/model";
import { reportFigures, reportWorkbook } from "../src/domain/followup/report";
import { ASSIGNMENTS_SHEET, GOALS_SHEET } from "../src/domain/followup/reportCommittees";
import { CHART_SHEET } from "../src/domain/followup/reportCharts";
import { Plan } from "../src/domain/model";
import { DEFAULT_SETTINGS, Settings } from "../src/domain/settings";
import { workbookBuffer } from "../src/hosts/xlsx/write";
import { findingMessage } from "../src/i18n/findings";
import { GOAL_ATTAINMENT_SHEET } from "../src/domain/followup/goalAttainmentSheet";
import { GOAL_REPORT_WORDS } from "../src/i18n/goalReport";
import { CellValue, Grid, cellName } from "../src/sheet/grid";
import { TKR, economyPlan, gridOf, options } from "./support/economy";
import type { ConsolidateOutput } from "../src/cli/consolidate";
import schema from "../docs/schemas/consolidate-output.schema.json";
import { LibreOffice, loCell, loSheet, startLibreOffice } from "./support/libreoffice";

function plan(): Plan {
  const p = economyPlan();
  p.committees.push({ code: "SN", name: "Socialnämnden", kind: "committee" });
  p.budgets.push(
    { id: "B3", committee: "BUN", year: 2025, amountOre: 50_000 * TKR, kind: "frame", description: null },
    { id: "B4", committee: "SN", year: 2025, amountOre: 30_000 * TKR, kind: "frame", description: null },
  );
  return p;
}

/** Each nämnd's generated sheet with `typed` put in: key → column → value. */
function returned(
  p: Plan,
  typed: Record<string, Record<string, Record<number, CellValue>>>,
  settings: Settings = DEFAULT_SETTINGS,
  period = DEFAULT_SETTINGS.periods[0],
) {
  return followUpSheets(p, options({ settings, period })).map(({ committee, spec }) => {
    const grid: Grid = gridOf(spec);
    for (const row of grid.values) {
      for (const [col, value] of Object.entries(typed[committee.code]?.[String(row[COL.key])] ?? {})) {
        while (row.length <= Number(col)) row.push(null);
        row[Number(col)] = value;
      }
    }
    return { file: `${committee.code}.xlsx`, grids: [grid], modified: null, master: false };
  });
}

const { outcome: D, forecast: E, comment: H } = ECONOMY_COL;
const TYPED = {
  KS: {
    "economy|drift": { [D]: 40_000, [E]: 125_000, [H]: "Fler placeringar än budgeterat." },
    "investment|I1": { [E]: "tio" },
    "investment|I3": { [E]: 10_000_000, [H]: "Skrivet i kronor." },
    "measures|I3": { [H]: "Inga." },
  },
  BUN: { "economy|drift": { [D]: 12_000.5, [E]: 48_000 } },
};

const consolidated = (p: Plan, settings: Settings = DEFAULT_SETTINGS) =>
  consolidate(p, returned(p, TYPED, settings), settings, { period: DEFAULT_SETTINGS.periods[0], year: 2025 });

// One soffice for the file's recalculations and its PDF (starting it is most of what each costs).
let office: LibreOffice | null = null;
const libreOffice = (): LibreOffice => {
  if (!office) throw new Error("LibreOffice was not started");
  return office;
};
beforeAll(async () => {
  office = await startLibreOffice();
}, 60_000);
afterAll(async () => {
  await office?.close();
});

/**
 * The report's sheets when the plan gives drift and investment budgets: the two statements after Översikt, then the
 * charts, Måluppfyllelse and the counts per nämnd.
 */
const REPORT_SHEETS = [
  "Översikt",
  DRIFT_SHEET,
  INVESTMENT_SHEET,
  CHART_SHEET,
  GOAL_ATTAINMENT_SHEET,
  // No Ramjusteringar per nämnd: the plan has none.
  GOALS_SHEET,
  ASSIGNMENTS_SHEET,
  "Svar",
  "Saknas",
  "Fynd",
];

test("the figures are read to the öre, with the plan's budget; a nämnd that did not answer has none", () => {
  const result = consolidated(plan());
  const economy = (code: string) => result.committees.find((c) => c.committee.code === code)!.economy;
  expect(economy("KS")[0]).toEqual({
    kind: "economy",
    id: "drift",
    title: expect.stringContaining("Driftbudget"),
    budgetOre: 120_000 * TKR,
    outcomeOre: 40_000 * TKR,
    outcomeFromLedger: false,
    forecastOre: 125_000 * TKR,
    comment: "Fler placeringar än budgeterat.",
    measures: null,
  });
  expect(economy("KS").map((e) => [e.id, e.forecastOre])).toEqual([
    ["drift", 125_000 * TKR],
    ["I1", null],
    ["I3", 10_000_000 * TKR],
  ]);
  expect(economy("BUN")[0]).toMatchObject({
    budgetOre: 50_000 * TKR,
    outcomeOre: 1_200_050_000,
    forecastOre: 48_000 * TKR,
  });
  expect(economy("SN")[0]).toMatchObject({ budgetOre: 30_000 * TKR, outcomeOre: null, forecastOre: null });
  expect(result.committees.find((c) => c.committee.code === "SN")!.answered).toBe(false);
});

test("at Helår an utfall off by more than half the budget is said as the utfall it is, in both languages", () => {
  const p = plan();
  const helar = DEFAULT_SETTINGS.periods.find((period) => period.kind === "outcome")!;
  const typed = { KS: { "economy|drift": { [D]: 120_000_000, [H]: "Skrivet i kronor." } } };
  const result = consolidate(p, returned(p, typed, DEFAULT_SETTINGS, helar), DEFAULT_SETTINGS, {
    period: helar,
    year: 2025,
  });
  const implausible = result.findings.find((f) => f.rule === "followup-economy-implausible")!;
  expect(findingMessage(implausible)).toMatch(/^Utfallet 120\u00a0000\u00a0000 tkr avviker från budgeten/);
  expect(findingMessage(implausible, "en")).toMatch(/^The outcome 120,000,000 tkr deviates from the budget/);
});

test("findings: a prognos that is no number, one off by more than half the budget, a kommentar or åtgärder missing", () => {
  const p = plan();
  const result = consolidated(p);
  const sheet = followUpSheets(p, options()).find((s) => s.committee.code === "KS")!.spec;
  const rowOf = (code: string, key: string) => {
    const spec = followUpSheets(p, options()).find((s) => s.committee.code === code)!.spec;
    return spec.blocks[0].rows.findIndex((row) => row[COL.key]?.value === key);
  };
  const found = result.findings
    .filter((f) => f.rule.startsWith("followup-economy") || f.rule === "followup-amount-invalid")
    .map((f) => [f.file, f.cell, f.rule, f.params.what ?? f.params.value ?? ""]);
  expect(found).toEqual(
    expect.arrayContaining([
      ["KS.xlsx", cellName(rowOf("KS", "investment|I1"), E), "followup-amount-invalid", "tio"],
      ["KS.xlsx", cellName(rowOf("KS", "investment|I3"), E), "followup-economy-implausible", 10_000_000],
      // KS: −5 000 tkr with a kommentar, but no åtgärder; its project I3 has both.
      ["KS.xlsx", cellName(rowOf("KS", "measures|drift"), H), "followup-economy-explanation-missing", "measures"],
      // BUN: +2 000 tkr, a surplus: a kommentar is asked for, åtgärder are not.
      ["BUN.xlsx", cellName(rowOf("BUN", "economy|drift"), H), "followup-economy-explanation-missing", "comment"],
    ]),
  );
  expect(found).toHaveLength(4);
  expect(sheet.name).toBe("KS T1 2025");
  const measures = result.findings.find((f) => f.params.what === "measures")!;
  expect(findingMessage(measures)).toBe(
    "Åtgärder saknas: avvikelsen är −5\u00a0000 tkr (−4,2 % av budgeten), ett underskott. Skriv vad nämnden gör för att komma i balans.",
  );
  expect(findingMessage(measures, "en")).toContain("the deviation is -5,000 tkr (-4.2 % of the budget)");

  // A kommun that asks for åtgärder only below −5 % of the budget: KS's −4,2 % needs none.
  const lenient = consolidated(p, { ...DEFAULT_SETTINGS, measuresThresholdPercent: 5 });
  expect(lenient.findings.filter((f) => f.params.what === "measures")).toEqual([]);
});

test("Driftredovisning: Ej inkommet, never 0; totals over what was given, said; LibreOffice recalculates it on A4", async () => {
  const p = plan();
  const report = reportWorkbook(p, consolidated(p), DEFAULT_SETTINGS, (f) => findingMessage(f), GOAL_REPORT_WORDS.sv);
  expect(report.sheets.map((s) => s.name)).toEqual(REPORT_SHEETS);
  const drift = report.sheets[1];
  const rows = drift.blocks[0].rows;
  const sn = rows.find((row) => row[0].value === "SN")!;
  expect(sn.slice(2, 6).map((c) => c.value)).toEqual([30_000, NOT_RECEIVED, NOT_RECEIVED, NOT_RECEIVED]);
  const texts = rows.flatMap((row) => row.map((c) => String(c.value ?? "")));
  expect(texts).toContain(
    "Summorna gäller det som kommit in: utfall från 2 och prognos från 2 av 3 nämnder. Ej inkommet räknas aldrig som 0 (SN).",
  );
  expect(drift.print).toMatchObject({ paper: "A4", orientation: "landscape", fitToWidth: true });

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "maltavlan-drift-"));
  const file = path.join(dir, "rapport.xlsx");
  await fs.writeFile(file, await workbookBuffer(report));
  const book = (await libreOffice().inspect([file]))[0];
  const sheet = loSheet(book, DRIFT_SHEET);
  expect([sheet.paper, sheet.printLandscape]).toEqual(["A4", true]);
  const value = (row: number, col: number) => loCell(sheet, cellName(row, col)).value;
  const r = (code: string) => rows.findIndex((row) => row[0].value === code);
  expect([value(r("KS"), 5), value(r("KS"), 6)]).toEqual([-5_000, expect.closeTo(-5_000 / 120_000, 12)]);
  expect([value(r("BUN"), 5), value(r("BUN"), 6)]).toEqual([2_000, expect.closeTo(0.04, 12)]);
  expect([value(r("SN"), 5), value(r("SN"), 6)]).toEqual([NOT_RECEIVED, ""]);
  const total = rows.findIndex((row) => row[0].value === "Kommunen totalt");
  // Budget over every nämnd; utfall, prognos and avvikelse over those that gave them; % of their budget.
  expect([2, 3, 4, 5].map((col) => value(total, col))).toEqual([200_000, 52_000.5, 173_000, -3_000]);
  expect(value(total, 6)).toBeCloseTo(-3_000 / 170_000, 12);
  await fs.rm(dir, { recursive: true, force: true });
}, 120_000);

test("Investeringsredovisning: per nämnd and project with each nämnd's sum, Ej inkommet for a nämnd that did not answer; LibreOffice recalculates it and prints it on one A4", async () => {
  const p = plan();
  p.investments.push({ id: "I9", committee: "SN", project: "Äldreboende", year: 2025, amountOre: 8_000 * TKR });
  const typed = {
    KS: {
      "investment|I1": { [D]: 10_000, [E]: 33_000, [H]: "Upphandlingen blev billigare." },
      "investment|I3": { [D]: 2_000, [E]: 11_000, [H]: "Dyrare asfalt." },
      "measures|I3": { [H]: "Etapp två skjuts till nästa år." },
    },
  };
  const period = DEFAULT_SETTINGS.periods[0];
  const result = consolidate(p, returned(p, typed), DEFAULT_SETTINGS, { period, year: 2025 });
  const report = reportWorkbook(p, result, DEFAULT_SETTINGS, (f) => findingMessage(f), GOAL_REPORT_WORDS.sv);
  expect(report.sheets.map((s) => s.name)).toEqual(REPORT_SHEETS);
  const sheet = report.sheets[2];
  const rows = sheet.blocks[0].rows;
  expect(rows[0][0].value).toBe("Investeringsredovisning T1 2025");
  expect(rows[2].map((c) => c.value)).toEqual([
    "Nämnd",
    "Projekt",
    "Budget helår (tkr)",
    "Utfall hittills (tkr)",
    "Prognos helår (tkr)",
    "Avvikelse (tkr)\n+ överskott, − underskott",
    "Avvikelse (%)",
    "Kommentar",
    "Åtgärder",
  ]);
  const r = (project: string) => rows.findIndex((row) => row[1]?.value === project);
  const at = (project: string, cols: number[]) => cols.map((col) => rows[r(project)][col].value);
  expect(at("Ny skola", [0, 2, 3, 4, 7, 8])).toEqual([
    "KS",
    35_000,
    10_000,
    33_000,
    "Upphandlingen blev billigare.",
    null,
  ]);
  expect(at("Gata", [0, 2, 3, 4, 7, 8])).toEqual([
    "KS",
    10_000,
    2_000,
    11_000,
    "Dyrare asfalt.",
    "Etapp två skjuts till nästa år.",
  ]);
  // SN sent nothing back: its project is there with its budget, and every figure Ej inkommet, never 0.
  expect(at("Äldreboende", [0, 2, 3, 4, 5])).toEqual(["SN", 8_000, NOT_RECEIVED, NOT_RECEIVED, NOT_RECEIVED]);
  // Each nämnd's sum right under its projects; SN's figures Ej inkommet, as none of its projects gave one.
  expect(rows.map((row) => row[1]?.value).filter((name) => String(name).startsWith("Summa"))).toEqual([
    "Summa Kommunstyrelsen",
    "Summa Socialnämnden",
  ]);
  expect([r("Summa Kommunstyrelsen") - r("Gata"), r("Summa Socialnämnden") - r("Äldreboende")]).toEqual([1, 1]);
  expect(at("Summa Socialnämnden", [0, 3, 4, 5])).toEqual(["SN", NOT_RECEIVED, NOT_RECEIVED, NOT_RECEIVED]);
  const texts = rows.map((row) => String(row[0]?.value ?? ""));
  expect(texts).toContain(
    "Summorna gäller det som kommit in: utfall för 2 och prognos för 2 av 3 projekt. Ej inkommet räknas aldrig som 0 (SN).",
  );
  expect(texts.some((t) => t.startsWith("Belopp i tkr, nettoinvestering."))).toBe(true);

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "maltavlan-invest-"));
  const file = path.join(dir, "investeringar.xlsx");
  await fs.writeFile(file, await workbookBuffer({ sheets: [sheet] }));
  const book = (await libreOffice().inspect([file]))[0];
  const lo = loSheet(book, INVESTMENT_SHEET);
  expect([lo.paper, lo.printLandscape, lo.printTitleRows]).toEqual(["A4", true, "$1:$3"]);
  const value = (row: number, col: number) => loCell(lo, cellName(row, col)).value;
  expect([value(r("Ny skola"), 5), value(r("Ny skola"), 6)]).toEqual([2_000, expect.closeTo(2_000 / 35_000, 12)]);
  expect([value(r("Gata"), 5), value(r("Gata"), 6)]).toEqual([-1_000, expect.closeTo(-0.1, 12)]);
  expect([value(r("Äldreboende"), 5), value(r("Äldreboende"), 6)]).toEqual([NOT_RECEIVED, ""]);
  const ks = r("Summa Kommunstyrelsen");
  expect([2, 3, 4, 5].map((col) => value(ks, col))).toEqual([45_000, 12_000, 44_000, 1_000]);
  expect(value(ks, 6)).toBeCloseTo(1_000 / 45_000, 12);
  expect([2, 6].map((col) => value(r("Summa Socialnämnden"), col))).toEqual([8_000, ""]);
  const total = rows.findIndex((row) => row[0].value === "Kommunen totalt");
  // Budget over every project (each once: a nämnd's sum is not counted again); utfall, prognos and avvikelse over
  // those given; % of the budget of those.
  expect([2, 3, 4, 5].map((col) => value(total, col))).toEqual([53_000, 12_000, 44_000, 1_000]);
  expect(value(total, 6)).toBeCloseTo(1_000 / 45_000, 12);

  // Printed: one A4 page in landscape, every column on it (the last, Åtgärder, included).
  const [[pdf]] = await libreOffice().convert([file], "pdf", path.join(dir, "pdf"));
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
  expect(info).toMatch(/Pages:\s+1\n/);
  expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
  const text = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).stdout;
  const shown = text.replace(/\s+/g, " ");
  for (const words of [
    "Investeringsredovisning T1 2025",
    "SN Äldreboende",
    "SN Summa Socialnämnden",
    "Etapp två skjuts till nästa år.",
  ])
    expect(shown).toContain(words);
  // The total's figures as LibreOffice shows them (its locale's thousands separator).
  expect(shown).toMatch(/Kommunen totalt 53.000 tkr 12.000 tkr 44.000 tkr 1.000 tkr 2\.2%/);
  await fs.rm(dir, { recursive: true, force: true });
}, 120_000);

test("the figures for --json: each nämnd's drift and projects in tkr, valid by the published schema", () => {
  const p = plan();
  const figures = reportFigures(consolidated(p), DEFAULT_SETTINGS);
  const economy = (code: string) => figures.find((c) => c.code === code)!.economy;
  expect(economy("KS").investments).toEqual([
    {
      id: "I1",
      title: "Ny skola",
      budgetTkr: 35_000,
      outcomeTkr: null,
      outcomeFromLedger: false,
      // "tio" is no figure (a finding): not answered, and no 0 in its place.
      forecastTkr: null,
      answered: false,
      comment: null,
      measures: null,
    },
    {
      id: "I3",
      title: "Gata",
      budgetTkr: 10_000,
      outcomeTkr: null,
      outcomeFromLedger: false,
      forecastTkr: 10_000_000,
      answered: true,
      comment: "Skrivet i kronor.",
      measures: "Inga.",
    },
  ]);
  expect(economy("BUN").drift).toMatchObject({ budgetTkr: 50_000, outcomeTkr: 12_000.5, answered: true });
  expect(economy("SN")).toEqual({
    drift: expect.objectContaining({ budgetTkr: 30_000, outcomeTkr: null, forecastTkr: null, answered: false }),
    investments: [],
  });
  // A bolag without a budget from the kommun has no drift.
  expect(economy("AB")).toEqual({ drift: null, investments: [] });
  const output: ConsolidateOutput = {
    period: "T1",
    periodKind: "prognos",
    year: 2025,
    report: "rapport.xlsx",
    chapter: null,
    committees: figures,
    totals: { adjustmentsTkr: 0, forecastTkr: 0, deviationTkr: 0, missing: 0 },
    findings: [],
    movement: null,
    history: {
      sheet: "Måltavlan historik",
      periods: [{ period: "T1", periodKind: "prognos", year: 2025, answers: 4 }],
    },
  };
  const validate = new Ajv({ allErrors: true }).compile(schema);
  expect(validate(output) ? [] : validate.errors).toEqual([]);
});

test("the Diagram sheet: each nämnd's avvikelse as in the Driftredovisning, a gap where none was given; charts below the table", () => {
  const result = consolidated(plan());
  const words = GOAL_REPORT_WORDS.sv;
  const diagram = reportWorkbook(plan(), result, DEFAULT_SETTINGS, (f) => findingMessage(f), words).sheets.find(
    (s) => s.name === CHART_SHEET,
  )!;
  const codes = result.committees.map((c) => c.committee.code);
  const [goals, assignments, deviation] = diagram.charts!;
  expect(deviation.categories.values).toEqual(codes);
  const byCode = Object.fromEntries(codes.map((code, i) => [code, deviation.series[0].values.values[i]]));
  // Budget − prognos: KS (118 000 + 2 000) − 125 000, BUN 50 000 − 48 000; SN did not answer.
  expect(byCode).toMatchObject({ KS: -5_000, BUN: 2_000, SN: null });
  expect(deviation.series[0].negativeColor).toBeDefined();
  // A nämnd that did not answer has no counts (a gap in the chart), not zeros.
  const sn = codes.indexOf("SN");
  expect(goals.series.map((s) => s.values.values[sn])).toEqual(DEFAULT_SETTINGS.scales.goal.map(() => null));
  expect(assignments.series.map((s) => s.color)).toEqual(DEFAULT_SETTINGS.scales.assignment.map((v) => v.color));
  // Every chart stands below the table's last row, none over another.
  const tableEnd = diagram.blocks[0].rows.length;
  for (const chart of diagram.charts!) expect(chart.anchor.from.row).toBeGreaterThanOrEqual(tableEnd);
  expect(goals.anchor.to.col).toBeLessThanOrEqual(assignments.anchor.from.col);
  expect(deviation.anchor.from.row).toBeGreaterThanOrEqual(goals.anchor.to.row);
});
