/** Range.getSpecialCells in the stand-in: which cells hold a constant or a formula of a kind, as areas. */
import { fail } from "./errors";
import { Area, MAX_COLS, ModelValue, SheetModel } from "./model";

const SPECIAL_VALUE_TYPES: Record<string, (value: ModelValue) => boolean> = {
  All: () => true,
  Errors: (value) => typeof value === "object" && value !== null,
  Logical: (value) => typeof value === "boolean",
  Numbers: (value) => typeof value === "number",
  Text: (value) => typeof value === "string",
};

/**
 * The cells of `target` that hold a constant (or a formula) of `valueType`, as rectangles: runs of cells in a row,
 * runs of the same columns in consecutive rows merged. Excel's own split into areas is unspecified; a host must
 * not depend on it.
 */
export function specialAreas(
  { sheet, area }: { sheet: SheetModel; area: Area },
  cellType: string,
  valueType: string,
): Area[] {
  const matches = SPECIAL_VALUE_TYPES[valueType];
  if ((cellType !== "Constants" && cellType !== "Formulas") || !matches) {
    fail("InvalidArgument", `stand-in: getSpecialCells(${cellType}, ${valueType}) is not modelled.`);
  }
  const cells: [number, number][] = [];
  for (const [key, cell] of sheet.cells) {
    if (cell.value === null && cell.formula === undefined) continue;
    if ((cell.formula !== undefined) !== (cellType === "Formulas") || !matches(cell.value)) continue;
    const row = Math.floor(key / MAX_COLS);
    const col = key % MAX_COLS;
    if (row >= area.top && row <= area.bottom && col >= area.left && col <= area.right) cells.push([row, col]);
  }
  cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const runs: Area[] = [];
  for (const [row, col] of cells) {
    const last = runs[runs.length - 1];
    if (last && last.top === row && last.right === col - 1) last.right = col;
    else runs.push({ top: row, bottom: row, left: col, right: col });
  }
  const areas: Area[] = [];
  const open = new Map<string, Area>(); // by "left:right": the area that ended on the row before
  for (const run of runs) {
    const span = `${run.left}:${run.right}`;
    const above = open.get(span);
    if (above && above.bottom === run.top - 1) above.bottom = run.top;
    else {
      const fresh = { ...run };
      areas.push(fresh);
      open.set(span, fresh);
    }
  }
  return areas;
}
