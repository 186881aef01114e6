import { Grid } from "../sheet/grid";

/** Text in A1 that marks a sheet as Måltavlan's own (follow-up, lists, state): never read as plan rows. */
export const OWN_SHEET_MARKER = "#maltavlan";

/** A follow-up row's key in column A: "<kind>|<plan id>". */
export const ROW_KEY_PATTERN = /^(goal|assignment|adjustment|keyFigure)\|./;

/**
 * Måltavlan's sheet: marked in A1, or — when someone deleted the marker — still recognisable by its row keys,
 * so a tampered follow-up sheet is never mistaken for the plan.
 */
export function isOwnSheet(grid: Grid): boolean {
  if (grid.left !== 0) return false;
  const first = grid.values[0]?.[0];
  if (grid.top === 0 && typeof first === "string" && first.startsWith(OWN_SHEET_MARKER)) return true;
  for (const row of grid.values) {
    const value = row[0];
    if (typeof value === "string" && ROW_KEY_PATTERN.test(value)) return true;
  }
  return false;
}
