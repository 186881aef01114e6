import { cellText } from "../../sheet/grid";
import { directionOfWord, durationOfWord, isRamWord } from "../adjustmentLine";
import { AmountConvention, amountConvention, oreToTkr, parseAmount } from "../amounts";
import { Adjustment, Assignment, Direction, Duration } from "../model";
import { derivedId } from "../derivedIds";
import { NameIndex } from "../nameIndex";
import { RawRow, RowList, TableColumns, TableRow } from "../raw";
import { nearest, normalizeName } from "../text";
import { INDEX_LINE } from "../vocabulary";
import { AssignmentsRead, indexes } from "./assignments";
import { CommitteeReader } from "./committees";
import { ResolveState, RowReader, parseYear } from "./context";

/**
 * The plan's ramjusteringar: nämnd, amount (by its column's convention), direction, duration, year and the uppdrag
 * each is tied to, and a key for those without an id that no reordering of rows changes.
 */
export class AdjustmentReader extends RowReader {
  constructor(
    state: ResolveState,
    private readonly committees: CommitteeReader,
  ) {
    super(state);
  }

  /** The ramjusteringar read as tillfälliga only because a year ties them and no word says varaktig (duration()). */
  readonly assumedDurations = new Set<Adjustment>();

  /** Each table's amount column by name (amountColumn). */
  private readonly tableColumns = new Map<TableColumns, string>();

  read(rows: RowList, assignments: AssignmentsRead): Adjustment[] {
    const adjustments: Adjustment[] = [];
    /** Those without an id of their own, keyed once all are read. */
    const derived: Adjustment[] = [];
    const ids = new NameIndex<string>((id) => id, rows.length);
    const conventions = this.amountConventions(rows);
    for (let i = 0; i < rows.length; i++) {
      const row = this.rowAt(rows, i);
      const committee = this.adjustmentCommittee(row);
      const amount = this.amount(row, conventions.get(this.amountColumn(row)) ?? null);
      const assignment = this.linkedAssignment(row, committee, assignments);
      const year = this.year(row);
      const direction = amount === null ? null : this.direction(row, amount);
      const { duration, assumed } = this.duration(row, year);
      if (committee === null || amount === null || direction === null || assignment === undefined) continue;
      const id = this.text(row, "id");
      if (id && ids.has(id)) {
        this.report("error", "duplicate-id", this.at(row, "id"), { id });
        continue;
      }
      if (id) ids.set(id, id);
      const amountOre = direction === "decrease" ? -Math.abs(amount.ore) : Math.abs(amount.ore);
      // A comment beside a ramjustering says what it is for, where no column names it ("Effektiviseringskrav").
      const description = this.text(row, "name") || this.text(row, "comment") || null;
      const adjustment: Adjustment = {
        id,
        committee,
        year,
        amountOre,
        direction,
        duration,
        assignmentId: assignment?.id ?? null,
        description,
        isIndex: description !== null && INDEX_LINE.test(description),
      };
      adjustments.push(adjustment);
      if (assumed) this.assumedDurations.add(adjustment);
      if (!id) derived.push(adjustment);
    }
    this.deriveAdjustmentKeys(derived, ids);
    return adjustments;
  }

  /**
   * Keys for ramjusteringar without an id, that no reordering or inserting of rows changes: nämnd, year and uppdrag;
   * one tied to no uppdrag, or sharing its uppdrag, nämnd and year with another, is told apart by its amount. Rows
   * alike in all of that are interchangeable and are numbered.
   */
  private deriveAdjustmentKeys(adjustments: Adjustment[], taken: NameIndex<string>): void {
    const base = (a: Adjustment) => derivedId("adjustment", a.committee, a.year ?? "", a.assignmentId ?? "");
    const withAmount = (a: Adjustment) => `${base(a)}:${oreToTkr(a.amountOre)}`;
    const count = new Map<string, number>();
    for (const a of adjustments) count.set(base(a), (count.get(base(a)) ?? 0) + 1);
    for (const a of adjustments) {
      const key = a.assignmentId !== null && count.get(base(a)) === 1 ? base(a) : withAmount(a);
      let id = key;
      for (let n = 2; taken.has(id); n++) id = `${key}:${n}`;
      taken.set(id, id);
      a.id = id;
    }
  }

  private adjustmentCommittee(row: RawRow): string | null {
    const { codes, unknown, everyCommittee } = this.committees.cell(row);
    if (codes.length === 0 && unknown.length === 0 && !everyCommittee) {
      this.missing(row, "committee");
      return null;
    }
    if (codes.length > 1) {
      this.report(
        "error",
        "adjustment-committee-ambiguous",
        this.at(row, this.present(row, "amount") ? "amount" : "committee"),
        {
          committees: codes.join(", "),
        },
      );
      return null;
    }
    return codes[0] ?? null;
  }

  /** Where a row's amount stands: the convention of its column ("Budget 2025" on one sheet) reads it. */
  private amountColumn(row: RawRow): string {
    // A table's rows share their amount column: its name is made once per table, not once per row.
    if (row instanceof TableRow) {
      let column = this.tableColumns.get(row.columns);
      if (column === undefined) {
        column = `${row.columns.grid.sheet}|${row.columns.byField.amount ?? row.first}`;
        this.tableColumns.set(row.columns, column);
      }
      return column;
    }
    const at = this.at(row, "amount");
    return `${at.sheet}|${at.col}`;
  }

