import { CellValue, Grid, cellText, isFilled, valueAt } from "../../sheet/grid";
import { looksLikeCommitteeList } from "../adjustmentLine";
import { unitFromHeader } from "../amounts";
import { RawCell } from "../raw";
import { HeaderCell, headerRole } from "./headers";
import { COUNCIL, LEVEL_ROW } from "../vocabulary";
import { COLUMN_LOOK } from "./tableColumns";

/**
 * The nämnder of a table, where no nämnd column names them: a column per nämnd marked on the uppdrag's rows (a
 * responsibility matrix), a column without a header whose values are nämnder, a ram block's title; and whether a table of
 * amounts per nämnd holds ram levels rather than changes.
 */

/** Header cells naming a nämnd ("KS", "Tekniska nämnden") where no header Måltavlan knows stands: two or more. */
export function committeeColumns(grid: Grid, headerRow: number, ignored: Set<number>): { col: number; name: string }[] {
  const columns = (grid.values[headerRow - grid.top] ?? []).flatMap((value, i) => {
    const text = cellText(value).trim();
    const col = grid.left + i;
    return !ignored.has(col) && headerRole(text) === null && isCommitteeName(text) ? [{ col, name: text }] : [];
  });
  return columns.length >= 2 ? columns : [];
}

/**
 * On a sheet of amounts with no nämnd header, the column without a header of its own (empty, or a unit such as
 * "(mnkr)") whose values are mostly nämnder ("Kommunstyrelse", "Familjenämnd").
 */
export function unheadedCommitteeColumn(grid: Grid, headerRow: number, headers: HeaderCell[]): number | undefined {
  if (headers.some((h) => h.role === "committee") || !headers.some((h) => h.role === "amount")) return undefined;
  const cells = grid.values[headerRow - grid.top] ?? [];
  const width = Math.max(
    ...grid.values.slice(headerRow - grid.top, headerRow - grid.top + COLUMN_LOOK).map((r) => r.length),
  );
  for (let i = 0; i < width; i++) {
    const col = grid.left + i;
    const header = cellText(cells[i] ?? null);
    if (headers.some((h) => h.col === col) || (header && unitFromHeader(header) === null)) continue;
    if (header && header.replace(/[()\s]|tkr|mnkr|mkr|kr/giu, "") !== "") continue;
    const names: string[] = [];
    for (let row = headerRow + 1; row < grid.top + grid.values.length && names.length < COLUMN_LOOK; row++) {
      const value = valueAt(grid, row, col);
      if (typeof value === "string" && value.trim()) names.push(value.trim());
    }
    if (names.length >= 2 && names.filter(isCommitteeName).length * 3 >= names.length * 2) return col;
  }
  return undefined;
}

/** The nämnd a block's title names first ("Kommunstyrelse – Kommunövergripande verksamhet (tkr)"), just above the header. */
export function titleCommittee(headerRow: number, titles: RawCell[]): RawCell | undefined {
  for (const title of titles) {
    if (title.ref.row !== headerRow - 1) continue;
    const name = blockTitleCommittee(title.value);
    if (name) return { value: name, ref: title.ref };
  }
  return undefined;
}

/** The nämnd a ram block's title names first: "Kommunstyrelse – Kommunövergripande verksamhet (tkr)"; else null. */
export function blockTitleCommittee(value: CellValue): string | null {
  if (typeof value !== "string") return null;
  const name = value.split(/\s+[–—-]\s+|\s*\(|:/u)[0].trim();
  return isCommitteeName(name) ? name : null;
}

/**
 * Whether a table of amounts per nämnd holds ram levels ("Ram 2025", "Budget 2025 (mnkr)") rather than changes: every
 * amount header names a level, none a change, and no column says which way or how long.
 */
export function isRamLevelTable(grid: Grid, headerRow: number, headers: HeaderCell[]): boolean {
  if (headers.some((h) => h.role === "duration" || h.role === "typ")) return false;
  const amounts = headers.filter((h) => h.role === "amount");
  const label = (col: number) =>
    cellText(valueAt(grid, headerRow, col))
      .replace(/\([^)]*\)/g, " ")
      .trim();
  return amounts.length > 0 && amounts.every((h) => LEVEL_ROW.test(label(h.col)));
}

export const UNMARKED = /^(nej|no|0|-|–|—)$/iu;

/** A nämnd's or bolag's name or code ("Kommunstyrelsen", "BUN"); not fullmäktige, which gives uppdrag. */
export function isCommitteeName(text: string): boolean {
  const name = text.trim();
  return !COUNCIL.test(name) && isSingleName(name) && looksLikeCommitteeList(name);
}

/** One name: no separator ("och" only inside a name, as in "Barn- och utbildningsnämnden"). */
export function isSingleName(text: string): boolean {
  return text !== "" && !/[,;&/\n]|(?<!-)\s+och\s/u.test(text);
}

/** The nämnder a matrix row marks ("x", "✓", "Ansvarig" …), as one cell listing them, at the first mark. */
export function markedCommittees(
  grid: Grid,
  row: number,
  matrix: { col: number; name: string }[],
): RawCell | undefined {
  const marked = matrix.filter(({ col }) => {
    const value = valueAt(grid, row, col);
    return isFilled(value) && !UNMARKED.test(cellText(value).trim());
  });
  if (marked.length === 0) return undefined;
  return { value: marked.map(({ name }) => name).join(", "), ref: { sheet: grid.sheet, row, col: marked[0].col } };
}
