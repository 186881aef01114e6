import { looksLikeCommitteeList } from "../adjustmentLine";
import { Grid } from "../../sheet/grid";
import { CellRow, filledCell } from "../raw";

/**
 * The nämnder an uppdrag's text names at its end or on a line of its own: "… i kommunen. KS", "… störst.
 * (Kommunstyrelsen)", "(KS, TN)". Read in a pasted page and in a table's uppdrag column.
 */

/** "(Kommunstyrelsen)", "(KS, TN)", or bare "KS" / "TN, VoN": a line that only names committees. */
export function committeeOnly(line: string): string | null {
  const bracketed = /^\((.+)\)$/u.exec(line);
  const inner = (bracketed ? bracketed[1] : line).trim();
  return looksLikeCommitteeList(inner) ? inner : null;
}

/**
 * Splits the responsible committees off the end of an uppdrag sentence: "… i kommunen. KS",
 * "… bostadsinnehavet. TN, VoN, SAN, KS", "… störst. (Kommunstyrelsen)". Bare codes count only after a sentence
 * end, so a title ending in an abbreviation ("… enligt LSS") keeps it.
 */
export function splitTrailingCommittees(text: string): { title: string; committees: string } | null {
  const bracketed = /^(.*\S)\s*\(([^()]+)\)$/su.exec(text);
  if (bracketed && looksLikeCommitteeList(bracketed[2])) {
    return { title: bracketed[1].trim(), committees: bracketed[2].trim() };
  }
  const afterSentence = /^(.*[.!?…])\s+([^.!?…]+)\.?$/su.exec(text);
  if (afterSentence && looksLikeCommitteeList(afterSentence[2])) {
    return { title: afterSentence[1].trim(), committees: afterSentence[2].trim() };
  }
  return null;
}

/** The uppdrag's title without the nämnder its text ends with, and those nämnder; null when it names none. */
export function trailingCommitteeFields(grid: Grid, row: number, col: number): CellRow["fields"] | null {
  const cell = filledCell(grid, row, col);
  if (!cell || typeof cell.value !== "string") return null;
  const split = splitTrailingCommittees(cell.value.trim());
  return (
    split && { name: { value: split.title, ref: cell.ref }, committee: { value: split.committees, ref: cell.ref } }
  );
}
