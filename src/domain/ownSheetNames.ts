/**
 * Where Måltavlan's lists and state sheets go in a workbook that has other sheets. Its own are recognised by their
 * marker in A1, never by name alone: a sheet of the user's called "Måltavlan" or "Måltavlan listor" is the user's and
 * is never replaced; Måltavlan's sheet then takes the next free name ("Måltavlan (2)"), which the state records.
 */
import { HISTORY_MARKER, HISTORY_SHEET } from "./followup/historyName";
import { uniqueSheetName } from "./followup/sheetNames";
import { LISTS_MARKER, LISTS_SHEET } from "./lists";
import { CellValue, Grid, valueAt } from "../sheet/grid";
import { OwnSheetNames, STATE_MARKER, STATE_SHEET } from "./state";

/** A sheet as far as telling Måltavlan's own from the user's goes: its name and the value in its A1. */
export interface SheetHead {
  name: string;
  a1: CellValue;
}

export interface OwnSheetPlaces {
  names: OwnSheetNames;
  /** Måltavlan's own sheets that the new ones replace. */
  replace: string[];
}

export function sheetHeads(grids: Grid[]): SheetHead[] {
  return grids.map((grid) => ({ name: grid.sheet, a1: valueAt(grid, 0, 0) }));
}

const KINDS: { kind: keyof OwnSheetNames; marker: string; name: string }[] = [
  { kind: "lists", marker: LISTS_MARKER, name: LISTS_SHEET },
  { kind: "state", marker: STATE_MARKER, name: STATE_SHEET },
];

/**
 * The lists and state sheets for a workbook with `sheets` (none: a workbook of their own). Each replaces Måltavlan's
 * sheet of its kind (marked in A1; of two marked, the one `recorded` in the state) and keeps its name; without one,
 * it takes its usual name, or the next one free.
 */
export function placeOwnSheets(sheets: SheetHead[], recorded: Partial<OwnSheetNames> = {}): OwnSheetPlaces {
  const own = KINDS.map(({ kind, marker }) => {
    const marked = sheets.filter((sheet) => sheet.a1 === marker);
    return marked.find((sheet) => sheet.name === recorded[kind]) ?? marked[0];
  });
  // Every name in the workbook is taken: an own sheet's by the new sheet that replaces it.
  const taken = sheets.map((sheet) => sheet.name);
  const names = {} as OwnSheetNames;
  KINDS.forEach(({ kind, name }, i) => {
    names[kind] = own[i]?.name ?? uniqueSheetName(name, "", taken);
    taken.push(names[kind]);
  });
  return { names, replace: own.flatMap((sheet) => (sheet ? [sheet.name] : [])) };
}

/**
 * Where Måltavlan's history goes (src/domain/followup/history.ts): its own sheet (marked in A1), else its usual name
 * or the next free. Placed apart from the lists and state, which every follow-up replaces: only a consolidation
 * writes the history.
 */
export function placeHistorySheet(sheets: SheetHead[]): { name: string; replace: string[] } {
  const own = sheets.find((sheet) => sheet.a1 === HISTORY_MARKER);
  if (own) return { name: own.name, replace: [own.name] };
  return {
    name: uniqueSheetName(
      HISTORY_SHEET,
      "",
      sheets.map((sheet) => sheet.name),
    ),
    replace: [],
  };
}