  /** Per amount column, how its texts write amounts (amounts.ts `amountConvention`). */
  private amountConventions(rows: RowList): Map<string, AmountConvention> {
    const texts = new Map<string, string[]>();
    for (let i = 0; i < rows.length; i++) {
      const row = this.rowAt(rows, i);
      const value = this.value(row, "amount");
      if (typeof value !== "string") continue;
      const column = this.amountColumn(row);
      const list = texts.get(column);
      if (list) list.push(value);
      else texts.set(column, [value]);
    }
    return new Map([...texts].map(([column, list]) => [column, amountConvention(list)]));
  }

  /** The amount read, with its sign as written (a negative number cell was typed with its minus). */
  private amount(row: RawRow, convention: AmountConvention): { ore: number; sign: "+" | "-" | null } | null {
    const parsed = parseAmount(this.value(row, "amount"), row.amountUnit, convention);
    if (!parsed) {
      this.missing(row, "amount");
      return null;
    }
    if (!parsed.ok) {
      this.reportUnreadAmount(parsed, this.at(row, "amount"));
      return null;
    }
    return parsed;
  }

  /** The word decides, else the sign; a word and a written sign that disagree is a finding, not a guess. */
  private direction(row: RawRow, amount: { ore: number; sign: "+" | "-" | null }): Direction | null {
    const signDirection: Direction | null = amount.sign === "-" ? "decrease" : amount.sign === "+" ? "increase" : null;
    const text = this.written(row, "direction");
    const wordDirection = text ? (directionOfWord(text) ?? ENGLISH_DIRECTIONS[normalizeName(text)] ?? null) : null;
    if (text && wordDirection === null && !isRamWord(text) && !/^adjustment$/i.test(text)) {
      this.report("error", "direction-invalid", this.at(row, "direction"), { value: text });
      return null;
    }
    if (wordDirection && signDirection && wordDirection !== signDirection) {
      this.report("error", "amount-sign", this.at(row, "amount"), {
        word: text,
        value: cellText(this.value(row, "amount")),
      });
      return null;
    }
    return wordDirection ?? signDirection ?? "increase";
  }

  /**
   * Varaktig or tillfällig by its word; tied to a year and not called varaktig, tillfällig (assumed: the plan does not
   * say it); else unspecified.
   */
  private duration(row: RawRow, year: number | null): { duration: Duration | null; assumed: boolean } {
    const text = this.written(row, "duration");
    if (text) {
      const duration = durationOfWord(text) ?? yesNoDuration(text);
      if (!duration) this.report("error", "duration-invalid", this.at(row, "duration"), { value: text });
      return { duration, assumed: false };
    }
    const directionWord = durationOfWord(this.written(row, "direction"));
    if (directionWord) return { duration: directionWord, assumed: false };
    if (year !== null) return { duration: "temporary", assumed: true };
    this.report("warning", "duration-unspecified", this.at(row, "amount"));
    return { duration: null, assumed: false };
  }

  /** undefined when a link was given but is broken (the row is dropped); null when there is no link. */
  private linkedAssignment(
    row: RawRow,
    committee: string | null,
    assignments: AssignmentsRead,
  ): Assignment | null | undefined {
    const text = this.text(row, "assignment");
    if (!text) return null;
    const byId = assignments.byId.get(text);
    if (byId) return byId;
    const sameTitle = indexes(assignments.byTitle.get(text)).map((i) => assignments.all[i]);
    if (sameTitle.length) {
      // A title may stand for several uppdrag (the same one each year, or for each nämnd): the one that the
      // ramjustering's year and nämnd point at.
      const year = parseYear(this.value(row, "year"));
      return (
        sameTitle.find((a) => a.year === year && committee !== null && a.committees.includes(committee)) ??
        sameTitle.find((a) => a.year === year) ??
        sameTitle[sameTitle.length - 1]
      );
    }
    const suggestion =
      nearest(
        text,
        assignments.all.map((a) => a.title),
      ) ?? "";
    this.report("error", "adjustment-unknown-assignment", this.at(row, "assignment"), { name: text, suggestion });
    return undefined;
  }
}

/** Varaktighet as Ja/Nej ("Varaktig (Ja/Nej)"), or in English: "Permanent", "Lasting", "Temporary", "One-off". */
function yesNoDuration(text: string): Duration | null {
  const normal = normalizeName(text);
  if (/^(ja|yes|x|lasting)$/.test(normal)) return "permanent";
  if (/^(nej|no|temporary|one-off|one off|one-time)$/.test(normal)) return "temporary";
  return null;
}

/** Typ in a workbook kept in English (the headers may be English too); Swedish words are read by adjustmentLine. */
const ENGLISH_DIRECTIONS: Record<string, Direction> = {
  increase: "increase",
  addition: "increase",
  decrease: "decrease",
  reduction: "decrease",
  saving: "decrease",
  savings: "decrease",
};
