import { OWN_SHEET_MARKER } from "../ownSheets";
import { PeriodKindWord } from "../settings";

/**
 * The follow-up sheet's contract, shared by the writer (generate), the reader (answers) and consolidation:
 * where the key, marker and answers stand. Changing it means a new FORMAT_VERSION.
 */

/**
 * 1: keys "<kind>|<id>" with the id as it stood. 2: the id in a key is escaped (see rowKey). 3: uppdrag carried from
 * an earlier year, keyed "carried|<year>:<id>" (carried.ts), and the metadata's `since`. Sheets of every format are
 * read.
 */
export const FORMAT_VERSION = 3;
export const FOLLOW_UP_MARKER = `${OWN_SHEET_MARKER} uppföljning`;

export const REMOVED_SECTION = "Utgår ur planen";
/** Uppdrag not done by an earlier year's end, carried into this year's follow-up (carried.ts). */
export const CARRIED_SECTION = "Pågående uppdrag från tidigare år";
/**
 * Column A of rows that only explain the sheet: the instructions, the legend and a section's column headers
 * repeated where a printed page breaks inside it. Readers pass over them; they hold no answers.
 */
export const INFO_KEY = `${OWN_SHEET_MARKER} info`;
export const TOTAL_LABEL = "Summa";
/**
 * Column A of a section's band, then the section ("#maltavlan avsnitt removed"), and of the Summa row. From format 2 on
 * every row the generator writes has a key or one of these in column A: a row without is one someone inserted.
 */
export const SECTION_KEY = `${OWN_SHEET_MARKER} avsnitt`;
export const TOTAL_KEY = `${OWN_SHEET_MARKER} summa`;
export type SectionId = PlanRowKind | "carried" | "economy" | "removed";

/** Rows for what the plan lists: its goals, uppdrag, ramjusteringar and nyckeltal. */
export type PlanRowKind = "goal" | "assignment" | "adjustment" | "keyFigure";
/**
 * Rows of the Ekonomi section: the nämnd's drift as a whole, each investment project, and under each of them a row
 * for the åtgärder (what the nämnd does about a deficit).
 */
export type EconomyKind = "economy" | "investment" | "measures";
/** An uppdrag of an earlier year's plan, not done then, that this year's plan does not list again (carried.ts). */
export type FollowUpKind = PlanRowKind | "carried" | EconomyKind;

/** Each kind as a sheet and the report name it (the type of a row kept under "Utgår ur planen", the Svar sheet's). */
export const KIND_LABEL: Record<FollowUpKind, string> = {
  goal: "Mål",
  assignment: "Uppdrag",
  adjustment: "Ramjustering",
  keyFigure: "Nyckeltal",
  carried: "Pågående uppdrag",
  economy: "Drift",
  investment: "Investering",
  measures: "Åtgärder",
};

/** Columns, 0-based. A is hidden and holds the marker (row 1), the metadata (row 2) and each row's key. */
export const COL = { key: 0, title: 1, detail: 2, link: 3, value: 4, input: 5, extra: 6, comment: 7 } as const;
export const LAST_COL = COL.comment;
/** The Ekonomi section's columns: budget locked, utfall hittills and prognos typed, avvikelse and % as formulas. */
export const ECONOMY_COL = {
  budget: 2,
  outcome: 3,
  forecast: 4,
  deviation: 5,
  percent: 6,
  comment: COL.comment,
} as const;

/** Uppdrag rows: the plan's, and those carried from an earlier year. */
export function isUppdragKind(kind: FollowUpKind): boolean {
  return kind === "assignment" || kind === "carried";
}

/** Rows with figures of their own: the Ekonomi section's drift and investment rows. */
export function hasFigures(kind: FollowUpKind): boolean {
  return kind === "economy" || kind === "investment";
}

/**
 * Where a row's answer stands. Most rows take their input in F and their comment in H; a row with figures takes the
 * prognos in E and the utfall hittills in D (the one place writer and readers agree on it, also under "Utgår").
 */
export function answerColumns(kind: FollowUpKind): { input: number; comment: number; outcome: number | null } {
  return hasFigures(kind)
    ? { input: ECONOMY_COL.forecast, comment: ECONOMY_COL.comment, outcome: ECONOMY_COL.outcome }
    : { input: COL.input, comment: COL.comment, outcome: null };
}
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
  /** As sheets sent out carry it ("prognos", "utfall"). */
  periodKind: PeriodKindWord;
  year: number;
  due: string | null;
  generatedAt: string;
  /**
   * The drift's Utfall hittills as the ledger filled it in, in öre; absent when the cell holds no ledger figure. A
   * regeneration tells the ledger's figure, which a newer ledger replaces, from one the nämnd typed, which it never does.
   */
  ledgerOutcomeOre?: number;
  /**
   * The nyckeltal's Utfall as Kolada's file filled it in, by row key; absent when none was. A figure that still stands
   * as filled is Kolada's, not the nämnd's answer: a sheet holding only such figures is not answered.
   */
  koladaFilled?: Record<string, number>;
  /**
   * Row key → the year of each figure in koladaFilled, so that a sheet made again without the Kolada file still says
   * "Källa: Kolada <år>" beside it. Absent on sheets written before it was kept: the label then has no year.
   */
  koladaYears?: Record<string, number>;
  /**
   * Row key → the year the uppdrag was first in a plan, for every row that goes on with an uppdrag of an earlier year:
   * the carried rows and the plan's uppdrag that continue one (carried.ts). Absent before format 3.
   */
  since?: Record<string, number>;
}

