import { cellName } from "../../sheet/grid";
import { SheetSpec, WorkbookSpec } from "../../sheet/spec";
import { oreToTkr } from "../amounts";
import { Finding } from "../findings";
import { Plan } from "../model";
import { Settings } from "../settings";
import { CommitteeResult, Consolidation, ResultRow } from "./consolidate";
import { economyReportSheet, hasStatement } from "./economyReport";
import { economyFigures } from "./economyResults";
import { GoalAttainment, goalAttainment } from "./goalAttainment";
import { GoalReportWords, goalAttainmentSheet } from "./goalAttainmentSheet";
import { chartSheets } from "./reportCharts";
import { Movement } from "./movement";
import { movementSheet } from "./movementSheet";
import { carriedSheet } from "./carriedSheet";
import { committeeSheets } from "./reportCommittees";
import { reportSheet as sheet } from "./reportSheet";

export { REPORT_MARKER } from "./reportSheet";
/** The report's first sheet: per nämnd, who answered, and what is missing. */
export { OVERVIEW_SHEET } from "./reportCommittees";
import { amountFormat } from "./sheetLook";
import { PlanRowKind, KIND_LABEL } from "./model";

/**
 * The finance office's report: an overview per nämnd, the economy, Måluppfyllelse down the goal tree (every nämnd's
 * bedömning side by side and the overall one; goalAttainmentSheet.ts), the counts per nämnd (reportCommittees.ts),
 * every answer, what is missing (for chasing), and the findings. Counts and sums per nämnd are formulas over the
 * answer sheet, so a spreadsheet recalculates them; reportFigures gives the same figures for --json. Every sheet
 * prints on A4 with text of 8 pt or more (reportSheet.ts).
 */

export interface CommitteeFigures {
  code: string;
  name: string | null;
  source: CommitteeResult["source"];
  answered: boolean;
  goals: { answered: number; total: number };
  assignments: { answered: number; total: number };
  keyFigures: { answered: number; total: number };
  /** The ramjusteringar, and how many have a prognos (or utfall). */
  adjustments: { answered: number; total: number };
  statusCounts: Record<string, number>;
  adjustmentsTkr: number;
  forecastTkr: number;
  /** Σ (belopp − prognos) over the ramjusteringar with a prognos: positive is överskott. */
  deviationTkr: number;
  missing: { kind: PlanRowKind; id: string; title: string }[];
  /** The uppdrag that go on from earlier years (carriedResults.ts), and for how many years. */
  carried: {
    title: string;
    planId: string | null;
    since: number;
    years: number;
    status: string | null;
    comment: string | null;
  }[];
  /** The Ekonomi section's drift and investment projects. */
  economy: ReturnType<typeof economyFigures>;
}

const answered = (row: ResultRow) => row.input !== null;

/** Ramjusteringar summed in öre, so that no sum drifts: turned into tkr only where they are shown. */
export interface AmountSums {
  /** The plan's amounts. */
  adjustmentsOre: number;
  /** The prognoser (or utfall) given. */
  forecastOre: number;
  /** Σ (belopp − prognos) over the ramjusteringar with a prognos: positive is överskott. */
  deviationOre: number;
}

export function amountSums(rows: ResultRow[]): AmountSums {
  const sums: AmountSums = { adjustmentsOre: 0, forecastOre: 0, deviationOre: 0 };
  for (const row of rows) {
    if (row.kind !== "adjustment") continue;
    sums.adjustmentsOre += row.amountOre;
    if (row.input === null) continue;
    sums.forecastOre += row.input;
    sums.deviationOre += row.amountOre - row.input;
  }
  return sums;
}

export function reportFigures(consolidation: Consolidation, settings: Settings): CommitteeFigures[] {
  const labels = [...settings.scales.goal, ...settings.scales.assignment].map((v) => v.label);
  return consolidation.committees.map(({ committee, source, answered: hasAnswered, rows, economy, carried }) => {
    const of = (kind: PlanRowKind) => rows.filter((r) => r.kind === kind);
    const tally = (kind: PlanRowKind) => ({ answered: of(kind).filter(answered).length, total: of(kind).length });
    const sums = amountSums(rows);
    return {
      code: committee.code,
      name: committee.name,
      source,
      answered: hasAnswered,
      goals: tally("goal"),
      assignments: tally("assignment"),
      keyFigures: tally("keyFigure"),
      adjustments: tally("adjustment"),
      statusCounts: Object.fromEntries(
        labels.map((label) => [
          label,
          rows.filter((r) => (r.kind === "goal" || r.kind === "assignment") && r.input === label).length,
        ]),
      ),
      adjustmentsTkr: oreToTkr(sums.adjustmentsOre),
      forecastTkr: oreToTkr(sums.forecastOre),
      deviationTkr: oreToTkr(sums.deviationOre),
      missing: rows.filter((r) => !answered(r)).map(({ kind, id, title }) => ({ kind, id, title })),
      carried: carried.map(({ title, planId, since, input, comment }) => {
        const years = consolidation.year - since;
        return { title, planId, since, years, status: input, comment };
      }),
      economy: economyFigures(economy, consolidation.period.kind),
    };
  });
}

export const ANSWERS_SHEET = "Svar";
const FIRST_DATA_ROW = 3; // 0-based: heading, blank, headers

/**
 * `message` renders a finding and `goalWords` are the Måluppfyllelse sheet's words, in the user's language (src/i18n),
 * which the core does not know.
 */
