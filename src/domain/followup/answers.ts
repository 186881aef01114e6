import { CellRef, CellValue, Grid, cellText, isErrorValue, valueAt } from "../../sheet/grid";
import { CELL_TEXT_MAX } from "../../sheet/spec";
import { parseAmount } from "../amounts";
import { FindingParams, FollowUpRuleId, Severity } from "../findings";
import { LISTS_MARKER } from "../lists";
import { ROW_KEY_PATTERN } from "../ownSheets";
import { STATE_MARKER } from "../state";
import { HISTORY_MARKER } from "./historyName";
import { cleanText } from "../text";
import {
  Answer,
  COL,
  FOLLOW_UP_MARKER,
  INFO_KEY,
  REMOVED_SECTION,
  SECTION_KEY,
  TOTAL_KEY,
  TOTAL_LABEL,
  FollowUpKind,
  FollowUpMeta,
  LAST_COL,
  META_ROW,
  answerColumns,
  hasFigures,
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
  /** A drift or investment row's Utfall hittills (answerColumns); null on other rows. */
  outcome: CellValue;
  /** The outcome is the figure the ledger filled in when the sheet was written (its metadata says which). */
  outcomeFromLedger: boolean;
  /** The input is the figure Kolada's file filled in when the sheet was written (its metadata says which). */
  inputFromKolada: boolean;
  /** The year of that figure, where the metadata keeps it. */
  koladaYear?: number;
}

/** A problem of the sheet itself, found by reading it: the same for consolidation and for a regeneration. */
export interface SheetIssue {
  severity: Severity;
  rule: FollowUpRuleId;
  row: number;
  col: number;
  params: FindingParams;
}

export interface FollowUpRead {
  sheet: string;
  /** null when the marker or the metadata was removed or broken. */
  meta: FollowUpMeta | null;
  markerIntact: boolean;
  rows: FollowUpRow[];
  /** Rows inserted by hand, answers longer than a cell holds, answers that are formulas without a result. */
  issues: SheetIssue[];
}

/**
 * Whether the grid is a follow-up sheet: its marker in A1, or keyed rows when the marker was deleted or edited (what
 * a nämnd typed must not vanish because A1 changed). Måltavlan's lists, state and history sheets are never one.
 */
export function isFollowUpSheet(grid: Grid): boolean {
  const a1 = valueAt(grid, 0, 0);
  if (a1 === FOLLOW_UP_MARKER) return true;
  if (a1 === LISTS_MARKER || a1 === STATE_MARKER || a1 === HISTORY_MARKER) return false;
  return grid.values.some((_, r) => ROW_KEY_PATTERN.test(cellText(valueAt(grid, grid.top + r, COL.key))));
}

