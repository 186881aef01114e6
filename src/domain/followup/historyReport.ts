import { SheetSpec, SpecCell } from "../../sheet/spec";
import { AnswerPeriod } from "./answerPeriods";
import { Answer, FollowUpKind, KIND_LABEL, hasFigures } from "./model";
import { previousLabel } from "./previousPeriod";
import { reportSheet } from "./reportSheet";
import { amountFormat } from "./sheetLook";
import { ORE_PER_UNIT } from "../amounts";

/**
 * The report's Historik sheet: every answered row of every nämnd, with what it was answered in each period the
 * history holds (T1 → Delår → Helår), oldest first. Made only when the history holds more than the period reported.
 */

export const HISTORY_REPORT_SHEET = "Historik";

/** The periods shown, the newest this many: more would not print across A4 at 8 pt. */
const MAX_PERIODS = 6;
/** Characters A4 landscape holds across at 8 pt, with the report's margins (as the Svar sheet's columns). */
const PAGE_CHARACTERS = 170;
/** A comment is cut here: the sheet shows how a row went, each period's report has the whole text. */
const COMMENT_MAX = 120;

export function historyReportSheet(periods: AnswerPeriod[], committees: string[]): SheetSpec | null {
  if (periods.length < 2) return null;
  const shown = periods.slice(-MAX_PERIODS);
  const now = shown[shown.length - 1];
  const codeWidth = Math.min(20, Math.max(8, ...committees.map((code) => code.length + 2)));
  const fixed = [codeWidth, 12, 34];
  const perPeriod = Math.floor((PAGE_CHARACTERS - fixed.reduce((a, b) => a + b, 0)) / shown.length);
  const valueWidth = Math.max(9, Math.round(perPeriod * 0.36));
  const widths = [...fixed, ...shown.flatMap(() => [valueWidth, perPeriod - valueWidth])];
  const rows: SpecCell[][] = [];
  // The nämnder in the plan's order, then any the history names that the plan no longer has.
  const codes = [...new Set([...committees, ...shown.flatMap((p) => [...p.byCommittee.keys()])])];
  for (const code of codes) {
    // The rows as the newest period has them (the plan's order), then those only earlier periods have.
    const keys = [...new Set([...shown].reverse().flatMap((p) => [...(p.byCommittee.get(code)?.keys() ?? [])]))];
    for (const key of keys) {
      const answers = shown.map((p) => p.byCommittee.get(code)?.get(key));
      const latest = [...answers].reverse().find((a) => a !== undefined)!;
      rows.push([
        { value: code },
        { value: KIND_LABEL[latest.kind] },
        { value: latest.title, wrap: true },
        ...answers.flatMap((answer, i) => periodCells(answer, shown[i])),
      ]);
    }
  }
  const headers = ["Nämnd", "Typ", "Rubrik", ...shown.flatMap((p) => [previousLabel(p), "Kommentar"])];
  const span = `${previousLabel(shown[0])} – ${previousLabel(now)}`;
  return reportSheet(
    HISTORY_REPORT_SHEET,
    `Svar per period, ${span}`,
    headers,
    rows.length ? rows : [[{ value: "Inga svar i historiken", italic: true }]],
    widths,
    { filterRows: rows.length },
  );
}

/** A row's answer in one period: the status, bedömning or figure (at Helår the utfall), and the comment, cut short. */
function periodCells(answer: Answer | undefined, period: AnswerPeriod): SpecCell[] {
  if (!answer) return [{ value: null }, { value: null }];
  const figure = hasFigures(answer.kind) && period.kind === "outcome" ? answer.outcome : answer.input;
  const value = figure ?? null;
  const comment = answer.comment && answer.comment.length > COMMENT_MAX ? `${cut(answer.comment)}…` : answer.comment;
  return [
    {
      value,
      wrap: typeof value === "string",
      ...(typeof value === "number" && isAmount(answer.kind) ? { numberFormat: amountFormat([tkrToOre(value)]) } : {}),
    },
    { value: comment, wrap: true },
  ];
}

function isAmount(kind: FollowUpKind): boolean {
  return kind === "adjustment" || hasFigures(kind);
}

function tkrToOre(tkr: number): number {
  return Math.round(tkr * ORE_PER_UNIT.tkr);
}

function cut(text: string): string {
  let end = COMMENT_MAX - 1;
  if (/[\ud800-\udbff]/.test(text[end - 1])) end--;
  return text.slice(0, end).trimEnd();
}
