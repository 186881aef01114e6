import { oreToTkr, parseAmount } from "../amounts";
import { Answer, rowKey } from "./model";
import { DRIFT_ID } from "./expected";

/**
 * The drift's Utfall hittills when the ledger gives one: filled in where the nämnd typed none, or where the figure
 * standing there is the ledger's own from before (a newer ledger replaces it). A figure the nämnd typed is never
 * replaced: when the ledger says otherwise, both are shown in a finding.
 */
export interface LedgerFill {
  /** The drift row's answer to write. */
  answer: Answer | undefined;
  /** The ledger's figure the sheet shows, in öre, for its metadata; null when the figure shown is none of its. */
  ledgerOre: number | null;
  /** A typed figure kept though the ledger's differs: what was typed, and the ledger's, in öre. */
  differs: { typed: string | number; ledgerOre: number } | null;
}

export const DRIFT_KEY = rowKey("economy", DRIFT_ID);

export function withLedger(answer: Answer | undefined, title: string, ledgerOre: number | undefined): LedgerFill {
  const outcome = answer?.outcome ?? null;
  const shown = outcome !== null && outcome !== "";
  if (shown && !answer?.outcomeFromLedger) {
    const read = parseAmount(outcome, "tkr");
    const same = read?.ok === true && read.ore === ledgerOre;
    return { answer, ledgerOre: null, differs: ledgerOre === undefined || same ? null : { typed: outcome, ledgerOre } };
  }
  if (ledgerOre === undefined) {
    // The ledger's figure from an earlier run stays, and stays known as the ledger's.
    const read = shown ? parseAmount(outcome, "tkr") : null;
    return { answer, ledgerOre: read?.ok ? read.ore : null, differs: null };
  }
  const base: Answer = answer ?? { key: DRIFT_KEY, kind: "economy", title, input: null, comment: null };
  return { answer: { ...base, outcome: oreToTkr(ledgerOre), outcomeFromLedger: true }, ledgerOre, differs: null };
}
