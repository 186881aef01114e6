import { CellRef, CellValue, Grid, isFilled, valueAt } from "../sheet/grid";
import { AmountUnit } from "./amounts";

/**
 * What a layout reader produces: rows of raw cells, each still pointing at its cell, before any name is resolved
 * or any amount parsed. Every layout (template, free layout, pasted budget document) reads into this shape, and
 * one resolver (resolve.ts) turns it into a Plan with findings, so all layouts give the same plan.
 */

export type RowKind = "committee" | "goal" | "assignment" | "adjustment" | "keyFigure";

export type FieldName =
  | "id"
  | "level"
  | "name"
  | "parent"
  | "clarification"
  | "committee"
  | "kind"
  | "amount"
  | "year"
  | "direction"
  | "duration"
  | "origin"
  | "target"
  | "unit"
  | "kolada"
  | "assignment"
  | "comment";

export interface RawCell {
  value: CellValue;
  ref: CellRef;
}

/** The cell at (row, col) of the sheet, with its value; null when it holds nothing. */
export function filledCell(grid: Grid, row: number, col: number): RawCell | null {
  const value = valueAt(grid, row, col);
  return isFilled(value) ? { value, ref: { sheet: grid.sheet, row, col } } : null;
}

/** A row whose fields come from cells anywhere on the sheet (the pasted budget document, headings in a table). */
export interface CellRow {
  kind: RowKind;
  /** The first cell of the row that carries data; where row-level findings point. */
  ref: CellRef;
  /** Level id given by the sheet rather than a column ("Nämndmål" as the sheet name). */
  levelHint?: string;
  /** Unit that the amount column's header gives ("Belopp (tkr)"). */
  amountUnit?: AmountUnit;
  /** Origin given by a heading rather than a column ("Nämndernas egna uppdrag 2024"). */
  originHint?: "fullmaktige" | "namnd";
  fields: Partial<Record<FieldName, RawCell>>;
}

/** Where each field of a table stands, and what its rows are: one object per table, shared by all of its rows. */
export interface TableColumns {
  grid: Grid;
  kind: RowKind;
  /** Column (0-based sheet coordinate) of each field. */
  byField: Partial<Record<FieldName, number>>;
  /** The fields that have a column, listed once for the table. */
  fields: FieldName[];
  levelHint?: string;
  amountUnit?: AmountUnit;
}

/**
 * A table row: the grid's row as it is, and the table's columns. Made when the row is read (RowList.at) and dropped
 * after: cells and their references are made only when a finding or the plan needs one.
 */
export class TableRow {
  readonly values: CellValue[];

  constructor(
    readonly row: number,
    /** Column of the row's first filled cell, where row-level findings point. */
    readonly first: number,
    readonly columns: TableColumns,
  ) {
    this.values = columns.grid.values[row - columns.grid.top];
  }

  get kind(): RowKind {
    return this.columns.kind;
  }

  get ref(): CellRef {
    return { sheet: this.columns.grid.sheet, row: this.row, col: this.first };
  }

  get levelHint(): string | undefined {
    return this.columns.levelHint;
  }

  get amountUnit(): AmountUnit | undefined {
    return this.columns.amountUnit;
  }

  get originHint(): undefined {
    return undefined;
  }
}

export type RawRow = CellRow | TableRow;

/** A field's value as read (error values included); null when the row has no such field. */
export function fieldValue(row: RawRow, field: FieldName): CellValue {
  if (row instanceof TableRow) {
    const col = row.columns.byField[field];
    return col === undefined ? null : (row.values[col - row.columns.grid.left] ?? null);
  }
  return row.fields[field]?.value ?? null;
}

/**
 * A field's cell: where its value stands or, in a table, where its column crosses the row even when empty (so that a
 * missing value is reported at the cell to fill in). undefined when the row has no place for the field.
 */
export function fieldRef(row: RawRow, field: FieldName): CellRef | undefined {
  if (row instanceof TableRow) {
    const col = row.columns.byField[field];
    return col === undefined ? undefined : { sheet: row.columns.grid.sheet, row: row.row, col };
  }
  return row.fields[field]?.ref;
}

/** The fields a row has a place for. */
export function fieldNames(row: RawRow): FieldName[] {
  return row instanceof TableRow ? row.columns.fields : (Object.keys(row.fields) as FieldName[]);
}

/** Key/value settings found in the workbook (budget year, plan years, title), each with its cell. */
export interface RawSettings {
  budgetYear?: RawCell;
  planYears?: RawCell;
  /** A title such as "Mål- och resursplan 2025–2027". */
  title?: RawCell;
}

/**
 * The rows of one kind, in the order of the sheets. A table row is kept as two numbers (its sheet row and the column
 * of its first filled cell) beside its table's columns, and made into a TableRow only while it is read: a plan may
 * have a hundred thousand rows, and an object for each, kept until the whole plan is read, costs the garbage collector
 * more than everything else the read does with it.
 */
export class RowList {
  /** Each row's table columns, or the row itself when it is a row of cells. */
  private readonly owners: (TableColumns | CellRow)[] = [];
  /** Each table row's sheet row and first column; -1 for a row of cells. */
  private readonly rows: number[] = [];
  private readonly firsts: number[] = [];

  get length(): number {
    return this.owners.length;
  }

  add(row: CellRow): void {
    this.owners.push(row);
    this.rows.push(-1);
    this.firsts.push(-1);
  }

  addTableRow(columns: TableColumns, row: number, first: number): void {
    this.owners.push(columns);
    this.rows.push(row);
    this.firsts.push(first);
  }

  /** Every row, made at once: for the few readers that are not on a hot path. */
  all(): RawRow[] {
    return Array.from({ length: this.length }, (_, position) => this.at(position));
  }

  at(position: number): RawRow {
    const row = this.rows[position];
    return row < 0
      ? (this.owners[position] as CellRow)
      : new TableRow(row, this.firsts[position], this.owners[position] as TableColumns);
  }
}

/** A plan's rows by kind, each kind in the order of the sheets. */
export class RawRows {
  readonly committee = new RowList();
  readonly goal = new RowList();
  readonly assignment = new RowList();
  readonly adjustment = new RowList();
  readonly keyFigure = new RowList();

  add(row: CellRow): void {
    this[row.kind].add(row);
  }

  addTableRow(columns: TableColumns, row: number, first: number): void {
    this[columns.kind].addTableRow(columns, row, first);
  }
}

export const ROW_KINDS: readonly RowKind[] = ["committee", "goal", "assignment", "adjustment", "keyFigure"];

export interface RawPlan {
  rows: RawRows;
  settings: RawSettings;
}
