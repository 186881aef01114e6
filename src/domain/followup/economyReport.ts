import { cellName } from "../../sheet/grid";
import { rowHeight } from "../../sheet/layout";
import { SheetSpec, SpecCell } from "../../sheet/spec";
import { oreToTkr } from "../amounts";
import { Consolidation } from "./consolidate";
import { EconomyResult } from "./economyResults";
import { deviationRule, economyFigureHeaders, PERCENT_FORMAT } from "./economySection";
import { BUDGET_MISSING } from "./expected";
import { reportSheet } from "./reportSheet";
import { amountFormat } from "./sheetLook";

/**
 * The report's Driftredovisning and Investeringsredovisning: per nämnd (and project) its budget for the year, utfall,
 * prognos, avvikelse in tkr and in % of the budget, with its kommentar and åtgärder beside them, each nämnd's sum under
 * its projects, and the kommun's total. A figure not given is "Ej inkommet", never 0: the totals are over what was given, and the sheet says so.
 * Avvikelse and % are formulas. Two sheets, as a kommun's delårsrapport and årsredovisning keep the two statements
 * apart (drift per nämnd, investments per project, each with its own total).
 */

export const DRIFT_SHEET = "Driftredovisning";
export const INVESTMENT_SHEET = "Investeringsredovisning";
/** What stands where a nämnd has given no figure. */
export const NOT_RECEIVED = "Ej inkommet";
const FIRST_ROW = 3; // 0-based: heading, marker, headers
const COLS = { code: 0, name: 1, budget: 2, outcome: 3, forecast: 4, deviation: 5, percent: 6 } as const;

/** Rows `first` to `last` (0-based) of the sheet. */
interface Range {
  first: number;
  last: number;
}

/** What each sheet reports: the drift row of each nämnd, or each investment project. */
const STATEMENTS = {
  economy: { sheet: DRIFT_SHEET, nameHeader: "Namn", counted: "nämnder", amounts: "nettokostnad" },
  investment: { sheet: INVESTMENT_SHEET, nameHeader: "Projekt", counted: "projekt", amounts: "nettoinvestering" },
} as const;

/** Whether the consolidation has anything for the statement: the report leaves out a sheet with no rows. */
export function hasStatement(consolidation: Consolidation, kind: EconomyResult["kind"]): boolean {
  return consolidation.committees.some((c) => c.economy.some((e) => e.kind === kind));
}

