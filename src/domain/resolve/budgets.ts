import { CellRef, cellText } from "../../sheet/grid";
import { AmountParse, parseAmount } from "../amounts";
import { Budget, Investment } from "../model";
import { RawBudget, RawCell, RawInvestment } from "../raw";
import { nearest, slug } from "../text";
import { CommitteeReader } from "./committees";
import { halfUnit } from "./ramReconcile";
import { ResolveState, RowReader } from "./context";

/** Where each budget and investment of the plan was read: the cell of its amount (the first, for a sum of rows). */
export type SourceCells = Map<string, CellRef>;

/**
 * Budgets and investments as read: the nämnd looked up among the plan's (learned as the plan names it when there is no
 * register), the amount parsed exactly (a malformed one is a finding at its cell, and no budget), a stable id.
 */
export class BudgetReader extends RowReader {
  readonly sources: SourceCells = new Map();
  /** Half a unit of the shown precision of each budget read from a driftbudget table, in öre, by its id. */
  readonly halfUnits = new Map<string, number>();

  constructor(
    state: ResolveState,
    private readonly committees: CommitteeReader,
  ) {
    super(state);
  }

  readBudgets(raw: RawBudget[]): Budget[] {
    const budgets: Budget[] = [];
    for (const row of raw) {
      const committee = this.committee(row.committee);
      const amounts = row.amounts.map((cell) => this.amount(cell, row.unit));
      if (committee === null || amounts.includes(null)) continue;
      const amountOre = amounts.reduce<number>((sum, a) => sum + (a ?? 0), 0);
      const description = row.description ? cellText(row.description.value).trim() || null : null;
      const id = this.uniqueId(`budget:${committee}:${row.year}:${row.kind === "frame" ? "ram" : "tillagg"}`);
      budgets.push({ id, committee, year: row.year, amountOre, kind: row.kind, description });
      this.sources.set(id, row.amounts[0].ref);
      if (row.decimals !== undefined) this.halfUnits.set(id, halfUnit(row.unit ?? "tkr", row.decimals));
    }
    return budgets;
  }

  readInvestments(raw: RawInvestment[]): Investment[] {
    const investments: Investment[] = [];
    for (const row of raw) {
      const committee = this.committee(row.committee);
      const amountOre = this.amount(row.amount, row.unit);
      const name = cellText(row.project.value).trim();
      const number = row.projectNumber ? cellText(row.projectNumber.value).trim() : "";
      // "1234 Ny förskola": the number a kommun knows the project by stays with its name.
      const project = number && name ? `${number} ${name}` : name;
      if (committee === null || amountOre === null || !project) continue;
      const id = this.uniqueId(`investering:${committee}:${slug(project)}:${row.year}`);
      investments.push({ id, committee, project, year: row.year, amountOre });
      this.sources.set(id, row.amount.ref);
    }
    return investments;
  }

  private uniqueId(key: string): string {
    let id = key;
    for (let n = 2; this.sources.has(id); n++) id = `${key}:${n}`;
    return id;
  }

  /** The nämnd's code; an unknown one is a finding at its cell. */
  private committee(cell: RawCell): string | null {
    const name = cellText(cell.value).trim();
    const found = this.committees.directory.lookup(name);
    if (found) return found.code;
    const suggestion = nearest(name, this.committees.directory.knownNames()) ?? "";
    this.report("error", "unknown-committee", cell.ref, { name, suggestion });
    return null;
  }

  /** The amount in öre; a malformed or ambiguous one is a finding at its cell. */
  private amount(cell: RawCell, unit: RawBudget["unit"]): number | null {
    const parsed: AmountParse | null = parseAmount(cell.value, unit ?? null);
    if (parsed === null) return null;
    if (parsed.ok) return parsed.ore;
    this.reportUnreadAmount(parsed, cell.ref);
    return null;
  }
}
