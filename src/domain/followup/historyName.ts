import { OWN_SHEET_MARKER } from "../ownSheets";

/** How Måltavlan's history sheet (history.ts) is told apart: its name, and its marker in A1. Small: the Excel host's read takes it. */

export const HISTORY_SHEET = "Måltavlan historik";
export const HISTORY_MARKER = `${OWN_SHEET_MARKER} historik`;

/** Whether a sheet's name is one the history takes: its own, or with a counter ("Måltavlan historik (2)"). */
export function isHistorySheetName(name: string): boolean {
  const own = HISTORY_SHEET.toLocaleLowerCase("sv");
  const lower = name.toLocaleLowerCase("sv");
  return lower === own || (lower.startsWith(`${own} (`) && /^ \(\d+\)$/.test(lower.slice(own.length)));
}