/** A sheet's metadata (A2), or null when it is missing or broken. */
export function parseMeta(value: CellValue): FollowUpMeta | null {
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

/** Titles of the sections in format 1, whose bands had nothing in column A. */
const SECTION_TITLES = ["Mål", "Uppdrag", "Ramjusteringar", "Nyckeltal", REMOVED_SECTION];

export function readFollowUpSheet(grid: Grid): FollowUpRead {
  const markerIntact = valueAt(grid, 0, 0) === FOLLOW_UP_MARKER;
  const meta = parseMeta(valueAt(grid, META_ROW, COL.key));
  const rows: FollowUpRow[] = [];
  const issues: SheetIssue[] = [];
  const uncomputed = new Set((grid.uncomputed ?? []).map(({ row, col }) => `${row},${col}`));
  const first = Math.max(grid.top, META_ROW + 1);
  const last = grid.top + grid.values.length;
  const keyText = (row: number) => cellText(valueAt(grid, row, COL.key));
  const cellsOf = (row: number) => Array.from({ length: LAST_COL }, (_, i) => valueAt(grid, row, COL.title + i));
  const filled = (cells: CellValue[]) => cells.some((v) => cellText(v) !== "");
  // From format 2 on, every row written has something in column A, and the sections say which they are there.
  const marked = Array.from({ length: last - first }, (_, i) => keyText(first + i)).some((k) =>
    k.startsWith(SECTION_KEY),
  );
  const emptyInserted: number[] = [];
  let lastWritten = META_ROW;
  let removed = false;
  let headerNext = false;
  let totalSeen = false;
  for (let row = first; row < last; row++) {
    const text = keyText(row);
    const cells = cellsOf(row);
    const key = parseRowKey(text, meta?.format);
    if (key) {
      const columns = answerColumns(key.kind);
      const input = cells[columns.input - 1];
      const comment = cells[columns.comment - 1];
      const outcome = columns.outcome === null ? null : cells[columns.outcome - 1];
      const ledgerOre = key.kind === "economy" ? meta?.ledgerOutcomeOre : undefined;
      const fromLedger = typeof ledgerOre === "number" && isOre(outcome, ledgerOre);
      const filled = key.kind === "keyFigure" ? meta?.koladaFilled?.[rowKey(key.kind, key.id)] : undefined;
      const fromKolada = typeof filled === "number" && input === filled;
      const koladaYear = fromKolada ? meta?.koladaYears?.[rowKey(key.kind, key.id)] : undefined;
      // The key as this version writes it, whatever format the sheet was written in.
      const given = {
        input,
        comment,
        outcome,
        outcomeFromLedger: fromLedger,
        inputFromKolada: fromKolada,
        ...(typeof koladaYear === "number" ? { koladaYear } : {}),
      };
      const parts = { removed, row, cells, ...given };
      rows.push({ key: rowKey(key.kind, key.id), ...key, ...parts });
      const typed = [columns.input, columns.comment, ...(columns.outcome === null ? [] : [columns.outcome])];
      checkAnswerCells(row, typed, cells, uncomputed, issues);
      lastWritten = row;
      continue;
    }
    if (marked) {
      if (text.startsWith(SECTION_KEY)) removed = text === `${SECTION_KEY} removed`;
      if (text === INFO_KEY || text === TOTAL_KEY || text.startsWith(SECTION_KEY)) {
        lastWritten = row;
        continue;
      }
      if (text !== "" || filled(cells)) issues.push(inserted(row, false));
      else emptyInserted.push(row);
      continue;
    }
    // Format 1: the instructions, the legend and repeated column headers are marked; sections and sums are not.
    if (text === INFO_KEY || !filled(cells)) continue;
    const title = cellText(cells[0]);
    const titleOnly = cells.slice(1).every((v) => cellText(v) === "");
    // A band is followed by its column headers: an unkeyed row of several texts, never a key or another band.
    const headerFollows =
      row + 1 < last && !parseRowKey(keyText(row + 1)) && cellsOf(row + 1).filter((v) => cellText(v) !== "").length > 1;
    if (titleOnly && SECTION_TITLES.includes(title) && headerFollows) {
      removed = title === REMOVED_SECTION;
      headerNext = true;
    } else if (headerNext) {
      headerNext = false;
    } else if (title === TOTAL_LABEL && !totalSeen) {
      totalSeen = true;
    } else {
      issues.push(inserted(row, false));
    }
  }
  // An empty row counts between written rows; below the last one it is only the sheet's end.
  for (const row of emptyInserted) if (row < lastWritten) issues.push(inserted(row, true));
  issues.sort((a, b) => a.row - b.row || a.col - b.col);
  return { sheet: grid.sheet, meta, markerIntact, rows, issues };
}

function inserted(row: number, empty: boolean): SheetIssue {
  return {
    severity: empty ? "warning" : "error",
    rule: "followup-row-inserted",
    row,
    col: COL.title,
    params: { empty: empty ? 1 : 0 },
  };
}

/** An answer longer than a cell holds, or a formula whose result the file does not carry, at its cell. */
function checkAnswerCells(
  row: number,
  cols: number[],
  cells: CellValue[],
  uncomputed: Set<string>,
  issues: SheetIssue[],
): void {
  for (const col of cols) {
    const value = cells[col - COL.title];
    if (typeof value === "string" && value.length > CELL_TEXT_MAX) {
      issues.push({
        severity: "warning",
        rule: "followup-text-too-long",
        row,
        col,
        params: { length: value.length, max: CELL_TEXT_MAX },
      });
    }
    if (uncomputed.has(`${row},${col}`)) {
      issues.push({ severity: "error", rule: "followup-formula-uncomputed", row, col, params: {} });
    }
  }
}

/** Whether a cell holds `ore` as an amount in tkr, to the öre. */
function isOre(value: CellValue, ore: number): boolean {
  const read = typeof value === "number" ? parseAmount(value, "tkr") : null;
  return read?.ok === true && read.ore === ore;
}

/** What the nämnd typed on a row, as an Answer: trimmed text, numbers as numbers, empty as null. */
export function answerOf(row: FollowUpRow): Answer {
  const answer: Answer = {
    key: row.key,
    kind: row.kind,
    title: cleanText(cellText(row.cells[0])),
    input: answerValue(row.input),
    comment: answerText(row.comment),
  };
  if (row.inputFromKolada) answer.inputFromKolada = true;
  if (row.koladaYear !== undefined) answer.koladaYear = row.koladaYear;
  if (!hasFigures(row.kind)) return answer;
  return { ...answer, outcome: answerValue(row.outcome), outcomeFromLedger: row.outcomeFromLedger };
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
