import { CellRef, Grid, cellText, isFilled } from "../../sheet/grid";
import { looksLikeCommitteeList } from "../adjustmentLine";
import { CellRow, RawCell } from "../raw";
import { UnreadCell, unreadCell, unreadLines } from "../unread";
import { readProseAdjustment } from "./proseAdjustment";

/**
 * Layout: a PDF (a tjänsteskrivelse, a budget document) copied and pasted into Excel, one printed line per cell in
 * one column. What the copy brings along and how it is read:
 *
 *   Postadress: … / Telefon: … / www.kommun.se / Sida 1 (2)      → page footer and header: passed over ("pageHeader")
 *   KS 2015/0191  (repeated on every page)                        → passed over ("pageHeader")
 *   att godkänna … samt verk- / samhetsuppföljning per 30 april   → one paragraph, the hyphenated word joined
 *   1. Tekniska nämnden får i uppdrag att se över … (Mål 2)       → uppdrag: committee, title, goal
 *   att uppdra till omsorgsnämnden, … samt plan- och bygg- / nadsnämnden att vidta …  → uppdrag of those nämnder
 *
 * Everything else (the letterhead, the reasoning, decisions that give no uppdrag) is listed as not read. A committee
 * is only ever taken from the words before "får i uppdrag" or after "uppdra till", never from a line on its own: a
 * letterhead or page header naming a nämnd makes no nämnd.
 */

interface Line {
  text: string;
  ref: CellRef;
}

interface Paragraph {
  text: string;
  ref: CellRef;
  /** The cells the paragraph was joined from. */
  refs: CellRef[];
}

/** "Sida 1 (2)", "2 (3)", "Sida 2 av 4", "3/12", "7": a page number on a line of its own. */
const PAGE_NUMBER = /^(?:sida|sid\.?|s\.|page)?\s*\d{1,3}(?:\s*\(\s*\d{1,3}\s*\)|\s*(?:av|of|\/)\s*\d{1,3})?$/iu;

/** A line of the footer's contact block: address, telephone, e-mail, web, organisation number. */
const CONTACT_LINE =
  /^(?:post|besöks)?adress\b|^besök\b|^tel(?:efon)?\b|^fax\b|^e-?post\b|^org(?:anisations)?\.?\s*nr\b|www\.|@\S+\.\p{L}{2,}|\b\d{3}\s?\d{2}\s+\p{Lu}\p{Ll}+/iu;

/** A line that repeats this often is page furniture (kommun name, document title, diary number). */
const REPEATS_AS_FURNITURE = 2;
const LONGEST_FURNITURE = 100;

/** A word broken at the end of the line: "verk-", "samhällsmiljö-" (not a lone dash, not "gatu- och"). */
const HYPHENATED = /\p{L}-$/u;
/** After a broken word, these keep the hyphen: "gatu-" + "och samhällsmiljönämnden". */
const KEEPS_HYPHEN = /^(?:och|eller|samt|resp\.?|respektive)\b/iu;
/** A list item's marker: "1.", "2)", "-", "•" (alone on the line, or in front of its text). */
const LIST_MARKER = /^(?:\d{1,2}[.)]|[-–•])(?:\s+|$)/u;
/** An att-sats opens a new paragraph after a line that closes a clause ("…besluta", "…kapitel 2,", "…samt"). */
const ATT_CLAUSE = /^att\s/u;
const CLOSES_CLAUSE = /(?:[,.:;]|\bsamt|\bbesluta|\bbeslutar)$/iu;

