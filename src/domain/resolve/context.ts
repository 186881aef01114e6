import { CellRef, CellValue, cellText, isErrorValue, isFilled, refName } from "../../sheet/grid";
import { AmountParse, ORE_PER_UNIT } from "../amounts";
import { Finding, RuleId, Severity, finding } from "../findings";
import { FieldName, RawRow, RowList, TableRow, fieldNames, fieldRef, fieldValue } from "../raw";
import { cleanParagraphs, cleanText } from "../text";

/**
 * What every part of resolving a plan shares: the findings made so far (each made once), the cells holding error
 * values, and how a row's fields are read and reported on. Each part (nämnder, goals, uppdrag, ramjusteringar,
 * nyckeltal, years) is a RowReader over the same state, so findings come out in the order the parts run.
 */
export interface ResolveState {
  readonly findings: Finding[];
  /** Findings already made, so that a cell several rows share (a heading's year, an uppdrag's nämnd) gives one. */
  readonly reported: Set<string>;
  /** Cells holding an error value: already reported, so not reported again as missing. */
  readonly errorCells: Set<string>;
}

export function newResolveState(): ResolveState {
  return { findings: [], reported: new Set(), errorCells: new Set() };
}

/** Reads a row's fields (an error value counts as empty, and is reported once) and reports findings at its cells. */
export class RowReader {
  constructor(protected readonly state: ResolveState) {}

  /**
   * The row at `position`, its error values reported first; valid until the next row is read (RowList.current).
   * Loops over rows are indexed: they run once per call over every row, mostly before V8 optimises them, and for…of
   * would then make an iterator result per row.
   */
  protected rowAt(rows: RowList, position: number): RawRow {
    const row = rows.current(position);
    this.reportErrorValues(row);
    return row;
  }

  protected report(severity: Severity, rule: RuleId, at: CellRef, params: Record<string, string | number> = {}): void {
    const found = finding(severity, rule, at, params);
    const key = JSON.stringify([found.severity, found.rule, found.sheet, found.cell, found.params]);
    if (this.state.reported.has(key)) return;
    this.state.reported.add(key);
    this.state.findings.push(found);
  }

  /**
   * An error value (#REF!, #N/A …) is reported once, at its cell, and the field then counts as empty; its cell is
   * remembered, so that the field is not reported missing on top of it.
   */
  private reportErrorValues(row: RawRow): void {
    // A table row holding no error value (nearly all of them) needs no look at its fields.
    if (row instanceof TableRow && !(row.columns.holdsErrors && row.values.some(isErrorValue))) return;
    for (const field of fieldNames(row)) {
      const value = fieldValue(row, field);
      if (!isErrorValue(value)) continue;
      const at = this.at(row, field);
      this.report("error", "error-value", at, { value: value.error });
      this.state.errorCells.add(refKey(at));
    }
  }

  /** A field's value; an error value counts as empty (it is reported at its cell). */
  protected value(row: RawRow, field: FieldName): CellValue {
    const value = fieldValue(row, field);
    return isErrorValue(value) ? null : value;
  }

  /** Whether the row gives the field a value (not empty, not blank, not an error value). */
  protected present(row: RawRow, field: FieldName): boolean {
    return isFilled(this.value(row, field));
  }

  /** The cell of a field in a row: its value's cell, else the empty cell in its column, else the row's first cell. */
  protected at(row: RawRow, field: FieldName): CellRef {
    return fieldRef(row, field) ?? row.ref;
  }

  /** An amount that cannot be read, or can be read two ways: a finding at its cell, naming the readings left open. */
  protected reportUnreadAmount(parsed: Extract<AmountParse, { ok: false }>, at: CellRef): void {
    const rule = parsed.problem === "ambiguous" ? "amount-ambiguous" : "amount-unparseable";
    // The two readings the evidence left open, in the amount's unit, for the message to name.
    const readings = parsed.readings && {
      first: parsed.readings.first / ORE_PER_UNIT[parsed.readings.unit],
      second: parsed.readings.second / ORE_PER_UNIT[parsed.readings.unit],
      unit: parsed.readings.unit,
    };
    this.report("error", rule, at, { value: parsed.text, problem: parsed.problem, ...readings });
  }

  /** Reports a field that has no value, at the cell to fill in; not when that cell holds an error value. */
  protected missing(row: RawRow, field: FieldName, rule: RuleId = "required-field"): void {
    const at = this.at(row, field);
    if (this.state.errorCells.has(refKey(at))) return;
    // A table without a column for the field is told so: there is no cell to fill in.
    const params = rule === "required-field" ? { field, ...(fieldRef(row, field) ? {} : { column: "none" }) } : {};
    this.report("error", rule, at, params);
  }

  /** A field's text as written, trimmed; "" when the cell is empty, blank or holds an error value. */
  protected written(row: RawRow, field: FieldName): string {
    return cellText(this.value(row, field));
  }

  protected text(row: RawRow, field: FieldName): string {
    return cleanText(this.written(row, field));
  }

  /** A förtydligande keeps its paragraphs: each line cleaned, blank lines dropped. */
  protected clarification(row: RawRow): string | null {
    const value = this.value(row, "clarification");
    return value === null ? null : cleanParagraphs(cellText(value)) || null;
  }

  protected required(row: RawRow, field: FieldName): string | null {
    const text = this.text(row, field);
    if (!text) this.missing(row, field);
    return text || null;
  }

  protected year(row: RawRow): number | null {
    const value = this.value(row, "year");
    if (!isFilled(value)) return null;
    const year = parseYear(value);
    if (year === null) this.report("error", "year-invalid", this.at(row, "year"), { value: cellText(value) });
    return year;
  }
}

export function refKey(ref: CellRef): string {
  return `${ref.sheet}!${refName(ref)}`;
}

export function parseYear(value: CellValue): number | null {
  if (typeof value === "number") return Number.isInteger(value) && value >= 1900 && value < 2200 ? value : null;
  const text = cellText(value);
  return /^(19|20|21)\d\d$/.test(text) ? Number(text) : null;
}
