import { CellRef, Grid, cellText, isFilled } from "../../sheet/grid";
import { AdjustmentLine, parseAdjustmentLine } from "../adjustmentLine";
import { Origin } from "../model";
import { CellRow, RawCell } from "../raw";
import { UnreadCell, UnreadReason, unreadCell } from "../unread";
import {
  Heading,
  TABLE_HEADER_CLARIFICATION,
  TABLE_HEADER_UPPDRAG,
  isDocumentHeading,
  readHeading,
} from "./pastedHeadings";
import { looksLikePastedPdf, readPastedPdf } from "./pastedPdf";
import { committeeOnly, splitTrailingCommittees } from "./trailingCommittees";

/**
 * Layout: a published budget page (MRP, Östersund style) pasted into Excel (a PDF pasted line by line: pastedPdf.ts). Mostly one paragraph per row in the
 * first text column; the uppdrag tables arrive either as two columns (uppdrag | förtydligande) or, when pasted as
 * plain text, as one paragraph per row.
 *
 *   Mål: Näringsliv och tillväxt                          → goal (levelHint kommunmal)
 *   Uppdrag från fullmäktige 2024                         → origin fullmaktige, year 2024 for what follows
 *   Förbättra kvinnors … i kommunen. KS | Uppdraget …     → assignment, committee "KS", clarification
 *   Ramökning 2024 KS: 250 tkr                            → adjustment tied to that assignment
 *   Nämndernas egna uppdrag 2024                          → origin namnd
 *   Nyckeltal 2024 …                                      → ignored up to the next heading
 *
 * Title convention: an assignment's name is the uppdrag sentence exactly as written, final period included, with
 * only the trailing committee codes or "(Full name)" removed:
 *   "Förbättra kvinnors förutsättningar för företagande i kommunen. KS"
 *     → name "Förbättra kvinnors förutsättningar för företagande i kommunen.", committee "KS".
 */

interface TextCell {
  ref: CellRef;
  /** The cell's lines (Alt+Enter breaks), trimmed, empty lines dropped. */
  lines: string[];
}

interface SheetRow {
  cells: TextCell[];
}

function readRows(grid: Grid): SheetRow[] {
  const rows: SheetRow[] = [];
  grid.values.forEach((values, i) => {
    const cells: TextCell[] = [];
    values.forEach((value, j) => {
      const lines = cellText(value)
        .normalize("NFC")
        .split(/\r\n|\r|\n/)
        .map((line) => line.trim())
        .filter((line) => line !== "");
      if (lines.length > 0) cells.push({ ref: { sheet: grid.sheet, row: grid.top + i, col: grid.left + j }, lines });
    });
    if (cells.length > 0) rows.push({ cells });
  });
  return rows;
}

/** The row's text when it is a single one-line cell: headings always stand alone in their row. */
function soleLine(row: SheetRow): string | null {
  return row.cells.length === 1 && row.cells[0].lines.length === 1 ? row.cells[0].lines[0] : null;
}

/**
 * True when the sheet reads as a pasted budget page: some row holds nothing but a heading such as "Mål: …",
 * "Uppdrag från fullmäktige 2024" or "Nämndernas egna uppdrag", or a ramjustering line ("Ramökning 2024 KS: 250 tkr",
 * as a list of them pasted alone), and the sheet is mostly one or two columns of text. The second test keeps a
 * template table that merely has such a title above it out.
 */
export function looksLikePastedDocument(grid: Grid): boolean {
  // A table (most rows three cells wide or more) is ruled out before any cell's text is prepared.
  let filled = 0;
  let wide = 0;
  for (const values of grid.values) {
    let count = 0;
    for (let i = 0; i < values.length && count < 3; i++) if (isFilled(values[i])) count++;
    if (count > 0) filled++;
    if (count >= 3) wide++;
  }
  if (wide >= filled - wide) return false;
  return hasDocumentHeading(readRows(grid)) || looksLikePastedPdf(grid);
}

function hasDocumentHeading(rows: SheetRow[]): boolean {
  return rows.some((row) => {
    const line = soleLine(row);
    return line !== null && (isDocumentHeading(line) || parseAdjustmentLine(line) !== null);
  });
}

// --- Reader ---------------------------------------------------------------------------------------------------

interface PendingAssignment {
  row: CellRow;
  name: RawCell;
  clarification: { text: string; ref: CellRef }[];
  adjustments: CellRow[];
}

/** What the previous line in the uppdrag section was; a "(Full name)" line looks back at it. */
type Previous =
  { kind: "paragraph"; text: string; ref: CellRef; attached: boolean } | { kind: "assignment" } | { kind: "other" };

/** A pasted document as read: its rows, and the lines it holds that the plan does not take. */
export interface PastedDocument {
  rows: CellRow[];
  unread: UnreadCell[];
  /** The plan's title, when the document prints one that names its years. */
  title?: RawCell;
}

