import { cellName, cellText } from "../../sheet/grid";
import { parseAmount } from "../amounts";
import { RawChangeTotal } from "../layouts/changeTotals";
import { Adjustment, Budget } from "../model";
import { SourceCells } from "./budgets";
import { CommitteeReader } from "./committees";
import { ResolveState, RowReader } from "./context";
import { FrameChange, RamYear, endingBefore, frameArithmetic, lastYear, mismatchParams } from "./ramReconcile";
import { appendTo } from "../collections";

/** What the reconciliation of a driftbudget table needs from the rest of the plan. */
export interface TableReconcileInput {
  budgets: Budget[];
  adjustments: Adjustment[];
  sources: SourceCells;
  /** Half a unit of each table budget's shown precision, in öre, by its id (budgets.ts); a ram block's have none. */
  halfUnits: Map<string, number>;
  totals: RawChangeTotal[];
  /** The ramjusteringar whose tillfällig is only assumed: a year ties them, no word says (adjustments.ts). */
  assumedDurations: Set<Adjustment>;
  /** The years the ram blocks reconciled: their nämnd's rams and changes are theirs. */
  byBlocks: RamYear[];
}

const key = (committee: string, year: number) => `${committee}:${year}`;

/** A ramjustering as the reconciliation counts it, with its year and whether its tillfällig is only assumed. */
interface Listed {
  year: number;
  change: FrameChange;
  assumed: boolean;
}

/**
 * Ram reconciliation where a driftbudget table gives a nämnd's ram per year and the ramjusteringar stand apart (a
 * list or table of changes): for a year N whose ram the table gives for N and N−1, and for which the plan lists
 * changes of the nämnd, ram(N) = ram(N−1) − last year's tillfälliga that end + the year's changes, with the carry
 * rules and arithmetic of the ram blocks (ramReconcile.ts). The table's ram(N−1) is last year's whole ram, so it holds
 * last year's tillfälliga. Both rams are rounded as published: each may be off by half a unit of its precision.
 *
 * Published plans change a ram by more than their lists of ramjusteringar show (uppräkning given as a percentage,
 * kapitalkostnader, moves between nämnder, decisions of another year's budget), so a difference is an error only where
 * the plan shows its list complete: a Summa row for the nämnd and year that the listed changes add up to, in a list
 * that is not one part's of the nämnd (changeTotals.ts). Elsewhere
 * the difference stands, unexplained, in the summary only.
 */
export class TableReconciler extends RowReader {
  constructor(
    state: ResolveState,
    private readonly committees: CommitteeReader,
  ) {
    super(state);
  }

  reconcile(input: TableReconcileInput): RamYear[] {
    const byBlocks = new Set(input.byBlocks.map((y) => key(y.committee, y.year)));
    const totals = this.totals(input.totals);
    const frames = new Map<string, Budget[]>();
    for (const budget of input.budgets) {
      if (budget.kind !== "frame" || !input.halfUnits.has(budget.id)) continue;
      const at = key(budget.committee, budget.year);
      appendTo(frames, at, budget);
    }
    // Only a nämnd the table gives a ram for is reconciled; its changes alone are worth preparing.
    const framed = new Set([...frames.values()].map(([budget]) => budget.committee));
    const changes = new Map<string, Listed[]>();
    for (const a of input.adjustments) {
      if (a.year === null || !framed.has(a.committee)) continue;
      const temporary = a.duration === "temporary";
      const until = temporary ? lastYear(a.description ?? "", a.year) : a.year;
      const change = { ore: a.amountOre, index: a.isIndex, temporary, until };
      const listed = { year: a.year, change, assumed: input.assumedDurations.has(a) };
      appendTo(changes, a.committee, listed);
    }
    return [...changes].flatMap(([committee, listed]) => {
      const years = [...new Set(listed.map(({ year }) => year))].sort((x, y) => x - y);
      // Last year's ram as it should be: a wrong ram is one finding, not one more for every year built on it.
      const right = new Map<number, number>();
      return years.flatMap((year): RamYear[] => {
        const [frame, ...moreFrames] = frames.get(key(committee, year)) ?? [];
        const [last, ...moreLast] = frames.get(key(committee, year - 1)) ?? [];
        const at = frame && input.sources.get(frame.id);
        if (!at || !last || moreFrames.length || moreLast.length || byBlocks.has(key(committee, year))) return [];
        const ofYear = listed.filter((c) => c.year === year).map(({ change }) => change);
        const previousOre = right.get(year - 1) ?? last.amountOre;
        const tolerance = (input.halfUnits.get(frame.id) ?? 0) + (input.halfUnits.get(last.id) ?? 0);
        const before = listed.filter((c) => c.year < year);
        const ending = (assumed: boolean) =>
          endingBefore(
            before.filter((c) => c.assumed === assumed).map(({ change }) => change),
            year,
          );
        // A change the plan ties to a year without calling it tillfällig may end with its year or last (a plan that
        // lists its reversals as changes of their own): the plan's arithmetic decides, as for a ram block's start.
        const endings = ending(true) === 0 ? [ending(false)] : [ending(false) + ending(true), ending(false)];
        const readings = endings.map((endingOre) => ({
          endingOre,
          ...frameArithmetic(previousOre, ofYear, endingOre),
        }));
        const off = (r: { expectedOre: number }) => Math.abs(frame.amountOre - r.expectedOre);
        const { endingOre, ...sums } = readings.reduce((best, r) => (off(r) < off(best) ? r : best));
        const addsUp = off(sums) <= tolerance;
        const total = totals.get(key(committee, year));
        const changesComplete = total !== undefined && total === ofYear.reduce((sum, c) => sum + c.ore, 0);
        if (!addsUp && changesComplete) {
          right.set(year, sums.expectedOre);
          const amounts = { frameOre: frame.amountOre, expectedOre: sums.expectedOre, previousOre, endingOre };
          const name = this.committees.directory.lookup(committee)?.name ?? committee;
          this.report("error", "ram-mismatch", at, mismatchParams(name, year, amounts, ofYear.length));
        }
        return [
          {
            committee,
            year,
            previousOre,
            ...sums,
            endingTemporaryOre: endingOre,
            frameOre: frame.amountOre,
            addsUp,
            temporaryBasis: endingOre === 0 ? null : "plan",
            cell: `${at.sheet}!${cellName(at.row, at.col)}`,
            source: "table",
            changesComplete,
          },
        ];
      });
    });
  }

  /** Each Summa row's total, in öre, by nämnd and year; a nämnd and year given two totals has none. */
  private totals(raw: RawChangeTotal[]): Map<string, number> {
    const totals = new Map<string, number>();
    const twice = new Set<string>();
    for (const total of raw) {
      const committee = this.committees.directory.lookup(cellText(total.committee.value).trim());
      const parsed = parseAmount(total.amount.value, total.unit ?? null);
      if (!committee || !parsed?.ok) continue;
      const at = key(committee.code, total.year);
      if (totals.has(at)) twice.add(at);
      totals.set(at, parsed.ore);
    }
    for (const at of twice) totals.delete(at);
    return totals;
  }
}
