import { Grid, cellText } from "../../sheet/grid";
import { AmountUnit } from "../amounts";
import { RawCell, filledCell } from "../raw";
import { blockTitleCommittee } from "./tableCommittees";

/** A Summa row of a list of ramjusteringar by year: the plan's own total of one nämnd's changes in one year. */
export interface RawChangeTotal {
  committee: RawCell;
  year: number;
  amount: RawCell;
  unit?: AmountUnit;
}

/**
 * A title naming a part of a nämnd ("Kommunstyrelse – Kommunövergripande verksamhet (tkr)"): the changes under it are
 * that part's, so their Summa is no total of the nämnd's changes. A title naming the nämnd alone, with its unit, is the
 * whole nämnd's.
 */
export function namesPartOfCommittee(title: RawCell): boolean {
  const name = blockTitleCommittee(title.value);
  return (
    name !== null &&
    cellText(title.value)
      .replace(/\([^)]*\)/gu, "")
      .trim() !== name
  );
}

/**
 * Collects the Summa rows ("Summa ramförändringar") of a table of ramjusteringar in year columns. A Summa row totals
 * the rows above it back to the previous one; it is one nämnd's total only when all of those rows name the same
 * nämnd (a total over several nämnder, or right under another total, is none).
 */
export class ChangeTotals {
  readonly totals: RawChangeTotal[] = [];
  private above: (RawCell | undefined)[] = [];

  /** `counts`: whether the table's Summa rows are its nämnder's totals at all (not under a part's title). */
  constructor(private readonly counts: boolean) {}

  /** A row of changes, with the nämnd it names (none: it names no nämnd of its own). */
  item(committee: RawCell | undefined): void {
    this.above.push(committee);
  }

  /** A Summa row: its amounts in the year columns, for the one nämnd of the rows above it. */
  total(grid: Grid, row: number, years: { col: number; year: number }[], unit?: AmountUnit): void {
    const names = new Set(this.above.map((cell) => (cell ? cellText(cell.value).trim().toLowerCase() : "")));
    const committee = this.above[0];
    this.above = [];
    if (!this.counts || !committee || names.size !== 1) return;
    for (const { col, year } of years) {
      const amount = filledCell(grid, row, col);
      if (amount) this.totals.push({ committee, year, amount, unit });
    }
  }
}