/** "X får i uppdrag att Y", "X ges i uppdrag att Y", "X ska ges i uppdrag att Y". */
const ADDRESSEE_FIRST = /^(.+?)\s+(?:ska\s+)?(?:får|ges|gavs|fick)\s+i\s+uppdrag\s+att\s+(.+)$/isu;
/** "att uppdra till/åt X att Y", "att ge X i uppdrag att Y", "Kommunfullmäktige ger X i uppdrag att Y". */
const UPPDRA_TILL = /^(?:att\s+)?uppdra\s+(?:till|åt)\s+(.+?)\s+att\s+(.+)$/isu;
const GE_I_UPPDRAG = /^(?:att\s+ge|.*?\bger)\s+(.+?)\s+i\s+uppdrag\s+att\s+(.+)$/isu;
/** A goal reference in parentheses at the end: "(Mål 2)", "(Inriktningsmål: Trygg uppväxt)". */
const GOAL_IN_PARENTHESES = /\s*\(((?:\p{L}*mål|målområde|fokusområde)\b[^()]*)\)\s*\.?$/iu;

/** "… räddningsnämndens kommunbidrag med 3,1 miljoner kronor": an amount in the same paragraph as a nämnd. */
const AMOUNT_FOR_COMMITTEE =
  /(?=.*\p{L}(?:nämnd|nämnden|nämndens|styrelsen|styrelsens)\b)(?=.*\d(?:[\d\s.,]*\d)?\s*(?:tkr|mnkr|mkr|miljoner\s+kronor|miljarder\s+kronor|tusen\s+kronor|kronor)\b)/isu;

function pastedLines(grid: Grid): { lines: Line[]; wide: number } {
  const lines: Line[] = [];
  let wide = 0;
  grid.values.forEach((values, i) => {
    const filled = values.map((value, j) => ({ value, j })).filter(({ value }) => isFilled(value));
    if (filled.length > 1) wide++;
    for (const { value, j } of filled) {
      const ref = { sheet: grid.sheet, row: grid.top + i, col: grid.left + j };
      for (const text of cellText(value)
        .normalize("NFC")
        .split(/\r\n|\r|\n/)) {
        const trimmed = text.replace(/\s+/gu, " ").trim();
        if (trimmed !== "") lines.push({ text: trimmed, ref });
      }
    }
  });
  return { lines, wide };
}

/** Indexes of the lines that are page furniture: page numbers, contact blocks, lines repeated on every page. */
function furniture(lines: Line[]): Set<number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line.text.toLowerCase(), (counts.get(line.text.toLowerCase()) ?? 0) + 1);
  const found = new Set<number>();
  lines.forEach((line, i) => {
    const repeated = (counts.get(line.text.toLowerCase()) ?? 0) >= REPEATS_AS_FURNITURE;
    if (
      PAGE_NUMBER.test(line.text) ||
      CONTACT_LINE.test(line.text) ||
      (repeated && line.text.length <= LONGEST_FURNITURE)
    ) {
      found.add(i);
    }
  });
  // The sender's name heads the contact block ("Kommunledningskontoret" above "Adress Box 611, …").
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (!found.has(i) && next && CONTACT_LINE.test(next.text) && isNameLine(line.text)) found.add(i);
  });
  return found;
}

/** A short line that reads as a name, not as part of a sentence. */
function isNameLine(text: string): boolean {
  return text.length <= 60 && /^\p{Lu}/u.test(text) && !/[.,:;]$/u.test(text) && !LIST_MARKER.test(text);
}

/**
 * True when the sheet reads as a PDF pasted one line per cell: nearly every row holds one cell, the copy brought a
 * page number or a footer's contact line along, and some line gives an uppdrag.
 */
export function looksLikePastedPdf(grid: Grid): boolean {
  const { lines, wide } = pastedLines(grid);
  if (lines.length < 8 || wide * 10 > lines.length) return false;
  const hasFurniture = lines.some((line) => PAGE_NUMBER.test(line.text) || CONTACT_LINE.test(line.text));
  return (
    hasFurniture && paragraphs(lines, furniture(lines)).some((paragraph) => paragraphAssignments(paragraph).length > 0)
  );
}

function startsParagraph(previous: string, next: string): boolean {
  if (LIST_MARKER.test(next)) return true;
  if (/^\d{1,2}[.)]$/u.test(previous) || /^[-–•]$/u.test(previous)) return false;
  if (ATT_CLAUSE.test(next)) return CLOSES_CLAUSE.test(previous);
  return !/^\p{Ll}/u.test(next);
}

