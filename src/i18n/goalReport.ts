/** The report's Måluppfyllelse sheet in Swedish and English (the scale's values are the kommun's own words). */
import type { GoalReportWords } from "../domain/followup/goalAttainmentSheet";
import type { AssignmentTally } from "../domain/followup/goalAttainment";
import type { ChapterWords } from "../domain/followup/goalChapter";
import type { Language } from "./findings";

/** "3 genomförda, 1 försenat": the parts with a count, in order; `none` when every count is 0. */
function listed(parts: [number, string, string][], none: string): string {
  const given = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return given.length ? given.join(", ") : none;
}

const sv: GoalReportWords = {
  title: (period) => `Måluppfyllelse ${period}`,
  goal: "Mål",
  overall: "Sammantaget",
  votes: "Röster",
  abstained: "Röstar inte",
  missing: "Saknas",
  notGiven: "Saknas",
  noGoals: "Planen har inga mål ovanför nämnderna.",
  rules: {
    mostCommon: () => "den vanligaste bedömningen; vid lika antal den svagare",
    weakest: () => "den svagaste bedömningen",
    allFulfilled: (strongest) =>
      `${strongest} bara om alla nämnder bedömt så; annars den vanligaste av de andra (vid lika antal den svagare)`,
  },
  ruleLine: (rule) => `Sammantagen bedömning: ${rule}.`,
  notes: (abstaining) => [
    "Varje nämnd räknas en gång per mål: med sin bedömning av målet, eller när den inte bedömt målet självt med sina " +
      "egna mål under det (kursivt), sammanvägda med samma regel.",
    `${abstaining ? `${abstaining} och saknade svar` : "Saknade svar"} visas och räknas (Röstar inte, Saknas) men ` +
      "ingår inte i den sammantagna bedömningen. En tom ruta: målet står inte på nämndens blad.",
    "Uppdragen räknas per nämnd och uppdrag: ett uppdrag till tre nämnder har tre statusar. De räknas under varje mål " +
      "de hör till, också målen ovanför.",
  ],
  assignments: "Uppdrag",
  tally: (t: AssignmentTally) =>
    listed(
      [
        [t.counts.done, "genomfört", "genomförda"],
        [t.counts.underWay, "pågår", "pågår"],
        [t.counts.late, "försenat", "försenade"],
        [t.counts.notStarted, "ej påbörjat", "ej påbörjade"],
        [t.counts.dropped, "avfört", "avförda"],
        [t.missing, "utan svar", "utan svar"],
      ],
      "inga",
    ) + ".",
  late: "Försenat",
  level: (level) => level.label,
  perGoal: {
    title: (level, period) => `${level}: nämndernas bedömningar ${period}`,
    chart: (level) => `${level}: nämndernas bedömningar`,
    note:
      "Antal nämnder per bedömning. Varje nämnd räknas en gång per mål, som på bladet Måluppfyllelse: med sin " +
      "bedömning av målet, eller när den inte bedömt målet självt med sina egna mål under det. Saknas: målet står på " +
      "nämndens blad, men nämnden har inte bedömt det eller inte svarat.",
  },
};

const en: GoalReportWords = {
  title: (period) => `Goal attainment ${period}`,
  goal: "Goal",
  overall: "Overall",
  votes: "Votes",
  abstained: "Not voting",
  missing: "Missing",
  notGiven: "Missing",
  noGoals: "The plan has no goals above the committees.",
  rules: {
    mostCommon: () => "the most common assessment; a tie goes to the weaker",
    weakest: () => "the weakest assessment",
    allFulfilled: (strongest) =>
      `${strongest} only if every committee assessed it so; otherwise the most common of the others (a tie goes to ` +
      "the weaker)",
  },
  ruleLine: (rule) => `Overall assessment: ${rule}.`,
  notes: (abstaining) => [
    "Each committee counts once per goal: with its assessment of the goal, or where it did not assess the goal itself " +
      "with its own goals under it (in italics), combined by the same rule.",
    `${abstaining ? `${abstaining} and missing answers are` : "Missing answers are"} shown and counted (Not voting, ` +
      "Missing) but take no part in the overall assessment. An empty cell: the goal is not on the committee's sheet.",
    "Assignments are counted per committee and assignment: an assignment to three committees has three statuses. " +
      "They count under every goal they belong to, also the goals above.",
  ],
  assignments: "Assignments",
  tally: (t: AssignmentTally) =>
    listed(
      [
        [t.counts.done, "done", "done"],
        [t.counts.underWay, "under way", "under way"],
        [t.counts.late, "late", "late"],
        [t.counts.notStarted, "not started", "not started"],
        [t.counts.dropped, "dropped", "dropped"],
        [t.missing, "without an answer", "without an answer"],
      ],
      "none",
    ) + ".",
  late: "Late",
  level: (level) => level.labelEn,
  perGoal: {
    title: (level, period) => `${level}: the committees' assessments ${period}`,
    chart: (level) => `${level}: the committees' assessments`,
    note:
      "Number of committees per assessment. Each committee counts once per goal, as on the sheet Måluppfyllelse: " +
      "with its assessment of the goal, or where it did not assess the goal itself with its own goals under it. " +
      "Missing: the goal is on the committee's sheet, but the committee has not assessed it or has not answered.",
  },
};

export const GOAL_REPORT_WORDS: Record<Language, GoalReportWords> = { sv, en };

/** "3 röstar, 1 röstar inte": the counts behind an overall assessment. */
type Counts = { votes: number; abstained: number; missing: number };

/** The chapter in Word (src/domain/followup/goalChapter.ts): the sheet's words and the chapter's own. */
export const GOAL_CHAPTER_WORDS: Record<Language, ChapterWords> = {
  sv: {
    ...sv,
    locale: "sv-SE",
    committee: "Nämnd",
    assessment: "Bedömning",
    basis: "Underlag",
    fromGoal: "Målet",
    fromBelow: "Nämndens egna mål under målet",
    comments: "Nämndernas kommentarer",
    overallIs: (value, c: Counts) =>
      `Sammantaget: ${value} (${listed(
        [
          [c.votes, "nämnd röstar", "nämnder röstar"],
          [c.abstained, "röstar inte", "röstar inte"],
          [c.missing, "saknas", "saknas"],
        ],
        "inga bedömningar",
      )}).`,
    chartTitle: (name) => `Nämndernas bedömningar: ${name}`,
    overviewChart: "Nämndernas bedömningar per mål",
  },
  en: {
    ...en,
    locale: "en-GB",
    committee: "Committee",
    assessment: "Assessment",
    basis: "Based on",
    fromGoal: "The goal",
    fromBelow: "The committee's own goals under it",
    comments: "The committees' comments",
    overallIs: (value, c: Counts) =>
      `Overall: ${value} (${listed(
        [
          [c.votes, "committee votes", "committees vote"],
          [c.abstained, "not voting", "not voting"],
          [c.missing, "missing", "missing"],
        ],
        "no assessments",
      )}).`,
    chartTitle: (name) => `The committees' assessments: ${name}`,
    overviewChart: "The committees' assessments per goal",
  },
};
