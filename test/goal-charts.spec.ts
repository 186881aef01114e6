/**
 * The report's chart per goal (Diagram per mål) from a small plan held in memory: the goals of the level right above
 * the nämnder, counted as Måluppfyllelse counts them (a nämnd once per goal), a bar per goal in the scale's colours,
 * and the Excel host drawing the same chart through Office.js (on the stand-in).
 */
import { GoalAttainment, goalAttainment } from "../src/domain/followup/goalAttainment";
import { GOAL_CHART_SHEET, goalChartSheet } from "../src/domain/followup/goalCharts";
import { reportWorkbook } from "../src/domain/followup/report";
import { Plan } from "../src/domain/model";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { writeSheets } from "../src/hosts/excel/write";
import { createStandIn } from "../src/hosts/standin";
import { GOAL_REPORT_WORDS } from "../src/i18n/goalReport";
import { SheetSpec } from "../src/sheet/spec";
import { PLAN, consolidation, goal } from "./support/goalPlan";

const SCALE = DEFAULT_SETTINGS.scales.goal;
const ANSWERS = consolidation({
  A: { M1: ["Uppfyllt", null], A1: ["Ej uppfyllt", "Förseningar."] },
  B: { B1: ["Uppfyllt", null], B2: ["Ej uppfyllt", null] },
  C: { C1: ["Kan inte bedömas", "Statistiken kommer i höst."] },
});

/** The counts as the test works them out from Måluppfyllelse's assessments: per goal, per scale value, then missing. */
function expectedCounts(goals: GoalAttainment[]): (string | number)[][] {
  return goals.map((g) => {
    const given = new Map<string, number>();
    for (const a of g.assessments) if (a.value) given.set(a.value.label, (given.get(a.value.label) ?? 0) + 1);
    const missing = g.assessments.filter((a) => a.value === null).length;
    return [g.goal.name, ...SCALE.map((v) => given.get(v.label) ?? 0), missing];
  });
}

/** The table's rows under its headers, as values, up to the first empty row. */
function tableRows(sheet: SheetSpec): unknown[][] {
  const rows = sheet.blocks[0].rows.slice(3);
  return rows
    .slice(
      0,
      rows.findIndex((r) => r.length === 0),
    )
    .map((r) => r.map((c) => c.value));
}

test("a row per kommunövergripande mål, the område above left out; the counts are Måluppfyllelse's", () => {
  const sheet = goalChartSheet(PLAN, ANSWERS, DEFAULT_SETTINGS, GOAL_REPORT_WORDS.sv)!;
  const kommunmal = goalAttainment(PLAN, ANSWERS, DEFAULT_SETTINGS).filter((g) => g.goal.level === "kommunmal");
  expect(kommunmal.map((g) => g.goal.id)).toEqual(["M1", "M2"]);
  expect(tableRows(sheet)).toEqual(expectedCounts(kommunmal));
  // M1: A assessed it Uppfyllt, B's nämndmål weigh to Ej uppfyllt, C's to Kan inte bedömas; M2: D gave nothing.
  expect(tableRows(sheet)).toEqual([
    ["Mål M1", 1, 0, 1, 1, 0],
    ["Mål M2", 0, 0, 0, 0, 1],
  ]);
  expect(sheet.blocks[0].rows[0][0].value).toBe("Kommunövergripande mål: nämndernas bedömningar T1 2024");
  expect(sheet.blocks[0].rows[2].map((c) => c.value)).toEqual(["Mål", ...SCALE.map((v) => v.label), "Saknas"]);
});