export function reportWorkbook(
  plan: Plan,
  consolidation: Consolidation,
  settings: Settings,
  message: (finding: Finding) => string,
  goalWords: GoalReportWords,
  more: { movement?: Movement; history?: SheetSpec | null; attainment?: GoalAttainment[] } = {},
): WorkbookSpec {
  const { period, year } = consolidation;
  const what = `${period.name} ${year}`;
  const answerRows = consolidation.committees.flatMap((c) => c.rows.map((row) => ({ code: c.committee.code, row })));
  const amountHeader = period.kind === "forecast" ? "Prognos (tkr)" : "Utfall (tkr)";
  const tkrFormat = amountFormat([
    ...plan.adjustments.map((a) => a.amountOre),
    ...answerRows.flatMap(({ row }) => (row.kind === "adjustment" && row.input !== null ? [row.input] : [])),
  ]);

  // Svar: one row per answer the plan asks for; the sheets per nämnd count and sum over it. Narrow enough to print
  // at 8 pt or more on A4 landscape, the longer texts wrapped; a filter on every column.
  // Wide enough for the longest code, so that two long codes never look alike.
  const codeWidth = Math.min(40, Math.max(8, ...consolidation.committees.map((c) => c.committee.code.length + 2)));
  const last = FIRST_DATA_ROW + Math.max(answerRows.length, 1); // 1-based last row (at least one, for valid ranges)
  const answers = sheet(
    ANSWERS_SHEET,
    `Svar ${what}`,
    ["Nämnd", "Typ", "ID", "Rubrik", "Svar", "Kommentar", "Belopp (tkr)", amountHeader, "Avvikelse (tkr)"],
    answerRows.map(({ code, row }, i) => {
      const r = FIRST_DATA_ROW + i;
      const amount = row.kind === "adjustment" ? oreToTkr(row.amountOre) : null;
      const forecast = row.kind === "adjustment" && row.input !== null ? oreToTkr(row.input) : null;
      return [
        { value: code },
        { value: KIND_LABEL[row.kind] },
        { value: row.id, wrap: true },
        { value: row.title, wrap: true },
        { value: row.kind === "adjustment" ? null : row.input, wrap: true },
        { value: row.comment, wrap: true },
        { value: amount, ...(amount !== null ? { numberFormat: tkrFormat } : {}) },
        { value: forecast, ...(forecast !== null ? { numberFormat: tkrFormat } : {}) },
        row.kind === "adjustment"
          ? {
              value: row.input === null ? null : oreToTkr(row.amountOre - row.input),
              formula: `IF(${cellName(r, 7)}="","",${cellName(r, 6)}-${cellName(r, 7)})`,
              numberFormat: tkrFormat,
            }
          : { value: null },
      ];
    }),
    [codeWidth, 13, 10, 42, 16, 42, 13, 13, 13],
    { filterRows: answerRows.length },
  );
  const column = (letter: string) => `${ANSWERS_SHEET}!$${letter}$${FIRST_DATA_ROW + 1}:$${letter}$${last}`;
  const committees = consolidation.committees;
  const [overview, ...byCommittee] = committeeSheets({
    consolidation,
    settings,
    figures: reportFigures(consolidation, settings),
    what,
    amountHeader,
    tkrFormat,
    answers: column,
  });

  // Saknas: what to chase, by nämnd; a nämnd's carried uppdrag (carried.ts) after its plan rows.
  const unanswered = committees.flatMap((c) => [
    ...c.rows.filter((r) => !answered(r)).map((r) => ({ code: c.committee.code, kind: r.kind, title: r.title })),
    ...c.carried
      .filter((r) => r.planId === null && r.input === null)
      .map((r) => ({ code: c.committee.code, kind: "carried" as const, title: r.title })),
  ]);
  const missing = sheet(
    "Saknas",
    `Saknade svar ${what}`,
    ["Nämnd", "Typ", "Rubrik"],
    unanswered.map((r) => [{ value: r.code }, { value: KIND_LABEL[r.kind] }, { value: r.title, wrap: true }]),
    [codeWidth, 13, 70],
    { filterRows: unanswered.length },
  );

  const findings = sheet(
    "Fynd",
    `Fynd i de returnerade bladen, ${what}`,
    ["Fil", "Blad", "Cell", "Allvar", "Meddelande"],
    consolidation.findings.length === 0
      ? [[{ value: "Inga fynd", italic: true }]]
      : consolidation.findings.map((f) => [
          { value: f.file, wrap: true },
          { value: f.sheet, wrap: true },
          { value: f.cell },
          { value: f.severity === "error" ? "Fel" : "Varning" },
          { value: message(f), wrap: true },
        ]),
    [30, 20, 8, 10, 80],
    { filterRows: consolidation.findings.length },
  );
  const economy = (["economy", "investment"] as const)
    .filter((kind) => hasStatement(consolidation, kind))
    .map((kind) => economyReportSheet(consolidation, kind));
  const { movement, history } = more;
  const attainment = more.attainment ?? goalAttainment(plan, consolidation, settings);
  const goals = goalAttainmentSheet(plan, consolidation, settings, goalWords, attainment);
  const charts = chartSheets(plan, consolidation, settings, goalWords, attainment);
  const moved = movement ? [movementSheet(movement, what)] : [];
  const earlier = [...moved, ...(history ? [history] : [])];
  const carried = carriedSheet(consolidation, what);
  return {
    sheets: [
      overview,
      ...economy,
      ...earlier,
      ...charts,
      goals,
      ...byCommittee,
      ...carried,
      answers,
      missing,
      findings,
    ],
  };
}