/** Joins the printed lines into paragraphs, skipping furniture; a word broken with a hyphen is made whole again. */
function paragraphs(lines: Line[], skip: Set<number>): Paragraph[] {
  const result: Paragraph[] = [];
  let current: Paragraph | null = null;
  let last = "";
  lines.forEach((line, i) => {
    if (skip.has(i)) return;
    if (current && HYPHENATED.test(last) && /^\p{Ll}/u.test(line.text)) {
      current.text = KEEPS_HYPHEN.test(line.text)
        ? `${current.text} ${line.text}`
        : current.text.slice(0, -1) + line.text;
      current.refs.push(line.ref);
    } else if (current && !startsParagraph(last, line.text)) {
      current.text = `${current.text} ${line.text}`;
      current.refs.push(line.ref);
    } else {
      current = { text: line.text, ref: line.ref, refs: [line.ref] };
      result.push(current);
    }
    last = line.text;
  });
  return result.map((paragraph) => ({ ...paragraph, text: paragraph.text.replace(/^([-–•]|\d{1,2}[.)])\s+/u, "") }));
}

export interface UppdragSentence {
  committees: string;
  title: string;
  goal: string | null;
}

/** A paragraph's sentences; an att-sats after a sentence end starts one of its own. */
function sentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?])\s+(?=\p{Lu}|att\s)/u);
}

/** The uppdrag a sentence gives, with its committees, title and goal reference; null when it gives none. */
export function readUppdrag(sentence: string): UppdragSentence | null {
  const match = ADDRESSEE_FIRST.exec(sentence) ?? UPPDRA_TILL.exec(sentence) ?? GE_I_UPPDRAG.exec(sentence);
  if (!match) return null;
  const committees = match[1].replace(/^att\s+/iu, "").trim();
  if (!looksLikeCommitteeList(committees)) return null;
  let task = match[2].trim();
  const goal = GOAL_IN_PARENTHESES.exec(task);
  if (goal) task = task.slice(0, goal.index);
  task = task.replace(/[\s.,;]+$/u, "");
  return { committees, title: task.charAt(0).toUpperCase() + task.slice(1), goal: goal ? goal[1].trim() : null };
}

function assignmentRow(uppdrag: UppdragSentence, ref: CellRef): CellRow {
  const row: CellRow = {
    kind: "assignment",
    ref,
    fields: { name: { value: uppdrag.title, ref }, committee: { value: uppdrag.committees, ref } },
    originHint: "council",
  };
  if (uppdrag.goal !== null) row.fields.parent = { value: uppdrag.goal, ref };
  return row;
}

/**
 * The uppdrag of a paragraph, each its own row; the paragraph's other sentences are their förtydligande (the
 * sentences before the first uppdrag explain it: "Nämndernas ramar ligger fast … X får i uppdrag att göra
 * erforderliga justeringar utifrån detta"). Empty when the paragraph gives no uppdrag.
 */
function paragraphAssignments(paragraph: Paragraph): CellRow[] {
  const rows: CellRow[] = [];
  const context: string[] = [];
  for (const sentence of sentences(paragraph.text)) {
    const uppdrag = readUppdrag(sentence);
    if (uppdrag) {
      rows.push(assignmentRow(uppdrag, paragraph.ref));
      if (rows.length === 1 && context.length > 0) clarify(rows[0], context.splice(0).join(" "), paragraph.ref);
    } else if (rows.length > 0) {
      clarify(rows[rows.length - 1], sentence, paragraph.ref);
    } else {
      context.push(sentence);
    }
  }
  return rows;
}

function clarify(row: CellRow, text: string, ref: CellRef): void {
  const before = row.fields.clarification;
  row.fields.clarification = { value: before ? `${cellText(before.value)} ${text}` : text, ref };
}

export interface PastedPdf {
  rows: CellRow[];
  unread: UnreadCell[];
  /** The document's title when it names its years ("… budget 2016 och ekonomisk planering 2017-2018"). */
  title?: RawCell;
}

