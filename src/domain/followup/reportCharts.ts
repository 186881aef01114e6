import { ChartRange, ChartSpec } from "../../sheet/charts";
import { cellName } from "../../sheet/grid";
import { SheetSpec, SpecCell } from "../../sheet/spec";
import { oreToTkr } from "../amounts";
import { PeriodKind, ScaleValue, Settings } from "../settings";
import { CommitteeResult, Consolidation } from "./consolidate";
import { NOT_RECEIVED, hasStatement } from "./economyReport";
import { Plan } from "../model";
import { withChartPages } from "./chartPages";
import type { GoalAttainment } from "./goalAttainment";
import type { GoalReportWords } from "./goalAttainmentSheet";
import { goalChartSheet } from "./goalCharts";
import { reportSheet } from "./reportSheet";
import { amountFormat } from "./sheetLook";

/**
 * The report's Diagram sheet: per nämnd, how many of its mål and uppdrag have each status and its avvikelse in the
 * Driftredovisning, as a table and as native charts over that table — the statuses as stacked columns in the scale's
 * colours, the avvikelse as columns, överskott and underskott apart. The figures are values, the same as the other
 * report sheets show (the report is a picture of the answers when it was made, and is made anew from them).
 */

export const CHART_SHEET = "Diagram";
const FIRST_ROW = 3; // 0-based: heading, marker, headers
/** Avvikelse columns: an överskott (budget above prognos or utfall) and an underskott. */
const SURPLUS = "70AD47";
const DEFICIT = "E06666";
/** Each chart's height in rows, and its least width in columns: two charts side by side span the table at least. */
const CHART_ROWS = 16;
const CHART_MIN_COLS = 6;

/** The report's sheets of charts: Diagram, per nämnd, and Diagram per mål (goalCharts.ts); each where it has anything. */
export function chartSheets(
  plan: Plan,
  consolidation: Consolidation,
  settings: Settings,
  words: GoalReportWords,
  goals: GoalAttainment[],
): SheetSpec[] {
  return [chartSheet(consolidation, settings), goalChartSheet(plan, consolidation, settings, words, goals)].filter(
    (sheet): sheet is SheetSpec => sheet !== null,
  );
}

/** The Diagram sheet, or null when there is no nämnd to draw. */
export function chartSheet(consolidation: Consolidation, settings: Settings): SheetSpec | null {
  const committees = consolidation.committees;
  if (committees.length === 0) return null;
  const { goal, assignment } = settings.scales;
  const withDeviation = hasStatement(consolidation, "economy");
  const deviations = committees.map((c) => deviationOre(c, consolidation.period.kind));
  const tkrFormat = amountFormat(deviations.filter((ore): ore is number => ore !== null));

  const statusColumns = 2; // after Nämnd and Svar
  const deviationColumn = statusColumns + goal.length + assignment.length;
  const headers = [
    "Nämnd",
    "Svar",
    ...goal.map((v) => v.label),
    ...assignment.map((v) => v.label),
    ...(withDeviation ? ["Avvikelse (tkr)"] : []),
  ];
  const counts = (c: CommitteeResult, kind: "goal" | "assignment", scale: ScaleValue[]) =>
    scale.map((v) => (c.answered ? c.rows.filter((r) => r.kind === kind && r.input === v.label).length : null));
  const table = committees.map((c, i) => ({
    code: c.committee.code,
    answered: c.answered,
    goals: counts(c, "goal", goal),
    assignments: counts(c, "assignment", assignment),
    deviationTkr: deviations[i] === null ? null : oreToTkr(deviations[i]),
  }));
  const rows: SpecCell[][] = table.map((row) => [
    { value: row.code, bold: true },
    row.answered ? { value: null } : { value: NOT_RECEIVED, italic: true },
    ...[...row.goals, ...row.assignments].map((value): SpecCell => ({ value })),
    ...(withDeviation ? [{ value: row.deviationTkr, numberFormat: tkrFormat }] : []),
  ]);

  const last = FIRST_ROW + committees.length - 1;
  const column = (col: number): ChartRange => ({
    sheet: CHART_SHEET,
    range: `${cellName(FIRST_ROW, col)}:${cellName(last, col)}`,
  });
  const header = (col: number): ChartRange => ({ sheet: CHART_SHEET, range: cellName(FIRST_ROW - 1, col) });
  const categories = { ref: column(0), values: table.map((row) => row.code) };
  const statusChart = (title: string, scale: ScaleValue[], first: number, figures: (number | null)[][]) => ({
    title,
    grouping: "stacked" as const,
    categories,
    series: scale.map((v, i) => ({
      name: { ref: header(first + i), value: v.label },
      values: { ref: column(first + i), values: figures.map((row) => row[i]) },
      color: v.color,
    })),
    valueFormat: "0",
  });
  const charts: Omit<ChartSpec, "anchor">[] = [
    statusChart(
      "Mål per nämnd",
      goal,
      statusColumns,
      table.map((row) => row.goals),
    ),
    statusChart(
      "Uppdrag per nämnd",
      assignment,
      statusColumns + goal.length,
      table.map((row) => row.assignments),
    ),
    ...(withDeviation
      ? [
          {
            title: "Avvikelse per nämnd (tkr)",
            grouping: "clustered" as const,
            categories,
            series: [
              {
                name: { ref: header(deviationColumn), value: headers[deviationColumn] },
                values: { ref: column(deviationColumn), values: table.map((row) => row.deviationTkr) },
                color: SURPLUS,
                negativeColor: DEFICIT,
              },
            ],
            valueFormat: tkrFormat,
          },
        ]
      : []),
  ];

  const { period, year } = consolidation;
  const chartCols = Math.max(CHART_MIN_COLS, Math.ceil(headers.length / 2));
  // Every column under the charts has its width, so that the print scale takes in the charts as well as the table.
  // The code column as wide as the longest code (as on Översikt), so that two long codes never look alike.
  const codeWidth = Math.min(40, Math.max(10, ...table.map((row) => row.code.length + 2)));
  const widths = [codeWidth, 12, ...Array.from({ length: Math.max(headers.length, 2 * chartCols) - 2 }, () => 11)];
  const note = `Antal mål och uppdrag per bedömning. ${NOT_RECEIVED}: nämnden har inte svarat och räknas inte.`;
  const spec = reportSheet(
    CHART_SHEET,
    `Diagram ${period.name} ${year}`,
    headers,
    [...rows, [], [{ value: note, italic: true }]],
    widths,
  );
  // Two charts side by side below the table and its note, a row of charts never split over two pages.
  const top = last + 4;
  const placed = charts.map((chart, i) => {
    const from = { row: top + Math.floor(i / 2) * (CHART_ROWS + 1), col: (i % 2) * chartCols };
    return { ...chart, anchor: { from, to: { row: from.row + CHART_ROWS, col: from.col + chartCols } } };
  });
  return withChartPages(spec, widths, placed);
}

/** Budget − prognos (at Helår: utfall) of the nämnd's drift, in öre, as the Driftredovisning; null when either is missing. */
function deviationOre(committee: CommitteeResult, kind: PeriodKind): number | null {
  const drift = committee.economy.find((e) => e.kind === "economy");
  const figure = kind === "forecast" ? drift?.forecastOre : drift?.outcomeOre;
  return drift?.budgetOre == null || figure == null ? null : drift.budgetOre - figure;
}