/**
 * A row's stable key, "<kind>|<id>" with the plan id (the sheet's id or the derived key) escaped: "|", "%", control
 * characters, lone surrogates and white space at either end are written %XX (%uXXXX above U+00FF). So no id reads as
 * two parts or as anything but a key, and none loses a character when a host trims the cell.
 */
export function rowKey(kind: FollowUpKind, id: string): string {
  const escaped = id.replace(ESCAPED, (chars) => [...chars].map(escapeChar).join(""));
  return `${kind}|${escaped.length <= KEY_ID_MAX ? escaped : shortened(escaped)}`;
}

/**
 * Ids longer than this (a derived key of a title thousands of characters long) are cut and end in a hash of the
 * whole, so that every key fits a cell. A key read back gives the same key again (readFollowUpSheet relies on it).
 */
const KEY_ID_MAX = 1000;

function shortened(escaped: string): string {
  // Cut where no escape is split: an escape is at most six characters ("%u00A0").
  let end = KEY_ID_MAX - 20;
  const escape = escaped.lastIndexOf("%", end);
  if (escape > end - 6) end = escape;
  else if (/[\ud800-\udbff]/.test(escaped[end - 1])) end--;
  return `${escaped.slice(0, end)}…#${fnv1a64(escaped)}`;
}

/** FNV-1a over the UTF-16 code units, 64 bits, as 16 hex digits. */
/**
 * FNV-1a, 64 bits, over UTF-16 code units, in two 32-bit halves (a BigInt per character took seconds on long titles):
 * times the prime 2^40 + 0x1B3 is the low half times 0x1B3, its carry and the low half shifted 40 bits into the high.
 */
function fnv1a64(text: string): string {
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    low = (low ^ text.charCodeAt(i)) >>> 0;
    const product = low * 0x1b3; // below 2^41: exact in a double
    high = (high * 0x1b3 + Math.floor(product / 0x100000000) + ((low << 8) >>> 0)) >>> 0;
    low = product >>> 0;
  }
  return high.toString(16).padStart(8, "0") + low.toString(16).padStart(8, "0");
}

const ESCAPED =
  // eslint-disable-next-line no-control-regex -- control characters are what it finds
  /[%|\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|^\s+|\s+$/g;
const ESCAPE = /%(?:u([0-9A-F]{4})|([0-9A-F]{2}))/g;
/** An escaped id: nothing but escapes where "%" stands, and no "|". */
const ESCAPED_ID = /^(?:[^%|]|%u[0-9A-F]{4}|%[0-9A-F]{2})+$/;

function escapeChar(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x100
    ? `%${code.toString(16).toUpperCase().padStart(2, "0")}`
    : `%u${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

const KINDS: FollowUpKind[] = [
  "goal",
  "assignment",
  "adjustment",
  "keyFigure",
  "carried",
  "economy",
  "investment",
  "measures",
];

/**
 * The kind and plan id of a key as a sheet of `format` wrote it. Format 1 wrote ids as they stood; when the format
 * is not known (the metadata is gone), a key that is no escaped id is read as format 1 wrote it.
 */
export function parseRowKey(text: string, format?: number): { kind: FollowUpKind; id: string } | null {
  const bar = text.indexOf("|");
  const kind = text.slice(0, bar) as FollowUpKind;
  if (bar <= 0 || !KINDS.includes(kind) || bar === text.length - 1) return null;
  const id = text.slice(bar + 1);
  if (format === 1 || !ESCAPED_ID.test(id)) return { kind, id };
  return {
    kind,
    id: id.replace(ESCAPE, (_, wide: string | undefined, narrow: string | undefined) =>
      String.fromCharCode(parseInt(wide ?? narrow!, 16)),
    ),
  };
}

/** What a nämnd typed on one row: the answer column (status, bedömning, prognos or utfall) and the comment. */
export interface Answer {
  key: string;
  kind: FollowUpKind;
  /** The row's title when the answer was given, kept so an answer whose row left the plan still says what it was. */
  title: string;
  input: string | number | null;
  comment: string | null;
  /** A row with figures: the Utfall hittills (column D), typed or filled from the ledger. */
  outcome?: string | number | null;
  /** The outcome is the figure the ledger filled in, not one the nämnd typed. */
  outcomeFromLedger?: boolean;
  /** The input is the nyckeltal's figure Kolada's file filled in, not one the nämnd typed. */
  inputFromKolada?: boolean;
  /** The year of Kolada's figure, where inputFromKolada and the sheet says it. */
  koladaYear?: number;
}

const given = (value: string | number | null | undefined) => value !== null && value !== undefined && value !== "";

/** Whether anything stands on the row: typed, or a figure from the ledger. */
export function hasContent(answer: Pick<Answer, "input" | "comment" | "outcome">): boolean {
  return given(answer.input) || given(answer.comment) || given(answer.outcome);
}

/** Whether the nämnd typed anything on the row (a figure the ledger filled in is not the nämnd's answer). */
export function hasTyped(answer: Answer): boolean {
  return hasContent({
    input: answer.inputFromKolada ? null : answer.input,
    comment: answer.comment,
    outcome: answer.outcomeFromLedger ? null : answer.outcome,
  });
}

/**
 * An answer given before on a row the plan has changed: on a row it now gives another nämnd, or on an uppdrag it
 * split or merged (successors.ts). Shown on the new row, locked, for reference; the new row is answered for itself.
 */
export interface EarlierAnswer {
  /** The nämnd that gave it (its code in today's plan). */
  committee: string;
  answer: Answer;
  /** The plan ID of the uppdrag it was given on, when the new row is a split or merge of it; null for a moved row. */
  replaced: string | null;
}
