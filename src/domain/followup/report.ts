import { cellName } from "../../sheet/grid";
import { ConditionalFill, SheetSpec, SpecCell, WorkbookSpec } from "../../sheet/spec";
import { oreToTkr } from "../amounts";
import { Finding } from "../findings";
import { Plan } from "../model";
import { Settings } from "../settings";
import { CommitteeResult, Consolidation, ResultRow } from "./consolidate";
import { NOT_RECEIVED, economyReportSheet, hasStatement } from "./economyReport";
import { economyFigures } from "./economyResults";
import { GoalReportWords, goalAttainmentSheet } from "./goalAttainmentSheet";
import { chartSheets } from "./reportCharts";
import { reportSheet as sheet } from "./reportSheet";

export { REPORT_MARKER } from "./reportSheet";
import { amountFormat } from "./sheetLook";
import { PlanRowKind, KIND_LABEL } from "./model";

/**
 * The finance office's report: an overview per nämnd, the economy, Måluppfyllelse down the goal tree (every nämnd's
 * bedömning side by side and the overall one; goalAttainmentSheet.ts), every answer, what is missing (for chasing), and the findings. Counts and sums in the overview are
 * formulas over the answer sheet, so a spreadsheet recalculates them; reportFigures gives the same figures for --json.
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

/** The report's first sheet: per nämnd, who answered and how it went. */
export const OVERVIEW_SHEET = "Översikt";

export function reportFigures(consolidation: Consolidation, settings: Settings): CommitteeFigures[] {
  const labels = [...settings.scales.goal, ...settings.scales.assignment].map((v) => v.label);
  return consolidation.committees.map(({ committee, source, answered: hasAnswered, rows, economy }) => {
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
      economy: economyFigures(economy, consolidation.period.kind),
    };
  });
}

