import { Grid, cellText } from "../../sheet/grid";
import { AmountUnit } from "../amounts";
import { CellRow, FieldName, RowKind, TableColumns, filledCell } from "../raw";

/** A filled cell of the header row, or a column read without one, with the field it is read as (null: not read). */
export interface ColumnRead {
  col: number;
  header: string;
  field: FieldName | null;
}

/**
 * A table's columns as read: which field each column is, the cells a row gives by field, and the column maps an uppdrag
 * table with an amount column splits into (the uppdrag's, and its ramjustering's).
 */

/**
 * The columns whose cells become part of the plan. A comment column is read as a ramjustering's description where
 * the table has no other; beside any other row it is not kept, so it is listed as not read.
 */
export function keptColumns(read: Map<number, FieldName>, kind: RowKind): Set<number> {
  const describes = kind === "adjustment" && ![...read.values()].includes("name");
  return new Set([...read].flatMap(([col, field]) => (field !== "comment" || describes ? [col] : [])));
}

/** Every filled cell of the header row, and every column read without one, with the field it is read as. */
export function columnsRead(grid: Grid, headerRow: number, read: Map<number, FieldName>): ColumnRead[] {
  return (grid.values[headerRow - grid.top] ?? []).flatMap((value, i) => {
    const col = grid.left + i;
    const header = cellText(value).trim();
    const field = read.get(col) ?? null;
    return header || field ? [{ col, header, field }] : [];
  });
}

/** A row's filled cells, by the field their column is read as. */
export function rowFields(grid: Grid, row: number, columns: TableColumns): CellRow["fields"] {
  const fields: CellRow["fields"] = {};
  for (const field of columns.fields) {
    const cell = filledCell(grid, row, columns.byField[field] as number);
    if (cell) fields[field] = cell;
  }
  return fields;
}

/**
 * The table's column maps. On an uppdrag sheet with an amount column, the uppdrag row leaves the amount (and its
 * duration and direction) to a ramjustering row of its own, with the uppdrag's nämnd and year and a link back.
 */
export function tableColumns(
  grid: Grid,
  kind: RowKind,
  fields: Map<number, FieldName>,
  hints: { levelHint?: string; amountUnit?: AmountUnit },
) {
  const byField: Partial<Record<FieldName, number>> = {};
  for (const [col, field] of fields) byField[field] = col;
  const columnsOf = (rowKind: RowKind, of: Partial<Record<FieldName, number>>): TableColumns => {
    const named = (Object.keys(of) as FieldName[]).filter((field) => of[field] !== undefined);
    const only = Object.fromEntries(named.map((field) => [field, of[field]]));
    return { grid, kind: rowKind, byField: only, fields: named, ...hints, holdsErrors: false };
  };
  const { amount, duration, direction, ...assignment } = byField;
  if (kind !== "assignment" || amount === undefined) {
    const main = columnsOf(kind, byField);
    return { main, adjustmentById: main, adjustmentByName: main, amountCol: undefined, idCol: undefined };
  }
  const adjustment = { amount, duration, direction, committee: byField.committee, year: byField.year };
  return {
    main: columnsOf(kind, assignment),
    adjustmentById: columnsOf("adjustment", { ...adjustment, assignment: byField.id }),
    adjustmentByName: columnsOf("adjustment", { ...adjustment, assignment: byField.name }),
    amountCol: amount,
    idCol: byField.id,
  };
}

export const COLUMN_LOOK = 200;
