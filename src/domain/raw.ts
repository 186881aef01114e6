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
  sheet: string;
  kind: RowKind;
  /** The grid's first column (0-based sheet coordinate): where each row's values start. */
  left: number;
  /** Column (0-based sheet coordinate) of each field. */
  byField: Partial<Record<FieldName, number>>;
  /** The fields that have a column, listed once for the table. */
  fields: FieldName[];
  levelHint?: string;
  amountUnit?: AmountUnit;
}

/**
 * A table row: the grid's row as it is, and the table's columns. One small object per row, since a plan may have a
 * hundred thousand rows: cells and their references are made only when a finding or the plan needs one.
 */
export class TableRow {
  constructor(
    readonly values: CellValue[],
    readonly row: number,
    /** Column of the row's first filled cell, where row-level findings point. */
    readonly first: number,
    readonly columns: TableColumns,
  ) {}

  get kind(): RowKind {
    return this.columns.kind;
  }

  get ref(): CellRef {
    return { sheet: this.columns.sheet, row: this.row, col: this.first };
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
    return col === undefined ? null : (row.values[col - row.columns.left] ?? null);
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
    return col === undefined ? undefined : { sheet: row.columns.sheet, row: row.row, col };
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

export interface RawPlan {
  rows: RawRow[];
  settings: RawSettings;
}
