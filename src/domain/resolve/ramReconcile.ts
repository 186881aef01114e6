import { Grid, cellName, cellText, valueAt } from "../../sheet/grid";
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
  /** The Ram line's cell. */
  cell: string;
}

interface Change {
  ore: number;
  index: boolean;
  temporary: boolean;
  /** The last year a tillfällig lasts. */
  until: number;
}

const TEMPORARY = /tillfällig|engång/iu;
const SPAN = /\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b/u;

/** Decimals a cell shows: its number format's, else its value's. */
function decimals(grid: Grid, row: number, col: number): number {
  const format = grid.formats?.[row - grid.top]?.[col - grid.left];
  const shown = format ? /[0#]\.([0#]+)/.exec(format)?.[1].length : undefined;
  if (shown !== undefined) return shown;
  const value = valueAt(grid, row, col);
  return typeof value === "number" ? (String(value).split(".")[1]?.length ?? 0) : 0;
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
      row === null ? [] : years.map(({ col }) => decimals(grid, row, col)),
    );
    const tolerance = (0.5 * ORE_PER_UNIT[unit]) / 10 ** Math.max(0, ...cells);
    const changes = years.map(({ col, year }) =>
      block.changes.flatMap((row): Change[] => {
        const ore = this.amount(grid, row, col, unit);
        if (ore === null) return [];
        const label = block.labelCol !== undefined ? cellText(valueAt(grid, row, block.labelCol)) : "";
        const duration = block.durationCol !== undefined ? cellText(valueAt(grid, row, block.durationCol)) : "";
        const span = SPAN.exec(`${label} ${duration}`);
        const temporary = TEMPORARY.test(duration || label);
        return [{ ore, index: INDEX_LINE.test(label), temporary, until: span ? Number(span[2]) : year }];
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
      const ending = changes
        .slice(0, i)
        .flat()
        .filter((c) => c.temporary && c.until === year - 1)
        .reduce((sum, c) => sum + c.ore, 0);
      const { holds, basis } = this.holdsTemporary(written, lastFrame, ending, tolerance);
      // The plan does not show it and no setting says it: the user is asked, at the line the answer is about.
      if (basis === "assumed" && block.previous !== null) {
        const previousAt = { sheet: grid.sheet, row: block.previous, col };
        this.report("info", "ram-previous-unclear", previousAt, { year, ending: ending / ORE_PER_UNIT.tkr });
      }
      const sum = (pick: (c: Change) => boolean) => changes[i].filter(pick).reduce((s, c) => s + c.ore, 0);
      const lastingOre = sum((c) => !c.index && !c.temporary);
      const temporaryOre = sum((c) => !c.index && c.temporary);
      const indexOre = sum((c) => c.index);
      const endingTemporaryOre = holds ? ending : 0;
      const expectedOre = previousOre - endingTemporaryOre + lastingOre + temporaryOre + indexOre;
      const at = { sheet: grid.sheet, row: frameRow, col };
      const addsUp = Math.abs(frameOre - expectedOre) <= tolerance;
      if (!addsUp) right[i] = expectedOre;
      if (!addsUp) {
        const tkr = (ore: number) => ore / ORE_PER_UNIT.tkr;
        this.report("error", "ram-mismatch", at, {
          committee: committee.name ?? committee.code,
          year,
          written: tkr(frameOre),
          expected: tkr(expectedOre),
          difference: tkr(frameOre - expectedOre),
          previous: tkr(previousOre),
          changes: changes[i].length,
          ending: tkr(endingTemporaryOre),
        });
      }
      const cell = `${grid.sheet}!${cellName(frameRow, col)}`;
      return [
        {
          committee: committee.code,
          year,
          previousOre,
          lastingOre,
          temporaryOre,
          endingTemporaryOre,
          indexOre,
          frameOre,
          expectedOre,
          addsUp,
          temporaryBasis: ending === 0 ? null : basis,
          cell,
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
