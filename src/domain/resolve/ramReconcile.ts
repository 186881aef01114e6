import { Grid, cellName, cellText, shownDecimals, valueAt } from "../../sheet/grid";
import { AmountUnit, ORE_PER_UNIT, parseAmount } from "../amounts";
import { RamLines } from "../layouts/ramLines";
import { INDEX_LINE } from "../vocabulary";
import { CommitteeReader } from "./committees";
import { ResolveState, RowReader } from "./context";

/**
 * Ram reconciliation: where a ram block gives both the ramar and the changes, ram(N) = ram(N−1) + the year's changes.
 * Varaktiga changes carry on; a tillfällig lasts the years it names (its column's year, or "2025–2026") and drops out
 * after. Whether "Ram föregående år" already holds last year's tillfälliga is read from the block's own arithmetic
 * where it shows it (the line equals last year's ram, or that ram without them), else from the setting, else assumed
 * (and said so). Published figures are rounded: half a unit of the block's precision is allowed.
 */

/** One nämnd's year, as the reconciliation counted it. Amounts in öre. */
export interface RamYear {
  committee: string;
  year: number;
  /** Where the year starts: the block's "Ram föregående år", else last year's Ram line. */
  previousOre: number;
  lastingOre: number;
  temporaryOre: number;
  /** Last year's tillfälliga that end, taken off (0 when the start already leaves them out). */
  endingTemporaryOre: number;
  indexOre: number;
  /** The Ram line as written. */
  frameOre: number;
  expectedOre: number;
  /** Whether the written ram is what they give, within half a unit of the block's precision. */
  addsUp: boolean;
  /** How it is known whether the start holds last year's tillfälliga: the plan's arithmetic, the setting, assumed. */
  temporaryBasis: "plan" | "setting" | "assumed" | null;
  /** The year's ram's cell. */
  cell: string;
  /** Where the ram and its changes stand: one ram block, or a driftbudget table beside a list of ramjusteringar. */
  source: "block" | "table";
  /**
   * Whether the counted changes are all of the year's, so that a ram that does not add up is wrong: a ram block's lines
   * are its whole arithmetic; a list of ramjusteringar only where its own Summa row says so (tableReconcile.ts).
   */
  changesComplete: boolean;
}

/** One change as the reconciliation counts it. */
export interface FrameChange {
  ore: number;
  index: boolean;
  temporary: boolean;
  /** The last year a tillfällig lasts. */
  until: number;
}

const TEMPORARY = /tillfällig|engång/iu;
const SPAN = /\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b/u;

/** The last year a tillfällig of `year` lasts: the span its text names ("2025–2026"), else its own year. */
export function lastYear(text: string, year: number): number {
  const span = SPAN.exec(text);
  return span ? Number(span[2]) : year;
}

/** Last year's tillfälliga that end before `year`. */
export function endingBefore(changes: FrameChange[], year: number): number {
  return changes.filter((c) => c.temporary && c.until === year - 1).reduce((sum, c) => sum + c.ore, 0);
}

/** The year's ram as its start and changes give it, with the changes summed by kind. */
export function frameArithmetic(previousOre: number, changes: FrameChange[], endingOre: number) {
  const sum = (pick: (c: FrameChange) => boolean) => changes.filter(pick).reduce((s, c) => s + c.ore, 0);
  const lastingOre = sum((c) => !c.index && !c.temporary);
  const temporaryOre = sum((c) => !c.index && c.temporary);
  const indexOre = sum((c) => c.index);
  return {
    lastingOre,
    temporaryOre,
    indexOre,
    expectedOre: previousOre - endingOre + lastingOre + temporaryOre + indexOre,
  };
}

/** Half a unit of a figure shown with `shown` decimals of `unit`, in öre: what its rounding may have moved it. */
export function halfUnit(unit: AmountUnit, shown: number): number {
  return (0.5 * ORE_PER_UNIT[unit]) / 10 ** Math.max(0, shown);
}

/** What a ram-mismatch finding says: the ram, what it should be, the difference and what was counted, in tkr. */
export function mismatchParams(
  committee: string,
  year: number,
  amounts: { frameOre: number; expectedOre: number; previousOre: number; endingOre: number },
  changes: number,
): Record<string, string | number> {
  const tkr = (ore: number) => ore / ORE_PER_UNIT.tkr;
  return {
    committee,
    year,
    written: tkr(amounts.frameOre),
    expected: tkr(amounts.expectedOre),
    difference: tkr(amounts.frameOre - amounts.expectedOre),
    previous: tkr(amounts.previousOre),
    changes,
    ending: tkr(amounts.endingOre),
  };
}