/** A title line: short, no sentence, a span of years in it. */
const TITLE_WITH_YEARS = /^(?=.*\b20\d\d\s*[-–—]\s*20\d\d\b)[^.!?]{10,150}$/u;

/** The document's date in its letterhead, alone on its line: "2018-05-14", "Datum: 2018-05-14". */
const DOCUMENT_DATE = /^(?:datum:?\s*)?((?:19|20)\d\d)-(0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/iu;
/** A title that follows up a period: "Ekonomisk uppföljning per mars", "Delårsrapport per 31 augusti". */
const FOLLOW_UP_TITLE = /^(?=[^.!?]{10,150}$)(?=.*(?:uppföljning|delårs|tertial|prognos|bokslut|månadsrapport))/iu;
const MONTHS = "januari februari mars april maj juni juli augusti september oktober november december".split(" ");
const PERIOD_MONTH = new RegExp(String.raw`\bper\s+(?:\d{1,2}\s+)?(${MONTHS.join("|")})\b`, "giu");

/**
 * The year an in-year follow-up is about: its title follows up a period ("per mars", "per april") that ended by the
 * document's date, so in the date's year. Decisions taken in it without a year of their own concern that year (a
 * change of a nämnd's kommunbidrag then is a tilläggsanslag for the running year). Null when the title names no
 * period or a period that ends later in the year than the date (a year-end report written after the year).
 */
function followUpYear(title: string, date: { year: number; month: number }): number | null {
  if (!FOLLOW_UP_TITLE.test(title)) return null;
  const months = [...title.matchAll(PERIOD_MONTH)].map((m) => MONTHS.indexOf(m[1].toLowerCase()) + 1);
  if (months.length === 0 || Math.max(...months) > date.month) return null;
  return date.year;
}

/** Reads a PDF pasted one line per cell: its uppdrag as raw rows, its other lines as not read, with why. */
export function readPastedPdf(grid: Grid): PastedPdf {
  const { lines } = pastedLines(grid);
  const skip = furniture(lines);
  const rows: CellRow[] = [];
  const unread: UnreadCell[] = [];
  lines.forEach((line, i) => {
    if (skip.has(i)) unread.push(unreadCell(line.ref, line.text, "pageHeader"));
  });
  let title: RawCell | undefined;
  let date: { year: number; month: number } | undefined;
  let periodYear: number | null = null;
  for (const paragraph of paragraphs(lines, skip)) {
    const assignments = paragraphAssignments(paragraph);
    if (assignments.length > 0) {
      rows.push(...assignments);
      continue;
    }
    if (!title && rows.length === 0 && TITLE_WITH_YEARS.test(paragraph.text)) {
      title = { value: paragraph.text, ref: paragraph.ref };
      continue;
    }
    // The letterhead's date, then a follow-up's title: the year the document's decisions are about.
    const dated = rows.length === 0 && !date ? DOCUMENT_DATE.exec(paragraph.text) : null;
    if (dated) date = { year: Number(dated[1]), month: Number(dated[2]) };
    if (date && periodYear === null && rows.length === 0) periodYear = followUpYear(paragraph.text, date);
    // A sum of money given to a nämnd in prose is a ramjustering where the sentence says all of it; else budget data
    // the reader could not place, and says so.
    const titleYear = title ? Number(/\b20\d\d\b/.exec(cellText(title.value))?.[0]) : periodYear;
    const left: string[] = [];
    let open = false;
    for (const sentence of sentences(paragraph.text)) {
      const reading = readProseAdjustment(sentence, paragraph.ref, titleYear);
      if (reading && "row" in reading) rows.push(reading.row);
      else left.push(sentence);
      open ||= reading !== null && "gap" in reading;
    }
    if (left.length === 0) continue;
    const text = left.join(" ");
    const reason = open ? "amountOpen" : AMOUNT_FOR_COMMITTEE.test(text) ? "notUnderstood" : "prose";
    unread.push(unreadLines(paragraph.refs, text, reason));
  }
  return title ? { rows, unread, title } : { rows, unread };
}