class PastedReader {
  readonly rows: CellRow[] = [];
  private readonly unread: UnreadCell[] = [];
  private section: "prose" | "assignments" | "ignored" = "prose";
  private goal: RawCell | null = null;
  private introGoal: RawCell | null = null;
  private origin: Origin = "council";
  private year: RawCell | null = null;
  private pending: PendingAssignment | null = null;
  private previous: Previous = { kind: "other" };

  constructor(private readonly firstColumn: number) {}

  readRow(row: SheetRow): void {
    const line = soleLine(row);
    const heading = line === null ? null : readHeading(line);
    if (heading) {
      this.heading(heading, row.cells[0].ref);
      return;
    }
    if (this.section === "ignored") {
      this.passOver(row.cells, "section");
      return;
    }
    if (this.section === "prose") {
      // Goal descriptions are not read, but a ramjustering line is budget data and must not be lost.
      for (const cell of row.cells) {
        for (const text of cell.lines) if (!this.adjustmentLine(text, cell.ref)) this.passOver([cell], "prose", text);
      }
      return;
    }
    this.uppdragRow(row);
  }

  finish(): PastedDocument {
    this.flush();
    return { rows: this.rows, unread: this.unread };
  }

  /** Cells (or one line of a cell) the document holds but the plan does not take. */
  private passOver(cells: TextCell[], reason: UnreadReason, line?: string): void {
    for (const cell of cells) this.unread.push(unreadCell(cell.ref, line ?? cell.lines.join(" "), reason));
  }

  private heading(heading: Heading, ref: CellRef): void {
    switch (heading.kind) {
      case "goal":
        this.flush();
        this.section = "prose";
        this.goal = { value: heading.name, ref };
        this.introGoal = null;
        this.year = null;
        this.rows.push({ kind: "goal", ref, fields: { name: this.goal }, levelHint: "kommunmal" });
        return;
      case "assignments":
        this.flush();
        this.section = "assignments";
        this.origin = heading.origin;
        this.year = heading.year === null ? null : { value: heading.year, ref };
        this.introGoal = null;
        return;
      case "intro":
        this.flush();
        // The intro follows the heading; alone it still opens an uppdrag section of its own origin.
        if (this.section !== "assignments") {
          this.section = "assignments";
          this.origin = heading.origin;
          this.year = null;
        }
        this.introGoal = { value: heading.goalName, ref };
        return;
      case "keyFigures":
        // Nyckeltal tables have no reliable structure when pasted; skip up to the next heading.
        this.flush();
        this.section = "ignored";
        return;
      case "boundary":
        this.flush();
        this.section = "prose";
        return;
      case "tableHeader":
        return;
    }
  }

  private uppdragRow(row: SheetRow): void {
    const [first, second] = row.cells;
    if (second !== undefined) {
      if (isTableHeaderRow(first, second)) return;
      this.twoColumnRow(first, row.cells.slice(1));
      return;
    }
    if (first.ref.col > this.firstColumn) {
      // A lone cell in the förtydligande column continues the uppdrag above.
      this.clarificationCell(first);
      return;
    }
    for (const text of first.lines) this.oneColumnLine(text, first.ref);
  }

  /** Two columns: the first cell is the uppdrag (title, maybe committees), the rest its förtydligande. */
  private twoColumnRow(first: TextCell, rest: TextCell[]): void {
    const titleLines: string[] = [];
    const committeeLines: string[] = [];
    const adjustmentLines: string[] = [];
    for (const text of first.lines) {
      if (parseAdjustmentLine(text)) adjustmentLines.push(text);
      else if (committeeOnly(text) !== null) committeeLines.push(committeeOnly(text) as string);
      else titleLines.push(text);
    }
    if (titleLines.length > 0) {
      this.startAssignment(titleLines.join(" "), first.ref);
      if (committeeLines.length > 0) this.setCommittee(committeeLines.join(", "), first.ref);
    } else if (committeeLines.length > 0) {
      // "(Kommunstyrelsen)" in the uppdrag column of a row of its own belongs to the uppdrag above.
      this.setCommittee(committeeLines.join(", "), first.ref);
    }
    for (const text of adjustmentLines) this.adjustmentLine(text, first.ref);
    for (const cell of rest) this.clarificationCell(cell);
    this.previous = { kind: "assignment" };
  }

  private clarificationCell(cell: TextCell): void {
    for (const text of cell.lines) {
      if (this.adjustmentLine(text, cell.ref)) continue;
      if (this.pending) this.pending.clarification.push({ text, ref: cell.ref });
      else this.unread.push(unreadCell(cell.ref, text, "notUnderstood"));
    }
  }

