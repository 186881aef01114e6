import { ChartRange, ChartSpec } from "../../sheet/charts";
import { cellName } from "../../sheet/grid";
import { rowHeight } from "../../sheet/layout";
import { SheetSpec, SpecCell } from "../../sheet/spec";
import { GoalLevel, Plan } from "../model";
import { Settings } from "../settings";
import { withChartPages } from "./chartPages";
import { Consolidation } from "./consolidate";
import { GoalAttainment, goalAttainment, valueCounts } from "./goalAttainment";
import type { GoalReportWords } from "./goalAttainmentSheet";
import { MISSING_COLOR } from "./goalChapter";
import { reportSheet } from "./reportSheet";

/**
 * The report's chart per goal: for every goal of the level right above the nämnder (kommunövergripande mål, or
 * whatever the kommun calls the level its nämnder's goals hang on), how many nämnder gave each of the goal scale's
 * values, counted as Måluppfyllelse counts them (goalAttainment.ts: a nämnd once per goal), and how many gave none;
 * as a table and as stacked horizontal bars in the scale's colours, the goals' names beside their bars. A sheet of
 * its own: the goals' names need a wide column that the Diagram sheet's table of nämnder has not.
 */

export const GOAL_CHART_SHEET = "Diagram per mål";
const FIRST_ROW = 3; // 0-based: heading, marker, headers
const GOAL_WIDTH = 60;
const COUNT_WIDTH = 12;
/** The bars' height: room for the title and the axis, and two rows a goal. */
const CHART_ROWS_BASE = 5;
const CHART_ROWS_PER_GOAL = 2;
const CHART_MIN_ROWS = 14;

export interface GoalStatusTable {
  level: GoalLevel;
  /** Per goal, in the goal tree's order: the count per goal scale value, in the scale's order, and the missing. */
  rows: { attainment: GoalAttainment; counts: number[]; missing: number }[];
}

/** The deepest level among the goals Måluppfyllelse assesses, and its goals' counts; null when there is none. */
function goalStatusTable(plan: Plan, settings: Settings, goals: GoalAttainment[]): GoalStatusTable | null {
  const depth = (g: GoalAttainment) => plan.levels.findIndex((l) => l.id === g.goal.level);
  const level = plan.levels[Math.max(-1, ...goals.map(depth))];
  if (!level) return null;
  const rows = goals
    .filter((g) => g.goal.level === level.id)
    .map((attainment) => ({
      attainment,
      counts: valueCounts(attainment, settings.scales.goal),
      missing: attainment.missing,
    }));
  return { level, rows };
}

/** The sheet, or null when the plan has no goal above the nämnder. */
export function goalChartSheet(
  plan: Plan,
  consolidation: Consolidation,
  settings: Settings,
  words: GoalReportWords,
  goals: GoalAttainment[] = goalAttainment(plan, consolidation, settings),
): SheetSpec | null {
  const table = goalStatusTable(plan, settings, goals);
  if (!table) return null;
  const scale = settings.scales.goal;
  const levelName = words.level(table.level);
  const headers = [words.goal, ...scale.map((v) => v.label), words.missing];
  const rows: SpecCell[][] = table.rows.map((row) => [
    { value: row.attainment.goal.name, bold: true, wrap: true },
    // Wrapped, as the name is: every cell of the row at its top.
    ...[...row.counts, row.missing].map((value): SpecCell => ({ value, wrap: true })),
  ]);
  const widths = [GOAL_WIDTH, ...scale.map(() => COUNT_WIDTH), COUNT_WIDTH];
  const note: SpecCell = { value: words.perGoal.note, italic: true, wrap: true };
  const spec = reportSheet(
    GOAL_CHART_SHEET,
    words.perGoal.title(levelName, `${consolidation.period.name} ${consolidation.year}`),
    headers,
    [...rows, [], [note]],
    widths,
  );

  const last = FIRST_ROW + table.rows.length - 1;
  const column = (col: number): ChartRange => ({
    sheet: GOAL_CHART_SHEET,
    range: `${cellName(FIRST_ROW, col)}:${cellName(last, col)}`,
  });
  const series = [...scale.map((v) => v.color), MISSING_COLOR].map((color, i) => ({
    name: { ref: { sheet: GOAL_CHART_SHEET, range: cellName(FIRST_ROW - 1, i + 1) }, value: headers[i + 1] },
    values: { ref: column(i + 1), values: table.rows.map((row) => [...row.counts, row.missing][i]) },
    color,
  }));
  // Below the table and its note, as wide as the table.
  const top = last + 4;
  const height = Math.max(CHART_MIN_ROWS, CHART_ROWS_BASE + CHART_ROWS_PER_GOAL * table.rows.length);
  const chart: ChartSpec = {
    title: words.perGoal.chart(levelName),
    grouping: "stacked",
    direction: "bar",
    categories: { ref: column(0), values: table.rows.map((row) => row.attainment.goal.name) },
    series,
    valueFormat: "0",
    anchor: { from: { row: top, col: 0 }, to: { row: top + height, col: widths.length } },
  };
  // The note spans the table: merged, so that it wraps there instead of running off the page.
  const noteRow = last + 2;
  return withChartPages(
    {
      ...spec,
      merges: [`${cellName(noteRow, 0)}:${cellName(noteRow, widths.length - 1)}`],
      rowHeights: [
        ...(spec.rowHeights ?? []).filter((h) => h.row !== noteRow),
        { row: noteRow, height: rowHeight([note], [widths.reduce((a, b) => a + b, 0)]) },
      ],
    },
    widths,
    [chart],
  );
}
