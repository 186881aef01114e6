import { CellRef, CellValue, Grid, isFilled, valueAt } from "../sheet/grid";
import { AmountUnit } from "./amounts";
import type { RamLines } from "./layouts/ramLines";
import type { RawChangeTotal } from "./layouts/changeTotals";
import type { BudgetKind, Origin } from "./model";

/**
 * What a layout reader produces: rows of raw cells, each still pointing at its cell, before any name is resolved
 * or any amount parsed. Every layout (template, free layout, pasted budget document) reads into this shape, and
 * one resolver (resolve.ts) turns it into a Plan with findings, so all layouts give the same plan.
 */

/** The kinds of row a plan has. */
export const ROW_KINDS = ["committee", "goal", "assignment", "adjustment", "keyFigure"] as const;
export type RowKind = (typeof ROW_KINDS)[number];

export const isRowKind = (value: unknown): value is RowKind => (ROW_KINDS as readonly unknown[]).includes(value);

/** The fields a row's cells are read as (mapping.ts says which each kind of row has). */
export const FIELD_NAMES = [
  "id",
  "level",
  "name",
  "parent",
  "clarification",
  "committee",
  "kind",
  "amount",
  "year",
  "direction",
  "duration",
  "origin",
  "target",
  "unit",
  "kolada",
  "assignment",
  "comment",
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export const isFieldName = (value: unknown): value is FieldName => (FIELD_NAMES as readonly unknown[]).includes(value);

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
  originHint?: Origin;
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
  /**
   * Whether a cell the table reads holds an error value (#REF!, #N/A …), found while its rows were read: when none
   * does, as in nearly every table, no row needs another look for them.
   */
  holdsErrors: boolean;
}

/**
 * A table row: the grid's row as it is, and the table's columns. Made when the row is read (RowList) and dropped
 * after: cells and their references are made only when a finding or the plan needs one.
 */
export class TableRow {
  values: CellValue[] = [];

  constructor(
    public row: number,
    /** Column of the row's first filled cell, where row-level findings point. */
    public first: number,
    public columns: TableColumns,
  ) {
    this.moveTo(row, first, columns);
  }

  /** Points this object at another row (RowList.current): one object for every row a loop reads. */
  moveTo(row: number, first: number, columns: TableColumns): this {
    this.row = row;
    this.first = first;
    this.columns = columns;
    this.values = columns.grid.values[row - columns.grid.top];
    return this;
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

/** Key/value facts of the plan found in the workbook (budget year, plan years, title), each with its cell. */
export interface RawPlanFacts {
  budgetYear?: RawCell;
  planYears?: RawCell;
  /** A title such as "Mål- och resursplan 2025–2027". */
  title?: RawCell;
}

/**
 * The rows of one kind, in the order of the sheets. A table row is kept as numbers (its table, its sheet row and the
 * column of its first filled cell) and made into a TableRow only while it is read: a plan may have a hundred thousand
 * rows, and an object for each, kept until the whole plan is read, costs the garbage collector more than everything
 * else the read does with it.
 */
export class RowList {
  /** The tables whose rows these are, and the rows of cells, each kept as it is. */
  private readonly sources: (TableColumns | CellRow)[] = [];
  /** Three numbers per row: its source, its sheet row (-1 for a row of cells) and its first filled column. */
  private data = new Int32Array(3 * 64);
  private count = 0;
  private cursor: TableRow | undefined;

  get length(): number {
    return this.count;
  }

  add(row: CellRow): void {
    this.sources.push(row);
    this.push(this.sources.length - 1, -1, -1);
  }

  addTableRow(columns: TableColumns, row: number, first: number): void {
    // The rows of one table follow each other: its columns are a source once.
    if (this.sources[this.sources.length - 1] !== columns) this.sources.push(columns);
    this.push(this.sources.length - 1, row, first);
  }

  private push(source: number, row: number, first: number): void {
    if (3 * this.count === this.data.length) {
      const data = new Int32Array(2 * this.data.length);
      data.set(this.data);
      this.data = data;
    }
    const at = 3 * this.count++;
    this.data[at] = source;
    this.data[at + 1] = row;
    this.data[at + 2] = first;
  }

  /** The row at `position`, made to be kept. */
  at(position: number): RawRow {
    const source = this.sources[this.data[3 * position]];
    const row = this.data[3 * position + 1];
    return row < 0 ? (source as CellRow) : new TableRow(row, this.data[3 * position + 2], source as TableColumns);
  }

  /**
   * The row at `position` for a loop over every row: a table row is read through one TableRow, valid only until the
   * next call (`at` makes a row to keep).
   */
  current(position: number): RawRow {
    const row = this.data[3 * position + 1];
    if (row < 0 || !this.cursor) {
      const made = this.at(position);
      if (made instanceof TableRow) this.cursor = made;
      return made;
    }
    const columns = this.sources[this.data[3 * position]] as TableColumns;
    return this.cursor.moveTo(row, this.data[3 * position + 2], columns);
  }

  /** Every row, made at once: for the few readers that are not on a hot path. */
  all(): RawRow[] {
    return Array.from({ length: this.length }, (_, position) => this.at(position));
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

/**
 * A nämnd's budget for a year as a driftbudget table or a ram block gives it: the cells that make the amount (one, or
 * the rows of a nämnd written beside its verksamheter without a Summa row, added up).
 */
export interface RawBudget {
  kind: BudgetKind;
  committee: RawCell;
  year: number;
  amounts: RawCell[];
  unit?: AmountUnit;
  description?: RawCell;
  /** The most decimals its amounts show: how precisely the published figure was rounded. */
  decimals?: number;
}

/** An investment budget line: a nämnd's project and its amount for a year. */
export interface RawInvestment {
  committee: RawCell;
  project: RawCell;
  /** The project's number where a column of its own gives it ("Projektnr"). */
  projectNumber?: RawCell;
  year: number;
  amount: RawCell;
  unit?: AmountUnit;
}

export interface RawPlan {
  rows: RawRows;
  facts: RawPlanFacts;
  budgets?: RawBudget[];
  investments?: RawInvestment[];
  /** Ram blocks whose Ram lines and changes are reconciled. */
  ramBlocks?: RamLines[];
  /** The Summa rows of lists of ramjusteringar by year: a nämnd's total of its changes in a year. */
  changeTotals?: RawChangeTotal[];
}