  /**
   * One-column paste: an uppdrag paragraph ends with committee codes or is followed by a "(Full name)" line;
   * any other paragraph is förtydligande of the uppdrag above.
   */
  private oneColumnLine(text: string, ref: CellRef): void {
    if (this.adjustmentLine(text, ref)) {
      this.previous = { kind: "other" };
      return;
    }
    const committees = committeeOnly(text);
    if (committees !== null) {
      const previous = this.previous;
      if (previous.kind === "paragraph") {
        // The paragraph just read was an uppdrag, not förtydligande (or a line not understood): take it back.
        if (previous.attached) this.pending?.clarification.pop();
        else this.unread.pop();
        this.startAssignment(previous.text, previous.ref);
        this.setCommittee(committees, ref);
        this.previous = { kind: "assignment" };
      } else if (this.pending && this.pending.row.fields.committee === undefined) {
        this.setCommittee(committees, ref);
      } else {
        this.unread.push(unreadCell(ref, text, "notUnderstood"));
      }
      return;
    }
    if (splitTrailingCommittees(text) !== null) {
      this.startAssignment(text, ref);
      this.previous = { kind: "assignment" };
      return;
    }
    const attached = this.pending !== null;
    if (this.pending) this.pending.clarification.push({ text, ref });
    else this.unread.push(unreadCell(ref, text, "notUnderstood"));
    this.previous = { kind: "paragraph", text, ref, attached };
  }

  /** Opens a new assignment from the uppdrag text, splitting off trailing committees. */
  private startAssignment(text: string, ref: CellRef): void {
    this.flush();
    const split = splitTrailingCommittees(text);
    const name: RawCell = { value: split ? split.title : text, ref };
    const row: CellRow = { kind: "assignment", ref, fields: { name }, originHint: this.origin };
    if (split) row.fields.committee = { value: split.committees, ref };
    const parent = this.goal ?? this.introGoal;
    if (parent) row.fields.parent = parent;
    if (this.year) row.fields.year = this.year;
    this.pending = { row, name, clarification: [], adjustments: [] };
  }

  private setCommittee(committees: string, ref: CellRef): void {
    if (this.pending && this.pending.row.fields.committee === undefined) {
      this.pending.row.fields.committee = { value: committees, ref };
    }
  }

  /** Records the line as an adjustment when it is one, tied to the open assignment if any. */
  private adjustmentLine(text: string, ref: CellRef): boolean {
    const line = parseAdjustmentLine(text);
    if (!line) return false;
    // A line that names no year belongs to the year of its section ("Uppdrag från fullmäktige 2024").
    const row = adjustmentRow(line, ref, this.pending?.name ?? null, this.year);
    if (this.pending) this.pending.adjustments.push(row);
    else this.rows.push(row);
    return true;
  }

  /** Emits the open assignment (then its adjustments, in sheet order). */
  private flush(): void {
    const pending = this.pending;
    this.pending = null;
    this.previous = { kind: "other" };
    if (!pending) return;
    if (pending.clarification.length > 0) {
      pending.row.fields.clarification = {
        value: pending.clarification.map((part) => part.text).join("\n"),
        ref: pending.clarification[0].ref,
      };
    }
    this.rows.push(pending.row, ...pending.adjustments);
  }
}

function isTableHeaderRow(first: TextCell, second: TextCell): boolean {
  return (
    first.lines.length === 1 &&
    TABLE_HEADER_UPPDRAG.test(first.lines[0]) &&
    second.lines.length === 1 &&
    TABLE_HEADER_CLARIFICATION.test(second.lines[0])
  );
}

function adjustmentRow(
  line: AdjustmentLine,
  ref: CellRef,
  assignment: RawCell | null,
  sectionYear: RawCell | null,
): CellRow {
  const row: CellRow = { kind: "adjustment", ref, fields: { direction: { value: line.directionWord, ref } } };
  if (line.durationWord !== null) row.fields.duration = { value: line.durationWord, ref };
  if (line.year !== null) row.fields.year = { value: line.year, ref };
  else if (sectionYear) row.fields.year = sectionYear;
  if (line.committees !== "") row.fields.committee = { value: line.committees, ref };
  row.fields.amount = { value: line.amountText, ref };
  if (assignment) row.fields.assignment = assignment;
  return row;
}

/**
 * Reads a pasted budget page into raw rows, or returns null when the sheet does not look like one (unless
 * `force` is set, for a sheet the user mapped as pasted). Adjustment rows omit committee, year and duration when
 * the line names none; one outside any uppdrag (in a goal's prose) is kept without an assignment rather than
 * dropped, since a budget figure must not vanish silently.
 */
export function readPastedDocument(grid: Grid, options: { force?: boolean } = {}): PastedDocument | null {
  if (!options.force && !looksLikePastedDocument(grid)) return null;
  const rows = readRows(grid);
  if (rows.length === 0) return { rows: [], unread: [] };
  // Without the headings of a budget web page, the text is a PDF pasted line by line.
  if (!hasDocumentHeading(rows) && looksLikePastedPdf(grid)) return readPastedPdf(grid);
  // The text column: where the leftmost text stands (the paste may start at any column).
  const firstColumn = rows.reduce((min, row) => Math.min(min, row.cells[0].ref.col), Infinity);
  const reader = new PastedReader(firstColumn);
  for (const row of rows) reader.readRow(row);
  return reader.finish();
}
