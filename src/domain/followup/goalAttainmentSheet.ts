import { cellName } from "../../sheet/grid";
import { DEFAULT_ROW_HEIGHT, rowHeight } from "../../sheet/layout";
import { SheetSpec, SpecCell } from "../../sheet/spec";
import { GoalLevel, Plan } from "../model";
import { OverallRule, Settings, valueVotes } from "../settings";
import { Consolidation } from "./consolidate";
import { AssignmentTally, GoalAttainment, goalAttainment, overallRuleOf } from "./goalAttainment";
import { reportSheet } from "./reportSheet";

/**
 * The report's Måluppfyllelse: down the goal tree, each goal above the nämnder indented by its depth, the nämnder's
 * assessments side by side, the overall assessment by the kommun's rule (stated under the title, on every printed
 * page), how many voted, did not vote or did not answer; under each goal its comments by nämnd and its uppdrag's
 * progress with the late ones named.
 */

export const GOAL_ATTAINMENT_SHEET = "Måluppfyllelse";

/** The sheet's words in the user's language (src/i18n/goalReport.ts): the core does not know the language. */
export interface GoalReportWords {
  title: (period: string) => string;
  goal: string;
  overall: string;
  votes: string;
  abstained: string;
  missing: string;
  /** Where a nämnd whose sheet holds the goal gave nothing, and an overall assessment nobody gave anything for. */
  notGiven: string;
  /** Instead of the table, when the plan has no goal above the nämnder. */
  noGoals: string;
  rules: Record<OverallRule, (strongest: string) => string>;
  /** The rule, stated under the title. */
  ruleLine: (rule: string) => string;
  /** Under the table; `abstaining` names the scale's values that do not vote ("Kan inte bedömas"). */
  notes: (abstaining: string) => string[];
  assignments: string;
  tally: (tally: AssignmentTally) => string;
  late: string;
  /** The level's name in the user's language: the kommun's own in Swedish. */
  level: (level: GoalLevel) => string;
  /** The sheet of charts per goal (goalCharts.ts): its title and its chart's, by the level's name, and its note. */
  perGoal: { title: (level: string, period: string) => string; chart: (level: string) => string; note: string };
}

const INDENT = "\u2003\u2003"; // em spaces: no host trims them
const GOAL_WIDTH = 36;
const COMMITTEE_WIDTH = 11;
const TAIL_WIDTHS = [15, 7, 8, 7];

export function goalAttainmentSheet(
  plan: Plan,
  consolidation: Consolidation,
  settings: Settings,
  words: GoalReportWords,
  goals: GoalAttainment[] = goalAttainment(plan, consolidation, settings),
): SheetSpec {
  const codes = consolidation.committees
    .map((c) => c.committee.code)
    .filter((code) => goals.some((g) => g.assessments.some((a) => a.committee === code)));
  const widths = [GOAL_WIDTH, ...codes.map(() => COMMITTEE_WIDTH), ...TAIL_WIDTHS];
  const last = widths.length - 1;
  const restWidth = widths.slice(1).reduce((a, b) => a + b, 0);
  const rows: SpecCell[][] = [];
  /** Rows whose text runs from column B to the last, merged: comments and uppdrag. */
  const spanning: number[] = [];
  const line = (first: SpecCell, text: string, italic = false) => {
    spanning.push(rows.length);
    rows.push([
      { ...first, wrap: true },
      { value: text, wrap: true, italic },
    ]);
  };
  for (const attainment of goals) {
    if (attainment.depth === 0 && rows.length > 0) rows.push([]);
    rows.push(goalRow(attainment, codes, words));
    const inner = INDENT.repeat(attainment.depth + 1);
    for (const c of attainment.comments) {
      const on = c.goal.id === attainment.goal.id ? "" : ` · ${c.goal.name}`;
      line({ value: `${inner}${c.committee}${on}` }, c.value ? `${c.value}: ${c.comment}` : c.comment);
    }
    const { assignments } = attainment;
    if (Object.values(assignments.counts).some((n) => n > 0) || assignments.missing > 0) {
      line({ value: `${inner}${words.assignments}`, italic: true }, words.tally(assignments), true);
      for (const late of assignments.late) {
        const text = late.comment ? `${late.title} – ${late.comment}` : late.title;
        line({ value: `${inner}${words.late} · ${late.committee}` }, text);
      }
    }
  }
  if (goals.length === 0) rows.push([{ value: words.noGoals, italic: true }]);
  rows.push([]);
  const abstaining = settings.scales.goal.filter((v) => !valueVotes(v)).map((v) => v.label);
  const notes = words.notes(abstaining.join(", ")).map((note) => {
    rows.push([{ value: note, wrap: true, italic: true }]);
    return rows.length - 1;
  });
  const strongest = settings.scales.goal.find(valueVotes)?.label ?? "";
  const spec = reportSheet(
    GOAL_ATTAINMENT_SHEET,
    words.title(`${consolidation.period.name} ${consolidation.year}`),
    [words.goal, ...codes, words.overall, words.votes, words.abstained, words.missing],
    rows,
    widths,
  );
  const top = 3; // the data rows start under the title, the marker and the headers
  const [title, marker, ...rest] = spec.blocks[0].rows;
  const ruleCell: SpecCell = {
    value: words.ruleLine(words.rules[overallRuleOf(settings)](strongest)),
    italic: true,
    alignTop: true,
  };
  // A comment or the uppdrag reads beside its label, from column B to the last; a note across the whole table.
  const merged = [...spanning.map((r) => ({ r, from: 1 })), ...notes.map((r) => ({ r, from: 0 }))];
  const heights = merged.map(({ r, from }) => {
    const spans = from === 0 ? [GOAL_WIDTH + restWidth] : [GOAL_WIDTH, restWidth];
    return { row: top + r, height: rowHeight(rows[r], spans) };
  });
  const own = new Set(merged.map(({ r }) => top + r));
  return {
    ...spec,
    // The rule beside the title: the marker's row is hidden, and the title rows are repeated on every page.
    blocks: [{ ...spec.blocks[0], rows: [[...title, ruleCell], marker, ...rest] }],
    merges: merged.map(({ r, from }) => `${cellName(top + r, from)}:${cellName(top + r, last)}`),
    rowHeights: [
      ...(spec.rowHeights ?? []).filter((h) => !own.has(h.row)),
      ...heights.filter((h) => h.height > DEFAULT_ROW_HEIGHT),
    ].sort((a, b) => a.row - b.row),
  };
}

function goalRow(attainment: GoalAttainment, codes: string[], words: GoalReportWords): SpecCell[] {
  const { goal, depth, overall } = attainment;
  const byCode = new Map(attainment.assessments.map((a) => [a.committee, a]));
  const notGiven: SpecCell = { value: words.notGiven, italic: true, fontColor: "7F7F7F" };
  const cells: SpecCell[] = [
    { value: `${INDENT.repeat(depth)}${goal.name}`, bold: true },
    ...codes.map((code): SpecCell => {
      const assessment = byCode.get(code);
      if (!assessment) return { value: null };
      if (!assessment.value) return notGiven;
      // Italic: the nämnd's own goals under the goal, as it assessed none of the goal itself.
      return { value: assessment.value.label, fill: assessment.value.color, italic: assessment.from === "below" };
    }),
    overall ? { value: overall.label, fill: overall.color, bold: true } : notGiven,
    { value: attainment.votes },
    { value: attainment.abstained },
    { value: attainment.missing },
  ];
  // Wrapped cells stand at the top of the row: every cell of it, so that the row reads across.
  return cells.map((cell) => ({ ...cell, wrap: true }));
}
