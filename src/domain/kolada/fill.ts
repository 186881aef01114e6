import { ExpectedRow } from "../followup/expected";
import { Answer } from "../followup/model";
import { KoladaOutcome } from "./match";

/**
 * Kolada's figures into a nämnd's nyckeltal rows: the Utfall (the row's answer, so consolidation reads it back like
 * any typed figure) where the nämnd has given none, and beside it in the locked Enhet column the year and the source
 * ("Källa: Kolada 2024"), which a nämnd reads without opening anything. A figure the nämnd typed is never replaced:
 * when Kolada's differs, the Enhet column shows Kolada's and the follow-up reports both. A figure Kolada filled in
 * before is Kolada's, not typed: a newer file replaces it, and the sheet's metadata says which figures are Kolada's.
 */

export interface KoladaFill {
  expected: ExpectedRow[];
  answers: Map<string, Answer>;
  /** Rows where the nämnd's figure stands and Kolada's differs. */
  differs: { key: string; typed: string | number; outcome: KoladaOutcome }[];
  /** The figures Kolada filled in, by row key: the sheet's metadata (FollowUpMeta.koladaFilled). */
  filled: Record<string, number>;
  /** The year of each of those figures that is known, by row key (FollowUpMeta.koladaYears). */
  years: Record<string, number>;
}

/** The label beside a figure Kolada gave: the source and its year (unknown on sheets from before it was kept). */
export function koladaLabel(year: number | undefined): string {
  return year === undefined ? "Källa: Kolada" : `Källa: Kolada ${year}`;
}

function swedish(value: number): string {
  return value.toLocaleString("sv-SE", { maximumFractionDigits: 10 });
}

export function withKolada(
  expected: ExpectedRow[],
  given: Map<string, Answer>,
  outcomes: ReadonlyMap<string, KoladaOutcome> = new Map(),
): KoladaFill {
  const answers = new Map(given);
  const differs: KoladaFill["differs"] = [];
  const rows = expected.map((row) => {
    const outcome = row.kind === "keyFigure" && row.detail ? outcomes.get(row.detail) : undefined;
    const before = answers.get(row.key);
    const beside = (label: string) => ({ ...row, extra: row.extra ? `${row.extra}\n${label}` : label });
    // A figure an earlier file filled in, with no newer one: still Kolada's, and still said so.
    if (!outcome) return before?.inputFromKolada ? beside(koladaLabel(before.koladaYear)) : row;
    const typed = before?.inputFromKolada ? null : (before?.input ?? null);
    if (typed === null || typed === "") {
      answers.set(row.key, {
        key: row.key,
        kind: "keyFigure",
        title: row.title,
        input: outcome.value,
        comment: before?.comment ?? null,
        inputFromKolada: true,
        koladaYear: outcome.year,
      });
      return beside(koladaLabel(outcome.year));
    }
    if (typed === outcome.value || Number(String(typed).replace(",", ".")) === outcome.value) {
      return beside(koladaLabel(outcome.year));
    }
    differs.push({ key: row.key, typed, outcome });
    return beside(`Kolada ${outcome.year}: ${swedish(outcome.value)}`);
  });
  // Kolada's figures, this file's and those an earlier one filled in that no figure has replaced since.
  const filled: Record<string, number> = {};
  const years: Record<string, number> = {};
  for (const [key, answer] of answers) {
    if (!answer.inputFromKolada || typeof answer.input !== "number") continue;
    filled[key] = answer.input;
    if (answer.koladaYear !== undefined) years[key] = answer.koladaYear;
  }
  return { expected: rows, answers, differs, filled, years };
}