test("the chart: stacked bars per goal over the table's cells, in the scale's colours, the missing white", () => {
  const sheet = goalChartSheet(PLAN, ANSWERS, DEFAULT_SETTINGS, GOAL_REPORT_WORDS.sv)!;
  const [chart] = sheet.charts!;
  expect(sheet.charts).toHaveLength(1);
  expect([chart.grouping, chart.direction]).toEqual(["stacked", "bar"]);
  expect(chart.categories).toEqual({ ref: { sheet: GOAL_CHART_SHEET, range: "A4:A5" }, values: ["Mål M1", "Mål M2"] });
  expect(chart.series.map((s) => [s.name.value, s.name.ref.range, s.values.ref.range, s.color])).toEqual([
    ...SCALE.map((v, i) => [v.label, `${"BCDE"[i]}3`, `${"BCDE"[i]}4:${"BCDE"[i]}5`, v.color]),
    ["Saknas", "F3", "F4:F5", "FFFFFF"],
  ]);
  // Each series' figures are the column it names.
  const rows = tableRows(sheet);
  chart.series.forEach((s, i) => expect(s.values.values).toEqual(rows.map((r) => r[i + 1])));
  // Below the table and its note, as wide as the table.
  expect(chart.anchor.from.row).toBeGreaterThanOrEqual(sheet.blocks[0].rows.length);
  expect([chart.anchor.from.col, chart.anchor.to.col]).toEqual([0, SCALE.length + 2]);
});

test("the level right above the nämnder is the kommun's: without kommunmål, the områden; in English by its English name", () => {
  const plan: Plan = {
    ...PLAN,
    goals: [
      goal("V", "vision", []),
      goal("O1", "omrade", ["V"]),
      goal("O2", "omrade", ["V"]),
      goal("A1", "namndmal", ["O1"], "A"),
      goal("B1", "namndmal", ["O2"], "B"),
    ],
    assignments: [],
  };
  const answers = consolidation({ A: { A1: ["Delvis uppfyllt", null] } }, plan);
  const sheet = goalChartSheet(plan, answers, DEFAULT_SETTINGS, GOAL_REPORT_WORDS.en)!;
  expect(tableRows(sheet)).toEqual([
    ["Mål O1", 0, 1, 0, 0, 0],
    ["Mål O2", 0, 0, 0, 0, 1],
  ]);
  expect(sheet.blocks[0].rows[0][0].value).toBe("Strategic area: the committees' assessments T1 2024");
  expect(sheet.charts![0].title).toBe("Strategic area: the committees' assessments");
  // No goal above the nämnder: no sheet.
  const flat: Plan = { ...plan, goals: [goal("V", "vision", []), goal("A1", "namndmal", ["V"], "A")] };
  expect(goalChartSheet(flat, consolidation({}, flat), DEFAULT_SETTINGS, GOAL_REPORT_WORDS.sv)).toBeNull();
});

test("the report has the sheet after Diagram, before Måluppfyllelse", () => {
  const sheets = reportWorkbook(PLAN, ANSWERS, DEFAULT_SETTINGS, (f) => f.rule, GOAL_REPORT_WORDS.sv).sheets;
  const names = sheets.map((s) => s.name);
  expect(names.slice(names.indexOf("Diagram"), names.indexOf("Diagram") + 3)).toEqual([
    "Diagram",
    GOAL_CHART_SHEET,
    "Måluppfyllelse",
  ]);
});

describe("the Excel host", () => {
  const sheet = goalChartSheet(PLAN, ANSWERS, DEFAULT_SETTINGS, GOAL_REPORT_WORDS.sv)!;
  const write = (excel: ReturnType<typeof createStandIn>, specs: SheetSpec[]) =>
    excel.run((context) =>
      writeSheets(context, specs, { replace: [], existing: [{ name: "Blad1" }], supports: excel.supports }),
    );

  test("draws the same chart: stacked bars from the top down, series by series over the same cells", async () => {
    const excel = createStandIn();
    expect((await write(excel, [sheet])).warnings).toEqual([]);
    const [chart] = sheet.charts!;
    const at = (range: string) => `${GOAL_CHART_SHEET}!${range}`;
    expect(excel.workbook.sheet(GOAL_CHART_SHEET).charts).toEqual([
      {
        type: "BarStacked",
        title: chart.title,
        legend: true,
        reversedCategories: true,
        position: `A${chart.anchor.from.row + 1}:F${chart.anchor.to.row}`,
        series: chart.series.map((s) => ({
          name: s.name.value,
          values: at(s.values.ref.range),
          categories: at(chart.categories.ref.range),
          color: `#${s.color}`,
        })),
      },
    ]);
  });
});
