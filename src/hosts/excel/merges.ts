/**
 * Merged ranges in the Excel host: Range.getMergedAreasOrNullObject (ExcelApi 1.13), queued with the read's other
 * loads so reading them costs no sync of its own. Called on the whole sheet, it gives every merged area whose top-left
 * cell is on the sheet; Excel refuses the call for a range with more than 512 merged areas, failing the whole sync.
 * So they take at most some 40 kB of a response a sheet: they are left out of the sheets' shapes (bytes of cells).
 */
import type { MergedRange } from "../../sheet/grid";
import { TIMEOUT } from "../../sheet/hostProblems";
import { ExcelHostError } from "./problems";

export interface MergesLoad {
  /** The merged ranges, 0-based sheet coordinates; only after the sync. */
  ranges(): MergedRange[];
}

/** Queues loading the merged areas of `sheet` (the whole sheet: a used range may be a null object). */
export function loadMerges(sheet: Excel.Worksheet): MergesLoad {
  const found = sheet.getRange().getMergedAreasOrNullObject();
  found.load("areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount");
  return {
    ranges: () =>
      (found.isNullObject ? [] : found.areas.items).map((area) => ({
        top: area.rowIndex,
        left: area.columnIndex,
        bottom: area.rowIndex + area.rowCount - 1,
        right: area.columnIndex + area.columnCount - 1,
      })),
  };
}

/**
 * Whether a failed sync that loaded merged areas may have failed for them (more than 512 on a sheet; Excel documents
 * the limit, not the error code it gives): the read is then tried once more without them. Not a refusal by size,
 * which has its own retry, nor a sync that hung.
 */
export function mayBeRefusedMerges(error: unknown, tooLarge: ReadonlySet<string>): boolean {
  return error instanceof ExcelHostError && error.code !== TIMEOUT && !tooLarge.has(error.code);
}

/** The merged ranges whose top-left cell is in a sheet's used range (the others start on empty cells), in order. */
export function mergesInUsedRange(
  merges: MergedRange[],
  used: { top: number; left: number; rows: number; columns: number },
): MergedRange[] {
  return merges
    .filter(
      (m) =>
        m.top >= used.top && m.top < used.top + used.rows && m.left >= used.left && m.left < used.left + used.columns,
    )
    .sort((a, b) => a.top - b.top || a.left - b.left);
}
