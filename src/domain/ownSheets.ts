import { Grid } from "../sheet/grid";

/** Text in A1 or A2 that marks a sheet as Måltavlan's own (follow-up, report, lists, state): never read as plan rows. */
export const OWN_SHEET_MARKER = "#maltavlan";

/** A follow-up row's key in column A: "<kind>|<plan id>". */
export const ROW_KEY_PATTERN = /^(goal|assignment|adjustment|keyFigure|economy|investment|measures)\|./;

/**
 * Måltavlan's sheet: marked in A1, or — when someone deleted the marker — still recognisable by its row keys,
 * so a tampered follow-up sheet is never mistaken for the plan.
 */
export function isOwnSheet(grid: Grid): boolean {
  if (grid.left !== 0) return false;
  for (let row = grid.top; row <= 1; row++) {
    const value = grid.values[row - grid.top]?.[0];
    if (typeof value === "string" && value.startsWith(OWN_SHEET_MARKER)) return true;
  }
  for (const row of grid.values) {
    const value = row[0];
    if (typeof value === "string" && ROW_KEY_PATTERN.test(value)) return true;
  }
  return false;
}
