import { CellValue, Grid, cellText, isFilled, onlyFilled } from "../../sheet/grid";
import { GoalLevel, levelByName } from "../model";
import { CellRow } from "../raw";
import { UnreadCell, unreadCell } from "../unread";
import { NOTE_START, TOTALS_START } from "../vocabulary";
import { headerRole } from "./headers";

/**
 * Goals written as a plain list under a title that names their level, not as a table with a header:
 *
 *   Strategiska utvecklingsområden          ← the title, alone in its row
 *   Social hållbarhet                       ← one name per row, in the title's column
 *   Samhällsbyggande | Beskrivning …        ← a description may stand beside a name
 *   Till varje område finns mål som …       ← a paragraph between or after the names is prose, not a goal
 *
 * A list ends at the next such title, at a table's header row or at a row as wide as a table. Two names at least make
 * a list, so that a heading followed by one sentence is not taken for one.
 */

export interface TitledList {
  level: GoalLevel;
  /** Sheet coordinates of the title. */
  titleRow: number;
  titleCol: number;
  /** The last row the list covers. */
  lastRow: number;
  /** One goal row per name, at the list's level. */
  rows: CellRow[];
  /** The list's cells that are not names (descriptions, paragraphs between names), with why. */
  unread: UnreadCell[];
}

const MAX_NAME_WORDS = 12;
const MAX_NAME_LENGTH = 150;
/** A short line may end with a full stop and still be a name ("Bekämpa klimatförändringarna."). */
const SHORT_SENTENCE_WORDS = 6;
/** "1.", "2)", "•", "–": numbering or a bullet before a name. */
const BULLET = /^\s*(?:\d{1,2}[.)]|[•·▪*–-])\s+/u;
const YEAR_RANGE = /\b(?:19|20)\d\d\s*[-–—]\s*(?:19|20)?\d\d\b/gu;
/** A table is wider than a name with its number and description. */
const WIDEST_LIST_ROW = 3;

/** The filled cells of a row, by column. */
function filledCells(values: CellValue[], left: number): { col: number; value: CellValue }[] {
  const cells: { col: number; value: CellValue }[] = [];
  values.forEach((value, i) => {
    if (isFilled(value)) cells.push({ col: left + i, value });
  });
  return cells;
}

/** The level a one-cell title names: "Fokusområden", "Strategiska utvecklingsområden:", "Målområden 2024–2027". */
function titleLevel(text: string, levels: GoalLevel[]): GoalLevel | null {
  const bare = text
    .replace(YEAR_RANGE, " ")
    .replace(/[:.]\s*$/u, "")
    .trim();
  return bare.length <= 60 ? levelByName(levels, bare) : null;
}

/** A row that is a list's title: its only filled cell names a goal level. */
function listTitle(values: CellValue[], left: number, levels: GoalLevel[]): { level: GoalLevel; col: number } | null {
  const only = onlyFilled(values);
  const value = values[only];
  if (typeof value !== "string") return null;
  const level = titleLevel(value, levels);
  return level ? { level, col: left + only } : null;
}

/** A goal's name as a list writes it: short, one line, not a paragraph, not a note or a totals line. */
export function listName(value: CellValue): string | null {
  if (typeof value !== "string" || value.includes("\n")) return null;
  const text = value.replace(BULLET, "").trim();
  const words = text.split(/\s+/).length;
  if (!/\p{L}/u.test(text) || text.length > MAX_NAME_LENGTH || words > MAX_NAME_WORDS) return null;
  if (/[.!?]$/u.test(text) && words > SHORT_SENTENCE_WORDS) return null;
  if (NOTE_START.test(text) || TOTALS_START.test(text) || /:\s/u.test(text)) return null;
  return text;
}

/** Whether a row is a table's header row (two known headers): a list above it has ended. */
function isHeaderRow(cells: { value: CellValue }[]): boolean {
  return cells.filter(({ value }) => typeof value === "string" && headerRole(value) !== null).length >= 2;
}

/** The list under the title at `titleRow`; null when fewer than two names follow it. */
function readList(grid: Grid, titleRow: number, title: { level: GoalLevel; col: number }, levels: GoalLevel[]) {
  const rows: CellRow[] = [];
  const unread: UnreadCell[] = [];
  let lastRow = titleRow;
  for (let row = titleRow + 1; row < grid.top + grid.values.length; row++) {
    const values = grid.values[row - grid.top];
    const cells = filledCells(values, grid.left);
    if (cells.length === 0) continue;
    if (listTitle(values, grid.left, levels) || cells.length > WIDEST_LIST_ROW || isHeaderRow(cells)) break;
    lastRow = row;
    // The name stands in the title's column; a number there is the name's number, the name beside it.
    let at = cells.findIndex(({ col }) => col === title.col);
    if (at >= 0 && typeof cells[at].value === "number" && cells[at + 1]) at++;
    const name = at >= 0 ? listName(cells[at].value) : null;
    cells.forEach((cell, i) => {
      const ref = { sheet: grid.sheet, row, col: cell.col };
      if (name !== null && i === at) {
        rows.push({ kind: "goal", ref, fields: { name: { value: name, ref } }, levelHint: title.level.id });
      } else if (!(name !== null && i < at && typeof cell.value === "number")) {
        unread.push(unreadCell(ref, cellText(cell.value), "prose"));
      }
    });
  }
  return rows.length >= 2 ? { rows, unread, lastRow } : null;
}

/** Every list under a level's title on the sheet, top to bottom. */
export function titledLists(grid: Grid, levels: GoalLevel[]): TitledList[] {
  const lists: TitledList[] = [];
  for (let row = grid.top; row < grid.top + grid.values.length; row++) {
    const title = listTitle(grid.values[row - grid.top], grid.left, levels);
    if (!title) continue;
    const list = readList(grid, row, title, levels);
    if (!list) continue;
    lists.push({ level: title.level, titleRow: row, titleCol: title.col, ...list });
    row = list.lastRow;
  }
  return lists;
}

/**
 * The sheet's cells the lists do not read, in order: the lists' own (descriptions, paragraphs between names), above the
 * first list a title or a paragraph, and below a list whatever ended it (a table above the first list is read as a
 * table, by the caller).
 */
export function outsideLists(grid: Grid, lists: TitledList[], fromRow: number): UnreadCell[] {
  const unread: UnreadCell[] = lists.flatMap((list) => list.unread);
  grid.values.forEach((values, i) => {
    const row = grid.top + i;
    if (row < fromRow || lists.some((list) => row >= list.titleRow && row <= list.lastRow)) return;
    const before = row < lists[0].titleRow;
    values.forEach((value, j) => {
      if (!isFilled(value)) return;
      const text = cellText(value);
      const reason = !before ? "notUnderstood" : listName(value) !== null || text.length <= 80 ? "title" : "prose";
      unread.push(unreadCell({ sheet: grid.sheet, row, col: grid.left + j }, text, reason));
    });
  });
  return unread.sort((a, b) => cellOrder(a.cell) - cellOrder(b.cell));
}

/** Row before column, for an A1 address. */
function cellOrder(cell: string): number {
  const [, letters, digits] = /^([A-Z]+)(\d+)/.exec(cell) ?? ["", "", "0"];
  return Number(digits) * 20_000 + [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}
