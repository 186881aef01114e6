import { CellRef, CellValue, Grid, cellText, isErrorValue, valueAt } from "../../sheet/grid";
import { LISTS_MARKER } from "../lists";
import { ROW_KEY_PATTERN } from "../ownSheets";
import { STATE_MARKER } from "../state";
import { cleanText } from "../text";
import {
  Answer,
  COL,
  FOLLOW_UP_MARKER,
  INFO_KEY,
  REMOVED_SECTION,
  TOTAL_LABEL,
  FollowUpKind,
  FollowUpMeta,
  LAST_COL,
  META_ROW,
  parseRowKey,
  rowKey,
} from "./model";

/**
 * Reads a follow-up sheet back: its marker and metadata, and every keyed row with what the nämnd typed, each with
 * its cell, so consolidation can check it and point at it.
 */

export interface FollowUpRow {
  /** As rowKey writes it now, also when the sheet was written in an earlier format. */
  key: string;
  kind: FollowUpKind;
  id: string;
  /** Under "Utgår ur planen": an answer kept from a row that left the plan. */
  removed: boolean;
  row: number;
  /** Columns B..H as read (index 0 = column B), for checks of the locked cells. */
  cells: CellValue[];
  input: CellValue;
  comment: CellValue;
}

export interface FollowUpRead {
  sheet: string;
  /** null when the marker or the metadata was removed or broken. */
  meta: FollowUpMeta | null;
  markerIntact: boolean;
  rows: FollowUpRow[];
  /** Rows with content in the data area but no key: inserted by hand. */
  unkeyedRows: number[];
}

/**
 * Whether the grid is a follow-up sheet: its marker in A1, or keyed rows when the marker was deleted or edited (what
 * a nämnd typed must not vanish because A1 changed). Måltavlan's lists and state sheets are never one.
 */
export function isFollowUpSheet(grid: Grid): boolean {
  const a1 = valueAt(grid, 0, 0);
  if (a1 === FOLLOW_UP_MARKER) return true;
  if (a1 === LISTS_MARKER || a1 === STATE_MARKER) return false;
  return grid.values.some((_, r) => ROW_KEY_PATTERN.test(cellText(valueAt(grid, grid.top + r, COL.key))));
}

function parseMeta(value: CellValue): FollowUpMeta | null {
  if (typeof value !== "string") return null;
  try {
    const meta = JSON.parse(value) as Partial<FollowUpMeta>;
    const complete =
      typeof meta.committee === "string" &&
      typeof meta.period === "string" &&
      typeof meta.year === "number" &&
      typeof meta.generatedAt === "string" &&
      typeof meta.format === "number";
    return complete ? (meta as FollowUpMeta) : null;
  } catch {
    return null; // a hand-edited marker is reported by consolidation as a missing marker
  }
}

export function readFollowUpSheet(grid: Grid): FollowUpRead {
  const markerIntact = valueAt(grid, 0, 0) === FOLLOW_UP_MARKER;
  const meta = parseMeta(valueAt(grid, META_ROW, COL.key));
  const rows: FollowUpRow[] = [];
  const unkeyedRows: number[] = [];
  let removed = false;
  let headerNext = false;
  for (let row = Math.max(grid.top, META_ROW + 1); row < grid.top + grid.values.length; row++) {
    const keyText = cellText(valueAt(grid, row, COL.key));
    const cells = Array.from({ length: LAST_COL }, (_, i) => valueAt(grid, row, COL.title + i));
    const key = parseRowKey(keyText, meta?.format);
    if (key) {
      rows.push({
        // The key as this version writes it, whatever format the sheet was written in.
        key: rowKey(key.kind, key.id),
        ...key,
        removed,
        row,
        cells,
        input: cells[COL.input - 1],
        comment: cells[COL.comment - 1],
      });
      continue;
    }
    // The instructions, the legend and repeated column headers (sheets before them had none: nothing depends on it).
    if (keyText === INFO_KEY) continue;
    const title = cellText(cells[0]);
    if (!cells.some((v) => cellText(v) !== "")) continue;
    if (cells.slice(1).every((v) => cellText(v) === "")) {
      // A section title: its header row follows.
      removed = title === REMOVED_SECTION;
      headerNext = true;
    } else if (headerNext) {
      headerNext = false;
    } else if (title !== TOTAL_LABEL) {
      unkeyedRows.push(row);
    }
  }
  return { sheet: grid.sheet, meta, markerIntact, rows, unkeyedRows };
}

/** What the nämnd typed on a row, as an Answer: trimmed text, numbers as numbers, empty as null. */
export function answerOf(row: FollowUpRow): Answer {
  return {
    key: row.key,
    kind: row.kind,
    title: cleanText(cellText(row.cells[0])),
    input: answerValue(row.input),
    comment: answerText(row.comment),
  };
}

function answerValue(value: CellValue): string | number | null {
  if (typeof value === "number") return value;
  if (value === null) return null;
  if (isErrorValue(value)) return value.error;
  const text = cellText(value);
  return text === "" ? null : text;
}

function answerText(value: CellValue): string | null {
  const text = value === null ? "" : isErrorValue(value) ? value.error : cellText(value);
  return text === "" ? null : text;
}

export function refOf(read: FollowUpRead, row: number, col: number): CellRef {
  return { sheet: read.sheet, row, col };
}
