import { formatAmount, parseAmount } from "../amounts";
import { PeriodKind } from "../settings";
import { answerText } from "./earlierAnswers";
import { Answer } from "./model";
import { Section } from "./sections";

/**
 * The previous period's answer on a row whose column G is taken (a ramjustering's Avvikelse, a nyckeltal's Enhet, the
 * Ekonomi section's formulas): a locked, greyed line under the row, read by no reader (its key marks it as one that
 * only explains), so a consolidation of the new sheet reads exactly the new answers.
 */

/** What the line says, "Svar T1 2024: prognos 180 tkr – Högre kostnader.", or null when nothing was answered. */
export function previousLine(answer: Answer, label: string, kind: PeriodKind): string | null {
  const figures: string[] = [];
  const amount = (value: string | number | null | undefined) => {
    if (typeof value !== "number") return value ?? "";
    const read = parseAmount(value, "tkr");
    return read?.ok ? formatAmount(read.ore) : String(value);
  };
  const add = (word: string, value: string | number | null | undefined, money = true) => {
    if (value !== null && value !== undefined && value !== "") figures.push(`${word} ${money ? amount(value) : value}`);
  };
  const forecast = kind === "forecast";
  switch (answer.kind) {
    case "adjustment":
      add(forecast ? "prognos" : "utfall", answer.input);
      break;
    case "keyFigure":
      add("utfall", answer.input, false);
      break;
    case "economy":
    case "investment":
      add(forecast ? "utfall hittills" : "utfall helår", answer.outcomeFromLedger ? null : answer.outcome);
      add("prognos helår", answer.input);
      break;
    default:
      return answerText(answer) ? `Svar ${label}: ${answerText(answer)}` : null;
  }
  const said = [figures.join(", "), answer.comment ?? ""].filter((p) => p !== "").join(" – ");
  return said ? `Svar ${label}: ${said}` : null;
}

/** The section with each row's previous answer as a line under it, where one was given (goals and uppdrag excepted). */
export function withPreviousLines(
  section: Section,
  previous: { label: string; kind: PeriodKind; answers: Map<string, Answer> } | undefined,
): Section {
  if (!previous || section.id === "goal" || section.id === "assignment" || section.id === "removed") return section;
  return {
    ...section,
    rows: section.rows.map((row) => {
      const answer = previous.answers.get(row.key);
      const line = answer ? previousLine(answer, previous.label, previous.kind) : null;
      return line ? { ...row, previousLine: line } : row;
    }),
  };
}
