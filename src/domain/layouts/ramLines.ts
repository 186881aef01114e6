import { CellValue, Grid, cellText } from "../../sheet/grid";
import { AmountUnit } from "../amounts";
import { RawBudget, RawCell, filledCell } from "../raw";

/**
 * The lines of a ram block per nämnd that are no changes: "Ram föregående år" (the ram the year starts from) and
 * "Ram" (the year's ram, its budget), with the rows of changes between them, in the block's year columns.
 */
export interface RamLines {
  grid: Grid;
  years: { col: number; year: number }[];
  unit?: AmountUnit;
  /** The block's nämnd, from its title; set once the block is read. */
  committee?: RawCell;
  /** Columns of what each change is for and of how long it lasts, where the block has them. */
  labelCol?: number;
  durationCol?: number;
  previous: number | null;
  frames: number[];
  changes: number[];
}

/** A block's lines before its rows are read: where it stands and how its columns are read, no lines yet. */
export function emptyRamLines(layout: Omit<RamLines, "previous" | "frames" | "changes">): RamLines {
  return { ...layout, previous: null, frames: [], changes: [] };
}

const PREVIOUS = /föregående|previous|ingående/iu;

/** "Ram föregående år": the ram the year starts from, not the year's own. */
export function isPreviousRam(label: CellValue | undefined): boolean {
  return PREVIOUS.test(cellText(label ?? null));
}

/** The block's budgets: its Ram line, a budget of its nämnd for each year it fills. */
export function ramBlockBudgets(lines: RamLines): RawBudget[] {
  const { committee, grid, years, unit } = lines;
  if (!committee) return [];
  const [frame] = lines.frames;
  if (frame === undefined) return [];
  return years.flatMap(({ col, year }) => {
    const amount = filledCell(grid, frame, col);
    return amount ? [{ kind: "frame" as const, committee, year, amounts: [amount], unit }] : [];
  });
}
