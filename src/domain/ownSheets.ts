import { Grid } from "../sheet/grid";

/** Text in A1 that marks a sheet as Måltavlan's own (follow-up, lists, state): never read as plan rows. */
export const OWN_SHEET_MARKER = "#maltavlan";

/** A follow-up row's key in column A: "<kind>|<plan id>". */
export const ROW_KEY_PATTERN = /^(goal|assignment|adjustment|keyFigure)\|./;

function columnA(grid: Grid): unknown[] {
  return grid.left === 0 ? grid.values.map((row) => row[0]) : [];
}

/**
 * Måltavlan's sheet: marked in A1, or — when someone deleted the marker — still recognisable by its row keys,
 * so a tampered follow-up sheet is never mistaken for the plan.
 */
export function isOwnSheet(grid: Grid): boolean {
  const [first, ...rest] = columnA(grid);
  if (grid.top === 0 && typeof first === "string" && first.startsWith(OWN_SHEET_MARKER)) return true;
  return [first, ...rest].some((value) => typeof value === "string" && ROW_KEY_PATTERN.test(value));
}