export function economyReportSheet(consolidation: Consolidation, kind: EconomyResult["kind"]): SheetSpec {
  const { period, year } = consolidation;
  const statement = STATEMENTS[kind];
  const prognos = period.kind === "forecast";
  const perCommittee = consolidation.committees
    .map((c) => c.economy.filter((e) => e.kind === kind).map((drift) => ({ committee: c.committee, drift })))
    .filter((lines) => lines.length > 0);
  const committees = perCommittee.flat();
  const tkrFormat = amountFormat(
    committees.flatMap(({ drift }) =>
      [drift.budgetOre, drift.outcomeOre, drift.forecastOre].filter((ore): ore is number => ore !== null),
    ),
  );
  const amount = (ore: number | null): SpecCell =>
    ore === null ? { value: NOT_RECEIVED, italic: true } : { value: oreToTkr(ore), numberFormat: tkrFormat };
  const compared = prognos ? COLS.forecast : COLS.outcome;
  const line = ({ committee, drift }: (typeof committees)[number], r: number): SpecCell[] => {
    const [budget, figure, deviation] = [COLS.budget, compared, COLS.deviation].map((col) => cellName(r, col));
    const given = (prognos ? drift.forecastOre : drift.outcomeOre) !== null;
    return [
      { value: committee.code, bold: true },
      { value: kind === "economy" ? committee.name : drift.title, wrap: true },
      drift.budgetOre === null
        ? { value: BUDGET_MISSING, italic: true }
        : { value: oreToTkr(drift.budgetOre), numberFormat: tkrFormat },
      amount(drift.outcomeOre),
      prognos ? amount(drift.forecastOre) : { value: null },
      given
        ? {
            value: null,
            formula: `IF(AND(ISNUMBER(${budget}),ISNUMBER(${figure})),${budget}-${figure},"")`,
            numberFormat: tkrFormat,
          }
        : { value: NOT_RECEIVED, italic: true },
      {
        value: null,
        formula: `IF(AND(ISNUMBER(${deviation}),ISNUMBER(${budget})),IF(${budget}=0,"",${deviation}/${budget}),"")`,
        numberFormat: PERCENT_FORMAT,
      },
      { value: drift.comment, wrap: true },
      { value: drift.measures, wrap: true },
    ];
  };
  // A sum row over `ranges` of the rows of `lines`: budget, utfall, prognos and avvikelse summed over what was given
  // (SUM passes over Ej inkommet; a figure none of the lines gave is Ej inkommet here too, never 0), the avvikelse in %
  // of the budget of the lines that have one (SUMIF takes the rows where it is a number).
  const sums = (label: SpecCell[], row: number, ranges: Range[], lines: typeof committees): SpecCell[] => {
    const over = (col: number) => ranges.map(({ first, last }) => `${cellName(first, col)}:${cellName(last, col)}`);
    const sum = (col: number, given = true): SpecCell =>
      given
        ? { value: null, formula: `SUM(${over(col).join(",")})`, numberFormat: tkrFormat, bold: true }
        : { value: NOT_RECEIVED, italic: true, bold: true };
    const any = (figure: (drift: EconomyResult) => number | null) => lines.some(({ drift }) => figure(drift) !== null);
    const [deviations, budgets] = [over(COLS.deviation), over(COLS.budget)];
    const answered = deviations.map((range, i) => `SUMIF(${range},">-1E+307",${budgets[i]})`).join("+");
    return [
      ...label,
      sum(COLS.budget),
      sum(
        COLS.outcome,
        any((d) => d.outcomeOre),
      ),
      prognos
        ? sum(
            COLS.forecast,
            any((d) => d.forecastOre),
          )
        : { value: null },
      sum(
        COLS.deviation,
        any((d) => (prognos ? d.forecastOre : d.outcomeOre)),
      ),
      {
        value: null,
        formula: `IF((${answered})=0,"",${cellName(row, COLS.deviation)}/(${answered}))`,
        numberFormat: PERCENT_FORMAT,
        bold: true,
      },
    ];
  };
  // Drift: one line per nämnd. Investments: each nämnd's projects, then its sum, as a kommun's investment statement
  // shows them; the kommun's total adds up the lines (never a nämnd's sum again).
  const groups = kind === "economy" ? [committees] : perCommittee;
  const rows: SpecCell[][] = [];
  const ranges: Range[] = [];
  for (const group of groups) {
    const first = FIRST_ROW + rows.length;
    group.forEach((entry, i) => rows.push(line(entry, first + i)));
    const range = { first, last: first + group.length - 1 };
    ranges.push(range);
    if (kind === "investment") {
      const { committee } = group[0];
      const label = [
        { value: committee.code, bold: true },
        { value: `Summa ${committee.name ?? committee.code}`, bold: true },
      ];
      rows.push(sums(label, FIRST_ROW + rows.length, [range], group));
    }
  }
  const total = FIRST_ROW + rows.length;
  const totals = sums(
    [{ value: "Kommunen totalt", bold: true }, { value: null }],
    total,
    ranges.length ? ranges : [{ first: FIRST_ROW, last: FIRST_ROW }],
    committees,
  );
  const count = (given: (ore: number | null) => boolean, of: "outcomeOre" | "forecastOre") =>
    committees.filter(({ drift }) => given(drift[of])).length;
  const has = (ore: number | null) => ore !== null;
  const codes = (lines: typeof committees) => [...new Set(lines.map(({ committee }) => committee.code))].join(", ");
  const missing = committees.filter(({ drift }) => (prognos ? drift.forecastOre : drift.outcomeOre) === null);
  const ledger = codes(committees.filter(({ drift }) => drift.outcomeFromLedger));
  const from = kind === "economy" ? "från" : "för";
  const notes = [
    `Summorna gäller det som kommit in: utfall ${from} ${count(has, "outcomeOre")} och ` +
      (prognos ? `prognos ${from} ${count(has, "forecastOre")} ` : "") +
      `av ${committees.length} ${statement.counted}. ${NOT_RECEIVED} räknas aldrig som 0` +
      (missing.length ? ` (${codes(missing)}).` : "."),
    `Belopp i tkr, ${statement.amounts}. ${deviationRule(period)} Avvikelse i % av budgeten; kommunens för de ` +
      `${statement.counted} som har en avvikelse.`,
    ...(ledger ? [`Utfallet är hämtat ur huvudboken för ${ledger}.`] : []),
  ];
  const spec = reportSheet(
    statement.sheet,
    `${statement.sheet} ${period.name} ${year}`,
    ["Nämnd", statement.nameHeader, ...economyFigureHeaders(period), "Kommentar", "Åtgärder"],
    [...rows, totals, [], ...notes.map((note) => [{ value: note, italic: true }])],
    WIDTHS,
  );
  // Each note across the table, wrapped, so that it prints within the page.
  const first = total + 2;
  const width = WIDTHS.reduce((a, b) => a + b, 0);
  const noteRows = notes.map((note, i) => ({
    row: first + i,
    height: rowHeight([{ value: note, wrap: true }], [width]),
  }));
  return {
    ...spec,
    blocks: [
      {
        ...spec.blocks[0],
        rows: spec.blocks[0].rows.map((row, r) => (r >= first ? row.map((cell) => ({ ...cell, wrap: true })) : row)),
      },
    ],
    merges: noteRows.map(({ row }) => `${cellName(row, 0)}:${cellName(row, WIDTHS.length - 1)}`),
    rowHeights: [...(spec.rowHeights ?? []).filter((h) => h.row < first), ...noteRows],
  };
}

// Narrow enough to print at 8 pt or more on A4 landscape; an utfall to the öre from the ledger needs 16.
const WIDTHS = [8, 26, 14, 16, 14, 14, 10, 38, 38];
