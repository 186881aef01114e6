import { cellName } from "../../sheet/grid";
import { ConditionalFill, SheetSpec, SpecCell, WorkbookSpec } from "../../sheet/spec";
import { oreToTkr } from "../amounts";
import { Finding } from "../findings";
import { Plan } from "../model";
import { Settings } from "../settings";
import { CommitteeResult, Consolidation, ResultRow } from "./consolidate";
import { committeeContent } from "./content";
import { economyReportSheet, hasStatement } from "./economyReport";
import { economyFigures } from "./economyResults";
import { chartSheet } from "./reportCharts";
import { reportSheet as sheet } from "./reportSheet";

export { REPORT_MARKER } from "./reportSheet";
import { amountFormat } from "./sheetLook";
import { PlanRowKind, KIND_LABEL } from "./model";

/**
 * The finance office's report: an overview per nämnd, each kommunövergripande mål with every nämnd's bedömning side
 * by side, every answer, what is missing (for chasing), and the findings. Counts and sums in the overview are
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

/** `message` renders a finding in the user's language (src/i18n), which the core does not know. */
export function reportWorkbook(
  plan: Plan,
  consolidation: Consolidation,
  settings: Settings,
  message: (finding: Finding) => string,
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
              value: null,
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
  // Wide enough for the longest code, so that two long codes never look alike.
  const codeWidth = Math.min(40, Math.max(8, ...committees.map((c) => c.committee.code.length + 2)));
  // Counts and sums match text exactly (EXACT) against the nämnd's code and the status in this sheet's own cells:
  // no code or status is ever part of a formula, where COUNTIFS would read "<>KS", ">A" or "K*" as a comparison.
  const where = (r: number, ...conditions: string[]) =>
    `SUMPRODUCT(--EXACT(${column("A")},$A$${r + 1})${conditions.map((c) => `,${c}`).join("")})`;
  const kindIs = (...kinds: string[]) => kinds.map((kind) => `EXACT(${column("B")},"${kind}")`).join("+");
  const labelColumn = (i: number) => 7 + i; // column H on: one per status
  const overviewRows: SpecCell[][] = committees.map((c, i) => {
    const r = FIRST_DATA_ROW + i;
    const formula = (...conditions: string[]): SpecCell => ({ value: null, formula: where(r, ...conditions) });
    const sum = (letter: string): SpecCell => ({ ...formula(column(letter)), numberFormat: tkrFormat });
    return [
      { value: c.committee.code, bold: true },
      { value: c.committee.name },
      { value: c.answered && c.source ? `${c.source.file} (${c.source.sheet})` : "Inget svar", wrap: true },
      formula(`--(${kindIs("Mål")})`, `--(${column("E")}<>"")`),
      formula(`--(${kindIs("Mål")})`),
      formula(`--(${kindIs("Uppdrag")})`, `--(${column("E")}<>"")`),
      formula(`--(${kindIs("Uppdrag")})`),
      // A status counts on goals and uppdrag: a nyckeltal's utfall may be any text.
      ...labels.map((_, l) =>
        formula(
          `--EXACT(${column("E")},${absolute(FIRST_DATA_ROW - 1, labelColumn(l))})`,
          `--(${kindIs("Mål", "Uppdrag")})`,
        ),
      ),
      // SUMPRODUCT takes the empty cells and the "" of an avvikelse without a prognos as 0.
      sum("G"),
      sum("H"),
      sum("I"),
      // Unanswered: no status and no prognos.
      formula(`--(${column("E")}="")`, `--(${column("H")}="")`),
    ];
  });
  const firstCount = 3; // column D: the first formula column
  const totalRow = FIRST_DATA_ROW + committees.length;
  const totals: SpecCell[] = [
    { value: "Summa", bold: true },
    { value: null },
    { value: null },
    ...overviewHeaders.slice(firstCount).map((_, i): SpecCell => ({
      value: null,
      bold: true,
      formula: `SUM(${cellName(FIRST_DATA_ROW, firstCount + i)}:${cellName(Math.max(totalRow - 1, FIRST_DATA_ROW), firstCount + i)})`,
      ...(overviewHeaders[firstCount + i].includes("tkr") ? { numberFormat: tkrFormat } : {}),
    })),
  ];
  const statusColumns = (index: number) => {
    const col = labelColumn(index);
    return `${cellName(FIRST_DATA_ROW, col)}:${cellName(totalRow, col)}`;
  };
  const overview: SheetSpec = {
    ...sheet(
      OVERVIEW_SHEET,
      `Uppföljning ${what}: översikt per nämnd`,
      overviewHeaders,
      [...overviewRows, totals],
      [codeWidth, 34, 30, 10, 10, 10, 10, ...labels.map(() => 11), 15, 15, 15, 9],
    ),
    // A status column lights up in its colour where any answer has it.
    conditionalFills: labels.map((v, i): ConditionalFill => ({
      range: statusColumns(i),
      when: { greaterThan: 0 },
      fill: v.color,
    })),
  };

  // Per mål: each kommunövergripande mål with every nämnd's bedömning side by side.
  const goalsOf = new Map(
    committees.map((c) => [c, new Set(committeeContent(plan, c.committee.code).goals.map((g) => g.id))]),
  );
  const serving = (goalId: string) => committees.filter((c) => goalsOf.get(c)?.has(goalId));
  const kfGoals = plan.goals.filter((g) => g.level === "kommunmal");
  const goalCommittees = committees.filter((c) => kfGoals.some((g) => serving(g.id).includes(c)));
  const assessment = (c: CommitteeResult, goalId: string) =>
    c.rows.find((r) => r.kind === "goal" && r.id === goalId)?.input ?? (serving(goalId).includes(c) ? null : "–");
  const perGoalRange = `B${FIRST_DATA_ROW + 1}:${cellName(FIRST_DATA_ROW + Math.max(kfGoals.length, 1) - 1, goalCommittees.length)}`;
  const perGoal: SheetSpec = {
    ...sheet(
      "Per mål",
      `Bedömning per kommunövergripande mål, ${what}`,
      ["Kommunövergripande mål", ...goalCommittees.map((c) => c.committee.code)],
      kfGoals.map((g) => [
        { value: g.name, wrap: true },
        ...goalCommittees.map((c): SpecCell => ({ value: assessment(c, g.id) })),
      ]),
      [50, ...goalCommittees.map(() => 16)],
    ),
    conditionalFills: settings.scales.goal.map((v) => ({
      range: perGoalRange,
      when: { equals: v.label },
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
    consolidation.findings.map((f) => [
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
  const charts = chartSheet(consolidation, settings);
  return { sheets: [overview, ...economy, ...(charts ? [charts] : []), perGoal, answers, missing, findings] };
}
