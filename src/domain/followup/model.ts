import { OWN_SHEET_MARKER } from "../ownSheets";
import { PeriodKind } from "../settings";

/**
 * The follow-up sheet's contract, shared by the writer (generate), the reader (answers) and consolidation:
 * where the key, marker and answers stand. Changing it means a new FORMAT_VERSION.
 */

export const FORMAT_VERSION = 1;
export const FOLLOW_UP_MARKER = `${OWN_SHEET_MARKER} uppföljning`;

export const REMOVED_SECTION = "Utgår ur planen";
/**
 * Column A of rows that only explain the sheet: the instructions, the legend and a section's column headers
 * repeated where a printed page breaks inside it. Readers pass over them; they hold no answers.
 */
export const INFO_KEY = `${OWN_SHEET_MARKER} info`;
export const TOTAL_LABEL = "Summa";

export type FollowUpKind = "goal" | "assignment" | "adjustment" | "keyFigure";

/** Columns, 0-based. A is hidden and holds the marker (row 1), the metadata (row 2) and each row's key. */
export const COL = { key: 0, title: 1, detail: 2, link: 3, value: 4, input: 5, extra: 6, comment: 7 } as const;
export const LAST_COL = COL.comment;
/** Row 2 (0-based 1) holds the metadata in column A; the two heading rows stay frozen. */
export const META_ROW = 1;
export const HEADING_ROWS = 2;

export interface FollowUpMeta {
  format: number;
  /** The plan workbook the sheet was generated from (its file name). */
  plan: string;
  committee: string;
  committeeName: string | null;
  period: string;
  periodKind: PeriodKind;
  year: number;
  due: string | null;
  generatedAt: string;
}

/** A row's stable key: its kind and its plan id (the sheet's id or the derived key). */
export function rowKey(kind: FollowUpKind, id: string): string {
  return `${kind}|${id}`;
}

const KINDS: FollowUpKind[] = ["goal", "assignment", "adjustment", "keyFigure"];

export function parseRowKey(text: string): { kind: FollowUpKind; id: string } | null {
  const bar = text.indexOf("|");
  const kind = text.slice(0, bar) as FollowUpKind;
  return bar > 0 && KINDS.includes(kind) && bar < text.length - 1 ? { kind, id: text.slice(bar + 1) } : null;
}

/** What a nämnd typed on one row: the answer column (status, bedömning, prognos or utfall) and the comment. */
export interface Answer {
  key: string;
  kind: FollowUpKind;
  /** The row's title when the answer was given, kept so an answer whose row left the plan still says what it was. */
  title: string;
  input: string | number | null;
  comment: string | null;
}

export function hasContent(answer: Pick<Answer, "input" | "comment">): boolean {
  return (answer.input !== null && answer.input !== "") || (answer.comment !== null && answer.comment !== "");
}