export class RamReconciler extends RowReader {
  constructor(
    state: ResolveState,
    private readonly committees: CommitteeReader,
    /** The user's answer, where the plan does not show it: whether "Ram föregående år" holds last year's tillfälliga. */
    private readonly previousHoldsTemporary?: boolean,
  ) {
    super(state);
  }

  reconcile(blocks: RamLines[]): RamYear[] {
    return blocks.flatMap((block) => this.block(block));
  }

  private amount(grid: Grid, row: number | null, col: number, unit: AmountUnit): number | null {
    if (row === null) return null;
    const parsed = parseAmount(valueAt(grid, row, col), unit);
    return parsed?.ok ? parsed.ore : null;
  }

  private block(block: RamLines): RamYear[] {
    const { grid, years, committee: title } = block;
    const frameRow = block.frames[0];
    const committee = title ? this.committees.directory.lookup(cellText(title.value).trim()) : null;
    if (!committee || frameRow === undefined) return [];
    const unit = block.unit ?? "tkr";
    const cells = [block.previous, frameRow, ...block.changes].flatMap((row) =>
      row === null ? [] : years.map(({ col }) => shownDecimals(grid, row, col)),
    );
    const tolerance = halfUnit(unit, Math.max(0, ...cells));
    const changes = years.map(({ col, year }) =>
      block.changes.flatMap((row): FrameChange[] => {
        const ore = this.amount(grid, row, col, unit);
        if (ore === null) return [];
        const label = block.labelCol !== undefined ? cellText(valueAt(grid, row, block.labelCol)) : "";
        const duration = block.durationCol !== undefined ? cellText(valueAt(grid, row, block.durationCol)) : "";
        const temporary = TEMPORARY.test(duration || label);
        return [{ ore, index: INDEX_LINE.test(label), temporary, until: lastYear(`${label} ${duration}`, year) }];
      }),
    );
    const frames = years.map(({ col }) => this.amount(grid, frameRow, col, unit));
    // Last year's ram as it should be: a wrong ram is one finding, not one more for every year built on it.
    const right: (number | null)[] = [...frames];
    return years.flatMap(({ col, year }, i): RamYear[] => {
      const frameOre = frames[i];
      const lastFrame = i > 0 ? right[i - 1] : null;
      const written = this.amount(grid, block.previous, col, unit);
      const previousOre = written ?? lastFrame;
      if (frameOre === null || previousOre === null) return [];
      const ending = endingBefore(changes.slice(0, i).flat(), year);
      const { holds, basis } = this.holdsTemporary(written, lastFrame, ending, tolerance);
      // The plan does not show it and no setting says it: the user is asked, at the line the answer is about.
      if (basis === "assumed" && block.previous !== null) {
        const previousAt = { sheet: grid.sheet, row: block.previous, col };
        this.report("info", "ram-previous-unclear", previousAt, { year, ending: ending / ORE_PER_UNIT.tkr });
      }
      const endingTemporaryOre = holds ? ending : 0;
      const sums = frameArithmetic(previousOre, changes[i], endingTemporaryOre);
      const at = { sheet: grid.sheet, row: frameRow, col };
      const addsUp = Math.abs(frameOre - sums.expectedOre) <= tolerance;
      if (!addsUp) {
        right[i] = sums.expectedOre;
        const amounts = { frameOre, expectedOre: sums.expectedOre, previousOre, endingOre: endingTemporaryOre };
        const name = committee.name ?? committee.code;
        this.report("error", "ram-mismatch", at, mismatchParams(name, year, amounts, changes[i].length));
      }
      const cell = `${grid.sheet}!${cellName(frameRow, col)}`;
      return [
        {
          committee: committee.code,
          year,
          previousOre,
          ...sums,
          endingTemporaryOre,
          frameOre,
          addsUp,
          temporaryBasis: ending === 0 ? null : basis,
          cell,
          source: "block",
          changesComplete: true,
        },
      ];
    });
  }

  /**
   * Whether the year's start holds last year's ending tillfälliga: last year's Ram line carries them; a written "Ram
   * föregående år" shows it by equalling last year's ram (holds) or that ram without them (does not); else the setting.
   */
  private holdsTemporary(
    written: number | null,
    lastFrame: number | null,
    ending: number,
    tolerance: number,
  ): { holds: boolean; basis: RamYear["temporaryBasis"] } {
    // Nothing ends, or the start is last year's ram itself: there is nothing to ask.
    if (written === null || ending === 0) return { holds: true, basis: "plan" };
    if (lastFrame !== null) {
      if (Math.abs(written - lastFrame) <= tolerance) return { holds: true, basis: "plan" };
      if (Math.abs(written - (lastFrame - ending)) <= tolerance) return { holds: false, basis: "plan" };
    }
    if (this.previousHoldsTemporary !== undefined) return { holds: this.previousHoldsTemporary, basis: "setting" };
    return { holds: true, basis: "assumed" };
  }
}
