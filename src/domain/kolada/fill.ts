import { ExpectedRow } from "../followup/expected";
import { Answer } from "../followup/model";
import { KoladaOutcome } from "./match";

/**
 * Kolada's figures into a nämnd's nyckeltal rows: the Utfall (the row's answer, so consolidation reads it back like
 * any typed figure) where the nämnd has given none, and beside it in the locked Enhet column the year and the source
 * ("Källa: Kolada 2024"), which a nämnd reads without opening anything. A figure the nämnd typed is never replaced:
 * when Kolada's differs, the Enhet column shows Kolada's and the follow-up reports both.
 */

export interface KoladaFill {
  expected: ExpectedRow[];
  answers: Map<string, Answer>;
  /** Rows where the nämnd's figure stands and Kolada's differs. */
  differs: { key: string; typed: string | number; outcome: KoladaOutcome }[];
}

/** The label beside a figure Kolada gave: its year and the source. */
export function koladaLabel(outcome: KoladaOutcome): string {
  return `Källa: Kolada ${outcome.year}`;
}

function swedish(value: number): string {
  return value.toLocaleString("sv-SE", { maximumFractionDigits: 10 });
}

export function withKolada(
  expected: ExpectedRow[],
  given: Map<string, Answer>,
  outcomes: ReadonlyMap<string, KoladaOutcome> | undefined,
): KoladaFill {
  const fill: KoladaFill = { expected, answers: given, differs: [] };
  if (!outcomes?.size) return fill;
  const answers = new Map(given);
  const rows = expected.map((row) => {
    const outcome = row.kind === "keyFigure" && row.detail ? outcomes.get(row.detail) : undefined;
    if (!outcome) return row;
    const before = answers.get(row.key);
    const typed = before?.input ?? null;
    const beside = (label: string) => ({ ...row, extra: row.extra ? `${row.extra}\n${label}` : label });
    if (typed === null || typed === "") {
      answers.set(row.key, {
        key: row.key,
        kind: "keyFigure",
        title: row.title,
        input: outcome.value,
        comment: before?.comment ?? null,
      });
      return beside(koladaLabel(outcome));
    }
    if (typed === outcome.value || Number(String(typed).replace(",", ".")) === outcome.value) {
      return beside(koladaLabel(outcome));
    }
    fill.differs.push({ key: row.key, typed, outcome });
    return beside(`Kolada ${outcome.year}: ${swedish(outcome.value)}`);
  });
  return { ...fill, expected: rows, answers };
}
