import { cellName } from "../../sheet/grid";
import { InputPrompt, SpecCell, TEXT_FORMAT } from "../../sheet/spec";
import { oreToTkr } from "../amounts";
import { Period } from "../settings";
import { ExpectedRow } from "./expected";
import { Answer, ECONOMY_COL } from "./model";
import { Row, Section } from "./sections";

/**
 * The Ekonomi section of a follow-up sheet: the nämnd's drift and each investment project with its budget for the
 * year (locked), Utfall hittills and Prognos helår (typed, or the utfall filled from the ledger), Avvikelse and
 * Avvikelse in % (formulas), a kommentar, and on the row below the åtgärder.
 */

/** How a deviation reads: one sentence, on the sheet above the section and in the input messages. */
export function deviationRule(period: Period): string {
  return period.kind === "forecast"
    ? "Avvikelse = budget − prognos: positiv är ett överskott, negativ ett underskott."
    : "Avvikelse = budget − utfall: positiv är ett överskott, negativ ett underskott.";
}

/** Budgets are the nämnd's net cost: a cost is written positive, as in the budget. */
export const ECONOMY_SIGN_RULE =
  "Skriv beloppen i tkr som nettokostnad, med samma tecken som budgeten (en kostnad positiv).";

export const PERCENT_FORMAT = "0.0%";

/** When the åtgärder are required: any deficit, or one deeper than the kommun's threshold (percent of the budget). */
export function measuresRule(thresholdPercent: number): string {
  return thresholdPercent > 0
    ? `Åtgärder krävs när underskottet är större än ${String(thresholdPercent).replace(".", ",")} % av budgeten.`
    : "Åtgärder krävs när avvikelsen är negativ.";
}

export function economySection(
  expected: ExpectedRow[],
  answers: Map<string, Answer>,
  period: Period,
  thresholdPercent: number,
): Section {
  const prognos = period.kind === "forecast";
  const rows = expected
    .filter((row) => row.input === "figures" || row.input === "measures")
    .map(({ key, title, value, amountOre, input }): Row => ({
      key,
      // Column C: the budget in tkr, or said missing.
      cells: [title, amountOre === null ? value : oreToTkr(amountOre), null, null, null, null, null],
      input,
      answer: answers.get(key),
    }));
  return {
    id: "economy",
    title: "Ekonomi",
    note:
      `Belopp i tkr. ${ECONOMY_SIGN_RULE} ${deviationRule(period)} ${measuresRule(thresholdPercent)}` +
      (prognos ? "" : " Vid helår är utfallet årets utfall; någon prognos görs inte."),
    headers: ["Drift och investeringar", ...economyFigureHeaders(period), "Kommentar"],
    rows,
  };
}

/**
 * A drift or investment row's cells (column B on) at sheet row `r`: budget locked, utfall and prognos to type (the
 * prognos only where the period has one), avvikelse and its share of the budget as formulas that stay empty until
 * the figure they need is a number, and the kommentar. An åtgärder row takes its text in the kommentar's column.
 */
export function economyCells(row: Row, r: number, period: Period, amountFormat: string, fill: string): SpecCell[] {
  const answer = row.answer;
  const text = (value: string | number | null | undefined): SpecCell => ({
    value: value ?? null,
    locked: false,
    fill,
    wrap: true,
    numberFormat: TEXT_FORMAT,
  });
  const [title, budget] = row.cells;
  const cells: SpecCell[] = [
    { value: title, wrap: true },
    { value: budget, wrap: true, ...(typeof budget === "number" ? { numberFormat: amountFormat } : {}) },
    ...Array.from({ length: 5 }, (): SpecCell => ({ value: null })),
  ];
  const at = (col: number) => col - 1;
  if (row.input === "measures") {
    cells[at(ECONOMY_COL.comment)] = text(answer?.comment);
    return cells;
  }
  // What was typed stays as typed: a number is a number, a text (a slip) stays text for consolidation to point at.
  const figure = (value: string | number | null | undefined): SpecCell => ({
    value: value ?? null,
    locked: false,
    fill,
    wrap: true, // aligned to the top, as the row's title is
    numberFormat: amountFormat,
  });
  const prognos = period.kind === "forecast";
  cells[at(ECONOMY_COL.outcome)] = figure(answer?.outcome);
  // Without a prognos for the period the column is locked; a prognos that stands there all the same stays, shown.
  cells[at(ECONOMY_COL.forecast)] = prognos ? figure(answer?.input) : { value: answer?.input ?? null, wrap: true };
  const [b, compared, deviation] = [
    cellName(r, ECONOMY_COL.budget),
    cellName(r, prognos ? ECONOMY_COL.forecast : ECONOMY_COL.outcome),
    cellName(r, ECONOMY_COL.deviation),
  ];
  cells[at(ECONOMY_COL.deviation)] = {
    value: null,
    formula: `IF(AND(ISNUMBER(${b}),ISNUMBER(${compared})),${b}-${compared},"")`,
    numberFormat: amountFormat,
    wrap: true,
  };
  cells[at(ECONOMY_COL.percent)] = {
    value: null,
    formula: `IF(AND(ISNUMBER(${deviation}),ISNUMBER(${b})),IF(${b}=0,"",${deviation}/${b}),"")`,
    numberFormat: PERCENT_FORMAT,
    wrap: true,
  };
  cells[at(ECONOMY_COL.comment)] = text(answer?.comment);
  return cells;
}

/** The input messages over a run of Ekonomi rows from sheet row `first` to `last`: cell ranges and what to type. */
export function economyPrompts(
  input: "figures" | "measures",
  first: number,
  last: number,
  period: Period,
  thresholdPercent: number,
): { range: string; prompt: InputPrompt }[] {
  const range = (col: number) => `${cellName(first, col)}:${cellName(last, col)}`;
  if (input === "measures") {
    return [
      {
        range: range(ECONOMY_COL.comment),
        prompt: {
          title: "Åtgärder",
          text: `Vad nämnden gör för att komma i balans. ${measuresRule(thresholdPercent)}`,
        },
      },
    ];
  }
  const prognos = period.kind === "forecast";
  const prompts = [
    {
      range: range(ECONOMY_COL.outcome),
      prompt: {
        title: prognos ? "Utfall hittills, tkr" : "Utfall helår, tkr",
        text: `${prognos ? "Bokfört utfall hittills i år." : "Årets utfall."} ${ECONOMY_SIGN_RULE}`,
      },
    },
    {
      range: range(ECONOMY_COL.comment),
      prompt: { title: "Kommentar", text: `Förklara avvikelsen mot budgeten. ${deviationRule(period)}` },
    },
  ];
  if (prognos) {
    prompts.push({
      range: range(ECONOMY_COL.forecast),
      prompt: {
        title: "Prognos helår, tkr",
        text: `Vad året väntas kosta. ${ECONOMY_SIGN_RULE} Avvikelsen räknas ut av sig själv.`,
      },
    });
  }
  return prompts;
}

/** Whether a row of this input kind belongs to the Ekonomi section. */
export function isEconomyInput(input: string): input is "figures" | "measures" {
  return input === "figures" || input === "measures";
}

/** The figures' column headers, the same in the nämnd's sheet and in the report's Driftredovisning. */
export function economyFigureHeaders(period: Period): string[] {
  return [
    "Budget helår (tkr)",
    period.kind === "forecast" ? "Utfall hittills (tkr)" : "Utfall helår (tkr)",
    "Prognos helår (tkr)",
    "Avvikelse (tkr)\n+ överskott, − underskott",
    "Avvikelse (%)",
  ];
}
