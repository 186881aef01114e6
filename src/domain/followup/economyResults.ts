import { oreToTkr, parseAmount } from "../amounts";
import { FindingParams, FollowUpRuleId, Severity } from "../findings";
import { PeriodKind } from "../settings";
import { ExpectedRow } from "./expected";
import { Answer, ECONOMY_COL } from "./model";

/**
 * What consolidation takes from a returned sheet's Ekonomi section: each drift and investment row's figures in öre
 * (the budget always the plan's), its kommentar and åtgärder, and the findings about them.
 */

export interface EconomyResult {
  kind: "economy" | "investment";
  id: string;
  /** The project, or the drift's title. */
  title: string;
  /** The plan's, in öre; null when the plan gives none. */
  budgetOre: number | null;
  /** Utfall hittills (at Helår the year's), in öre; null when none was given or it could not be read (a finding). */
  outcomeOre: number | null;
  /** The utfall is the figure the ledger filled in, not one the nämnd typed. */
  outcomeFromLedger: boolean;
  /** Prognos helår, in öre; null as for the utfall, and always at Helår. */
  forecastOre: number | null;
  comment: string | null;
  measures: string | null;
}

type Say = (severity: Severity, rule: FollowUpRuleId, row: number, col: number, params: FindingParams) => void;

/** A typed figure as öre: a number or a text that reads as an amount in tkr; anything else a finding at its cell. */
export function figureOre(
  value: string | number | null | undefined,
  row: number,
  col: number,
  say: Say,
): number | null {
  if (value === null || value === undefined || value === "") return null;
  const parsed = parseAmount(value, "tkr");
  if (parsed?.ok) return parsed.ore;
  say("error", "followup-amount-invalid", row, col, { value: String(value) });
  return null;
}

/**
 * The results of the Ekonomi rows, checked: a figure whose deviation from the budget is more than half of it (likely
 * kronor typed for tkr, or a cost typed negative), and a kommentar or åtgärder missing where the deviation asks for
 * them. `rowOf` gives the sheet row each key was read on; rows not on the sheet are results without answers.
 */
export function economyResults(
  expected: ExpectedRow[],
  answers: Map<string, Answer>,
  rowOf: Map<string, number>,
  periodKind: PeriodKind,
  thresholdPercent: number,
  say: Say,
): EconomyResult[] {
  const measuresOf = new Map(expected.filter((r) => r.kind === "measures").map((r) => [r.id, r.key]));
  return expected.flatMap((row): EconomyResult[] => {
    if (row.kind !== "economy" && row.kind !== "investment") return [];
    const answer = answers.get(row.key);
    const at = rowOf.get(row.key) ?? -1;
    const outcomeOre = figureOre(answer?.outcome, at, ECONOMY_COL.outcome, say);
    const forecastOre = periodKind === "forecast" ? figureOre(answer?.input, at, ECONOMY_COL.forecast, say) : null;
    const measuresKey = measuresOf.get(row.id);
    const measures = (measuresKey && answers.get(measuresKey)?.comment) || null;
    const result: EconomyResult = {
      kind: row.kind,
      id: row.id,
      title: row.title,
      budgetOre: row.amountOre,
      outcomeOre,
      outcomeFromLedger: answer?.outcomeFromLedger === true,
      forecastOre,
      comment: answer?.comment ?? null,
      measures,
    };
    const figure = periodKind === "forecast" ? forecastOre : outcomeOre;
    const budget = row.amountOre;
    if (figure === null || budget === null || at < 0) return [result];
    const deviation = budget - figure;
    const col = periodKind === "forecast" ? ECONOMY_COL.forecast : ECONOMY_COL.outcome;
    if (Math.abs(deviation) * 2 > Math.abs(budget)) {
      say("warning", "followup-economy-implausible", at, col, {
        kind: periodKind,
        value: oreToTkr(figure),
        budget: oreToTkr(budget),
        deviation: oreToTkr(deviation),
      });
    }
    if (deviation !== 0 && !result.comment) {
      say("warning", "followup-economy-explanation-missing", at, ECONOMY_COL.comment, {
        what: "comment",
        deviation: oreToTkr(deviation),
      });
    }
    const percent = budget === 0 ? null : (deviation / Math.abs(budget)) * 100;
    const deficit = deviation < 0 && (percent === null || -percent > thresholdPercent);
    const measuresRow = measuresKey === undefined ? undefined : rowOf.get(measuresKey);
    if (deficit && !measures && measuresRow !== undefined) {
      say("warning", "followup-economy-explanation-missing", measuresRow, ECONOMY_COL.comment, {
        what: "measures",
        deviation: oreToTkr(deviation),
        percent: percent === null ? "" : Math.round(percent * 10) / 10,
      });
    }
    return [result];
  });
}

/** One drift or investment row as `consolidate --json` gives it: amounts in tkr, as the rest of its figures. */
export interface EconomyFigures {
  id: string;
  title: string;
  budgetTkr: number | null;
  outcomeTkr: number | null;
  outcomeFromLedger: boolean;
  /** Null at Helår, where no prognos is made. */
  forecastTkr: number | null;
  /** The figure the period asks for (the prognos, at Helår the utfall) was given; else the report says Ej inkommet. */
  answered: boolean;
  comment: string | null;
  measures: string | null;
}

/** A nämnd's Ekonomi results for the JSON: its drift (none for a bolag without a budget) and its projects. */
export function economyFigures(
  results: EconomyResult[],
  periodKind: PeriodKind,
): { drift: EconomyFigures | null; investments: EconomyFigures[] } {
  const tkr = (ore: number | null) => (ore === null ? null : oreToTkr(ore));
  const figures = (r: EconomyResult): EconomyFigures => ({
    id: r.id,
    title: r.title,
    budgetTkr: tkr(r.budgetOre),
    outcomeTkr: tkr(r.outcomeOre),
    outcomeFromLedger: r.outcomeFromLedger,
    forecastTkr: tkr(r.forecastOre),
    answered: (periodKind === "forecast" ? r.forecastOre : r.outcomeOre) !== null,
    comment: r.comment,
    measures: r.measures,
  });
  const drift = results.find((r) => r.kind === "economy");
  return {
    drift: drift ? figures(drift) : null,
    investments: results.filter((r) => r.kind === "investment").map(figures),
  };
}
