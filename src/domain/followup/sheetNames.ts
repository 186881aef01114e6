/** Sheet names built from nämnd codes (real nämnd names break Excel's rules), unique without regard to case. */
import { MAX_SHEET_NAME } from "../../sheet/sheetName";

/** Replaces what Excel forbids and shortens the stem so that `suffix` still fits. */
function cleanStem(stem: string, suffix: string): string {
  const cleaned = stem
    .replace(/[:\\/?*[\]]/g, "-")
    .replace(/^'+|'+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return (cleaned || "Blad").slice(0, MAX_SHEET_NAME - suffix.length).trim();
}

/**
 * A valid name for `stem` + `suffix` that none of `taken` uses (ignoring case): "KS T1 2025", or "KS (2) T1 2025"
 * when two nämnder's codes collide.
 */
export function uniqueSheetName(stem: string, suffix: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((name) => name.toLocaleLowerCase("sv")));
  for (let n = 1; ; n++) {
    const counter = n === 1 ? "" : ` (${n})`;
    const name = `${cleanStem(stem, counter + suffix)}${counter}${suffix}`;
    if (!used.has(name.toLocaleLowerCase("sv"))) return name;
  }
}