/** "$H$3" */
function absolute(row: number, col: number): string {
  return cellName(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
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
): WorkbookSpec {
  const { period, year } = consolidation;
  const what = `${period.name} ${year}`;
  const answerRows = consolidation.committees.flatMap((c) => c.rows.map((row) => ({ code: c.committee.code, row })));
  const amountHeader = period.kind === "forecast" ? "Prognos (tkr)" : "Utfall (tkr)";
  const tkrFormat = amountFormat([
    ...plan.adjustments.map((a) => a.amountOre),
    ...answerRows.flatMap(({ row }) => (row.kind === "adjustment" && row.input !== null ? [row.input] : [])),
  ]);

  // Svar: one row per answer the plan asks for; the overview counts and sums over it.
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
        { value: row.id },
        { value: row.title, wrap: true },
        { value: row.kind === "adjustment" ? null : row.input },
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
    [8, 14, 22, 50, 18, 50, 14, 14, 14],
  );
  const column = (letter: string) => `${ANSWERS_SHEET}!$${letter}$${FIRST_DATA_ROW + 1}:$${letter}$${last}`;

  // Översikt: per nämnd, formulas over Svar.
  const labels = [...settings.scales.goal, ...settings.scales.assignment];
  const overviewHeaders = [
    "Nämnd",
    "Namn",
    "Svar från",
    "Mål besvarade",
    "Mål totalt",
    "Uppdrag besvarade",
    "Uppdrag totalt",
    ...labels.map((v) => v.label),
    "Ramjusteringar (tkr)",
    amountHeader,
    "Avvikelse (tkr)",
    "Saknas",
  ];
  const committees = consolidation.committees;
  const figures = reportFigures(consolidation, settings);
  // Wide enough for the longest code, so that two long codes never look alike.
  const codeWidth = Math.min(40, Math.max(8, ...committees.map((c) => c.committee.code.length + 2)));
  // Counts and sums match text exactly (EXACT) against the nämnd's code and the status in this sheet's own cells:
  // no code or status is ever part of a formula, where COUNTIFS would read "<>KS", ">A" or "K*" as a comparison.
  const where = (r: number, ...conditions: string[]) =>
    `SUMPRODUCT(--EXACT(${column("A")},$A$${r + 1})${conditions.map((c) => `,${c}`).join("")})`;
  const kindIs = (...kinds: string[]) => kinds.map((kind) => `EXACT(${column("B")},"${kind}")`).join("+");
  const labelColumn = (i: number) => 7 + i; // column H on: one per status
  const given = `--(${column("H")}<>"")`;
  // Each formula carries the value it gives (computed as reportFigures does), so that a viewer that does not
  // recalculate shows it. A nämnd that has not answered has no figure of its own: blank, never 0.
  const overviewRows: SpecCell[][] = committees.map((c, i) => {
    const r = FIRST_DATA_ROW + i;
    const f = figures[i];
    const formula = (value: number, ...conditions: string[]): SpecCell => ({ value, formula: where(r, ...conditions) });
    const answeredOnly = (cell: SpecCell): SpecCell => (c.answered ? cell : { value: null });
    // Prognos and avvikelse only where a prognos was given: a sum of none is blank, not 0.
    const amountSum = (letter: string, tkr: number): SpecCell =>
      f.adjustments.answered === 0
        ? { value: null }
        : {
            value: tkr,
            formula: `IF(${where(r, given)}=0,"",${where(r, column(letter))})`,
            numberFormat: tkrFormat,
          };
    return [
      { value: c.committee.code, bold: true },
      { value: c.committee.name },
      c.answered && c.source
        ? { value: `${c.source.file} (${c.source.sheet})`, wrap: true }
        : { value: NOT_RECEIVED, italic: true },
      answeredOnly(formula(f.goals.answered, `--(${kindIs("Mål")})`, `--(${column("E")}<>"")`)),
      formula(f.goals.total, `--(${kindIs("Mål")})`),
      answeredOnly(formula(f.assignments.answered, `--(${kindIs("Uppdrag")})`, `--(${column("E")}<>"")`)),
      formula(f.assignments.total, `--(${kindIs("Uppdrag")})`),
      // A status counts on goals and uppdrag: a nyckeltal's utfall may be any text.
      ...labels.map((label, l) =>
        answeredOnly(
          formula(
            f.statusCounts[label.label] ?? 0,
            `--EXACT(${column("E")},${absolute(FIRST_DATA_ROW - 1, labelColumn(l))})`,
            `--(${kindIs("Mål", "Uppdrag")})`,
          ),
        ),
      ),
      // SUMPRODUCT takes the empty cells and the "" of an avvikelse without a prognos as 0.
      { ...formula(f.adjustmentsTkr, column("G")), numberFormat: tkrFormat },
      amountSum("H", f.forecastTkr),
      amountSum("I", f.deviationTkr),
      // Unanswered: no status and no prognos.
      formula(f.missing.length, `--(${column("E")}="")`, `--(${column("H")}="")`),
    ];
  });
  const firstCount = 3; // column D: the first formula column
  const totalRow = FIRST_DATA_ROW + committees.length;
  const answeredCount = committees.filter((c) => c.answered).length;
  const totals: SpecCell[] = [
    { value: "Summa", bold: true },
    { value: null },
    { value: `${answeredCount} av ${committees.length} har svarat`, italic: true },
    ...overviewHeaders.slice(firstCount).map((_, i): SpecCell => {
      const col = firstCount + i;
      const values = overviewRows.map((row) => row[col].value).filter((v): v is number => typeof v === "number");
      return {
        value: values.reduce((sum, v) => sum + v, 0),
        bold: true,
        formula: `SUM(${cellName(FIRST_DATA_ROW, col)}:${cellName(Math.max(totalRow - 1, FIRST_DATA_ROW), col)})`,
        ...(overviewHeaders[col].includes("tkr") ? { numberFormat: tkrFormat } : {}),
      };
    }),
  ];
  const overviewNote =
    `Summorna gäller det som kommit in: svar från ${answeredCount} av ${committees.length} nämnder. ` +
    `En nämnd som inte svarat (${NOT_RECEIVED}) räknas aldrig som 0; prognos och avvikelse summeras över de ` +
    "ramjusteringar som fått en prognos.";
  const statusColumns = (index: number) => {
    const col = labelColumn(index);
    return `${cellName(FIRST_DATA_ROW, col)}:${cellName(totalRow, col)}`;
  };
  const overview: SheetSpec = {
    ...sheet(
      OVERVIEW_SHEET,
      `Uppföljning ${what}: översikt per nämnd`,
      overviewHeaders,
      [...overviewRows, totals, [], [{ value: overviewNote, italic: true }]],
      [codeWidth, 34, 30, 10, 10, 10, 10, ...labels.map(() => 11), 15, 15, 15, 9],
    ),
    // A status column lights up in its colour where any answer has it.
    conditionalFills: labels.map((v, i): ConditionalFill => ({
      range: statusColumns(i),
      when: { greaterThan: 0 },
      fill: v.color,
    })),
  };

  // Saknas: what to chase, by nämnd.
  const missing = sheet(
    "Saknas",
    `Saknade svar ${what}`,
    ["Nämnd", "Typ", "Rubrik"],
    committees.flatMap((c) =>
      c.rows
        .filter((r) => !answered(r))
        .map((r) => [{ value: c.committee.code }, { value: KIND_LABEL[r.kind] }, { value: r.title, wrap: true }]),
    ),
    [8, 14, 80],
  );

  const findings = sheet(
    "Fynd",
    `Fynd i de returnerade bladen, ${what}`,
    ["Fil", "Blad", "Cell", "Allvar", "Meddelande"],
    consolidation.findings.length === 0
      ? [[{ value: "Inga fynd", italic: true }]]
      : consolidation.findings.map((f) => [
          { value: f.file },
          { value: f.sheet },
          { value: f.cell },
          { value: f.severity === "error" ? "Fel" : "Varning" },
          { value: message(f), wrap: true },
        ]),
    [30, 20, 8, 10, 90],
  );
  const economy = (["economy", "investment"] as const)
    .filter((kind) => hasStatement(consolidation, kind))
    .map((kind) => economyReportSheet(consolidation, kind));
  const goals = goalAttainmentSheet(plan, consolidation, settings, goalWords);
  const charts = chartSheets(plan, consolidation, settings, goalWords);
  return { sheets: [overview, ...economy, ...charts, goals, answers, missing, findings] };
}
