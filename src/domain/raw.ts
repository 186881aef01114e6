import { CellRef, CellValue } from "../sheet/grid";
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

export interface RawRow {
  kind: RowKind;
  /** The first cell of the row that carries data; where row-level findings point. */
  ref: CellRef;
  fields: Partial<Record<FieldName, RawCell>>;
  /**
   * Where each field's column crosses this row, empty cells included (table layouts), so that a missing value is
   * reported at the cell to fill in rather than at the row's first cell.
   */
  columns?: Partial<Record<FieldName, CellRef>>;
  /** Level id given by the sheet rather than a column ("Nämndmål" as the sheet name). */
  levelHint?: string;
  /** Unit that the amount column's header gives ("Belopp (tkr)"). */
  amountUnit?: AmountUnit;
  /** Origin given by a heading rather than a column ("Nämndernas egna uppdrag 2024"). */
  originHint?: "fullmaktige" | "namnd";
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
