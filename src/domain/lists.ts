import { SheetSpec } from "../sheet/spec";
import { OWN_SHEET_MARKER } from "./ownSheets";
import { Settings } from "./settings";

/**
 * Måltavlan's hidden lists sheet: every dropdown (in the template and in the follow-up sheets) points at a range
 * here, since a typed list is capped at 255 characters (design.md). One column per list, in a fixed order, so the
 * sheet can be rewritten without breaking dropdowns that already point at it.
 */

export const LISTS_SHEET = "Måltavlan listor";
export const LISTS_MARKER = `${OWN_SHEET_MARKER} listor`;

export type ListName =
  "levels" | "committeeKinds" | "origins" | "directions" | "durations" | "goalScale" | "assignmentScale";

/** Row (1-based) of a list's first value: row 1 holds the marker, row 2 the list's name. */
const FIRST_VALUE_ROW = 3;

function listValues(settings: Settings): Record<ListName, string[]> {
  return {
    levels: settings.levels.map((level) => level.label),
    committeeKinds: ["Nämnd", "Bolag"],
    origins: ["Fullmäktige", "Nämnd"],
    directions: ["Ramökning", "Ramminskning"],
    durations: ["Varaktig", "Tillfällig"],
    goalScale: settings.scales.goal.map((v) => v.label),
    assignmentScale: settings.scales.assignment.map((v) => v.label),
  };
}

/** `name`: the sheet's name in its workbook, another than LISTS_SHEET when a sheet of the user's has that one. */
export function listsSheet(settings: Settings, name = LISTS_SHEET): SheetSpec {
  const lists = Object.entries(listValues(settings));
  const height = Math.max(...lists.map(([, values]) => values.length));
  return {
    name,
    visibility: "hidden",
    blocks: [
      { top: 0, left: 0, rows: [[{ value: LISTS_MARKER }]] },
      {
        top: FIRST_VALUE_ROW - 2,
        left: 0,
        rows: Array.from({ length: height + 1 }, (_, r) =>
          lists.map(([name, values]) => ({ value: r === 0 ? name : (values[r - 1] ?? null) })),
        ),
      },
    ],
  };
}

/** The absolute, sheet-qualified range a dropdown takes its values from, on the lists sheet named `sheet`. */
export function listSource(settings: Settings, name: ListName, sheet = LISTS_SHEET): string {
  const lists = listValues(settings);
  const letter = String.fromCharCode(65 + Object.keys(lists).indexOf(name));
  const last = FIRST_VALUE_ROW + lists[name].length - 1;
  return `'${sheet.replace(/'/g, "''")}'!$${letter}$${FIRST_VALUE_ROW}:$${letter}$${last}`;
}
