import { Plan } from "../model";
import { Settings, valueVotes } from "../settings";
import { Consolidation } from "./consolidate";
import { GoalAttainment, goalAttainment, overallRuleOf, valueCounts } from "./goalAttainment";
import type { GoalReportWords } from "./goalAttainmentSheet";

/**
 * The måluppfyllelse chapter the finance office edits into the delårsrapport, as content: headings per område and
 * goal in the kommun's level names, the overall assessment and its rule, the nämnder's assessments as a table, their
 * comments as text, the uppdrag's progress with the late ones named, and per område a chart of the assessments.
 * Pure data: a host writes it as a Word document (src/hosts/docx/).
 */

/** The chapter's words beyond the Måluppfyllelse sheet's (src/i18n/goalReport.ts). */
export interface ChapterWords extends GoalReportWords {
  /** The document's language, for Word's spelling and hyphenation: "sv-SE". */
  locale: string;
  committee: string;
  assessment: string;
  /** Whether the nämnd assessed the goal itself or its own goals under it. */
  basis: string;
  fromGoal: string;
  fromBelow: string;
  comments: string;
  /** "Sammantaget: Delvis uppfyllt (3 nämnder röstar, 1 röstar inte, 1 saknas)." */
  overallIs: (value: string, attainment: Pick<GoalAttainment, "votes" | "abstained" | "missing">) => string;
  chartTitle: (name: string) => string;
  /** The chart of the top goals, under the chapter's title. */
  overviewChart: string;
}

export interface TextRunSpec {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export interface ChapterCell {
  text: string;
  /** Fill "RRGGBB": the scale value's colour. */
  fill?: string;
  italic?: boolean;
}

/** One bar of a chart: how the nämnder assessed one goal, a segment per scale value given (and the missing). */
export interface ChartBar {
  label: string;
  segments: { label: string; color: string; count: number }[];
}

export interface StatusChart {
  title: string;
  bars: ChartBar[];
  /** Every value a segment may have, in the scale's order, the missing last. */
  legend: { label: string; color: string }[];
}

export type ChapterBlock =
  | { kind: "heading"; level: number; text: string }
  | { kind: "paragraph"; runs: TextRunSpec[]; bullet?: boolean }
  | { kind: "table"; header: string[]; rows: ChapterCell[][] }
  | { kind: "chart"; chart: StatusChart };

export interface GoalChapter {
  title: string;
  locale: string;
  blocks: ChapterBlock[];
}

/** White with the chart's outline: nobody gave an assessment. */
export const MISSING_COLOR = "FFFFFF";

export function goalChapter(
  plan: Plan,
  consolidation: Consolidation,
  settings: Settings,
  words: ChapterWords,
  /** Måluppfyllelse already gathered from the same plan and consolidation (the pane's tree needs it too). */
  goals: GoalAttainment[] = goalAttainment(plan, consolidation, settings),
): GoalChapter {
  const names = new Map(plan.committees.map((c) => [c.code, c.name ? `${c.code} ${c.name}` : c.code]));
  const committeeName = (code: string) => names.get(code) ?? code;
  const strongest = settings.scales.goal.find(valueVotes)?.label ?? "";
  const abstaining = settings.scales.goal.filter((v) => !valueVotes(v)).map((v) => v.label);
  const italic = (text: string): ChapterBlock => ({ kind: "paragraph", runs: [{ text, italic: true }] });
  const blocks: ChapterBlock[] = [italic(words.ruleLine(words.rules[overallRuleOf(settings)](strongest)))];
  if (goals.length === 0) blocks.push(italic(words.noGoals));
  // The top goals side by side first; then each top goal's own goals beside it, where it has any.
  const tops = goals.filter((g) => g.depth === 0);
  const overview = statusChart(words.overviewChart, tops, settings, words);
  if (hasBars(overview)) blocks.push({ kind: "chart", chart: overview });
  goals.forEach((attainment, i) => {
    const { goal, depth } = attainment;
    const level = plan.levels.find((l) => l.id === goal.level);
    blocks.push({ kind: "heading", level: depth + 2, text: level ? `${words.level(level)}: ${goal.name}` : goal.name });
    const below = depth === 0 ? takeWhile(goals.slice(i + 1), (g) => g.depth > 0) : [];
    const chart = statusChart(words.chartTitle(goal.name), [attainment, ...below], settings, words);
    if (below.length > 0 && hasBars(chart)) blocks.push({ kind: "chart", chart });
    blocks.push(...goalBlocks(attainment, committeeName, words));
  });
  blocks.push(...words.notes(abstaining.join(", ")).map(italic));
  return { title: words.title(`${consolidation.period.name} ${consolidation.year}`), locale: words.locale, blocks };
}

function goalBlocks(
  attainment: GoalAttainment,
  committeeName: (code: string) => string,
  words: ChapterWords,
): ChapterBlock[] {
  const { overall, assessments, comments, assignments } = attainment;
  const blocks: ChapterBlock[] = [
    { kind: "paragraph", runs: [{ text: words.overallIs(overall?.label ?? words.notGiven, attainment), bold: true }] },
  ];
  if (assessments.length > 0) {
    blocks.push({
      kind: "table",
      header: [words.committee, words.assessment, words.basis],
      rows: assessments.map((a) => [
        { text: committeeName(a.committee) },
        a.value ? { text: a.value.label, fill: a.value.color } : { text: words.notGiven, italic: true },
        { text: a.value ? (a.from === "goal" ? words.fromGoal : words.fromBelow) : "" },
      ]),
    });
  }
  if (comments.length > 0) {
    blocks.push({ kind: "paragraph", runs: [{ text: words.comments, bold: true }] });
    for (const c of comments) {
      const on = c.goal.id === attainment.goal.id ? "" : ` · ${c.goal.name}`;
      blocks.push({
        kind: "paragraph",
        runs: [
          { text: `${committeeName(c.committee)}${on}`, bold: true },
          { text: ` – ${c.value ? `${c.value}: ` : ""}` },
          { text: c.comment },
        ],
      });
    }
  }
  if (Object.values(assignments.counts).some((n) => n > 0) || assignments.missing > 0) {
    blocks.push({
      kind: "paragraph",
      runs: [{ text: `${words.assignments}: `, bold: true }, { text: words.tally(assignments) }],
    });
    for (const late of assignments.late) {
      blocks.push({
        kind: "paragraph",
        bullet: true,
        runs: [
          { text: `${words.late} · ${late.committee}: `, italic: true },
          { text: late.comment ? `${late.title} – ${late.comment}` : late.title },
        ],
      });
    }
  }
  return blocks;
}

/** Per goal, how many nämnder gave each of the scale's values (and gave none), in the scale's order. */
function statusChart(title: string, goals: GoalAttainment[], settings: Settings, words: ChapterWords): StatusChart {
  const legend = [
    ...settings.scales.goal.map((v) => ({ label: v.label, color: v.color })),
    { label: words.notGiven, color: MISSING_COLOR },
  ];
  const bars = goals.map((g) => {
    const counts = [...valueCounts(g, settings.scales.goal), g.missing];
    return {
      label: g.goal.name,
      segments: legend.flatMap((entry, i) => (counts[i] > 0 ? [{ ...entry, count: counts[i] }] : [])),
    };
  });
  return { title, bars, legend };
}

function hasBars(chart: StatusChart): boolean {
  return chart.bars.some((b) => b.segments.length > 0);
}

function takeWhile<T>(items: T[], keep: (item: T) => boolean): T[] {
  const end = items.findIndex((item) => !keep(item));
  return end < 0 ? items : items.slice(0, end);
}
